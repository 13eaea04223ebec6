import { describe, expect, it } from "vitest";
import { runLogin } from "../../src/commands/registry/login.js";
import { createSandbox } from "../../src/sandbox.js";
import { ttyHost } from "./registry-helpers.js";

const UNENCRYPTED = (path: string) =>
  `\nWARNING! Your credentials are stored unencrypted in '${path}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`;
const PATH = "/root/.docker/config.json";
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("docker login", () => {
  it("-u -p: warns about -p, stores base64 user:password in the client config, not the host", async () => {
    const sb = createSandbox();
    expect(await sb.run("login -u alice -p s3cret")).toEqual({
      stdout: "Login Succeeded\n",
      stderr: "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n" + UNENCRYPTED(PATH),
      exitCode: 0,
    });
    expect(sb.clientConfig().auths).toEqual({ "https://index.docker.io/v1/": { auth: b64("alice:s3cret") } });
    expect(JSON.stringify(sb.state())).not.toContain("s3cret");
    expect(JSON.stringify(sb.state())).not.toContain(b64("alice:s3cret"));
  });

  it("registers a hub account at its first login; later logins must give the same password", async () => {
    const sb = createSandbox();
    await sb.run("login -u alice -p one");
    await sb.run("logout");
    expect(await sb.run("login -u alice -p two")).toEqual({
      stdout: "",
      stderr:
        "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n" +
        'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password\n',
      exitCode: 1,
    });
    expect(sb.clientConfig().auths).toEqual({});
    expect((await sb.run("login -u alice --password-stdin", { stdin: "one\n" })).stdout).toBe("Login Succeeded\n");
  });

  it("--password-stdin and -p: docker's client-side checks", async () => {
    const sb = createSandbox();
    expect(await sb.run("login --password-stdin", { stdin: "x" })).toEqual({
      stdout: "",
      stderr: "the --password-stdin option requires --username to be set\n",
      exitCode: 1,
    });
    expect(await sb.run("login -u a -p x --password-stdin")).toEqual({
      stdout: "",
      stderr: "conflicting options: cannot specify both --password and --password-stdin\n",
      exitCode: 1,
    });
    expect(await sb.run("login")).toEqual({ stdout: "", stderr: "Error: Cannot perform an interactive login from a non TTY device\n", exitCode: 1 });
    expect((await sb.run("login a b")).stderr).toContain("docker: 'docker login' requires at most 1 argument");
  });

  it("logs in again with stored credentials", async () => {
    const sb = createSandbox();
    await sb.run("login -u alice -p pw");
    expect(await sb.run("login")).toEqual({
      stdout: "Login Succeeded\n",
      stderr:
        "Authenticating with existing credentials... [Username: alice]\n\n" +
        " Info -> To login with a different account, run 'docker logout' followed by 'docker login'\n\n\n" +
        UNENCRYPTED(PATH),
      exitCode: 0,
    });
  });

  it("logs in to a registry container while it runs", async () => {
    const sb = createSandbox();
    expect(await sb.run("login -u x --password-stdin localhost:5000", { stdin: "y" })).toEqual({
      stdout: "",
      stderr: 'Error response from daemon: Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n',
      exitCode: 1,
    });
    await sb.run("run -d --name registry -p 5000:5000 registry:2");
    expect((await sb.run("login -u x --password-stdin localhost:5000", { stdin: "y" })).stdout).toBe("Login Succeeded\n");
    expect(sb.clientConfig().auths).toEqual({ "localhost:5000": { auth: b64("x:y") } });
  });

  it("prompts on a terminal", async () => {
    const { cli } = ttyHost();
    const hub = cli({}, ["bob", "pw"]);
    await runLogin(hub.cli, { serverAddress: "", user: "", password: "", passwordStdin: false });
    expect(hub.io.err).toContain("Failed to start web-based login - falling back to command line login...\n\n");
    expect(hub.io.out).toContain("Log in with your Docker ID or email address to push and pull images from Docker Hub.");
    expect(hub.io.out).toContain("Username: ");
    expect(hub.io.out).toContain("Password: ");
    expect(hub.io.out.endsWith("Login Succeeded\n")).toBe(true);
    expect(hub.cli.config.auths?.["https://index.docker.io/v1/"]?.auth).toBe(b64("bob:pw"));

    const reg = cli({}, ["pw"]);
    await runLogin(reg.cli, { serverAddress: "localhost:5000", user: "u", password: "", passwordStdin: false }).catch((e: Error) => void (reg.io.err += e.message));
    expect(reg.io.out).toBe("Password: ");
    expect(reg.io.err).toContain('Get "http://localhost:5000/v2/"');

    const empty = cli({}, [""]);
    await expect(runLogin(empty.cli, { serverAddress: "localhost:5000", user: "", password: "", passwordStdin: false })).rejects.toThrow("Error: Non-null Username Required");
  });
});

describe("docker logout", () => {
  it("removes the credentials and says so even when there were none", async () => {
    const sb = createSandbox();
    expect(await sb.run("logout")).toEqual({ stdout: "Removing login credentials for https://index.docker.io/v1/\n", stderr: "", exitCode: 0 });
    await sb.run("run -d --name registry -p 5000:5000 registry:2");
    await sb.run("login -u x -p y localhost:5000");
    await sb.run("login -u alice -p pw");
    expect(Object.keys(sb.clientConfig().auths!).sort()).toEqual(["https://index.docker.io/v1/", "localhost:5000"]);
    expect((await sb.run("logout http://localhost:5000/")).stdout).toBe("Removing login credentials for localhost:5000\n");
    expect(Object.keys(sb.clientConfig().auths!)).toEqual(["https://index.docker.io/v1/"]);
    await sb.run("logout");
    expect(sb.clientConfig().auths).toEqual({});
  });
});

describe("private Docker Hub repositories", () => {
  it("need a login as their owner to pull", async () => {
    const sb = createSandbox();
    const denied = "Error response from daemon: pull access denied for mockdocker/private-hello, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n";
    expect(await sb.run("pull mockdocker/private-hello")).toEqual({ stdout: "Using default tag: latest\n", stderr: denied, exitCode: 1 });
    await sb.run("login -u alice -p pw");
    expect((await sb.run("pull mockdocker/private-hello")).stderr).toBe(denied);
    await sb.run("login -u mockdocker -p pw");
    const ok = await sb.run("pull mockdocker/private-hello");
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toContain("Status: Downloaded newer image for mockdocker/private-hello:latest\n");
    expect((await sb.run("search private")).stdout).not.toContain("mockdocker/private-hello");
  });

  it("stale credentials for the owner are refused", async () => {
    const config: { auths?: Record<string, { auth?: string }> } = {};
    const sb = createSandbox({ config });
    await sb.run("login -u mockdocker -p right");
    config.auths = { "https://index.docker.io/v1/": { auth: b64("mockdocker:wrong") } };
    expect((await sb.run("pull mockdocker/private-hello")).stderr).toBe(
      'Error response from daemon: Head "https://registry-1.docker.io/v2/mockdocker/private-hello/manifests/latest": unauthorized: incorrect username or password\n',
    );
  });
});
