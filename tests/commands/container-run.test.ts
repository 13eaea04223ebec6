import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

const containers = (sb: ReturnType<typeof createSandbox>) => Object.values(sb.state()?.containers ?? {});

describe("docker run", () => {
  it("pulls hello-world on first use, progress on stderr, then prints its message", async () => {
    const sb = createSandbox();
    const r = await sb.run("run hello-world");
    expect(r.stderr.startsWith("Unable to find image 'hello-world:latest' locally\nlatest: Pulling from library/hello-world\n")).toBe(true);
    expect(r.stdout).toContain("Hello from Docker!");
    expectGolden("container-run-hello-world", r);
    // The second run finds the image: no pull output at all.
    const again = await sb.run("run hello-world");
    expect(again.stderr).toBe("");
    expect(again.stdout).toBe(r.stdout);
  });

  it("-q keeps the pull quiet", async () => {
    const sb = createSandbox();
    const r = await sb.run("run -q busybox echo hi");
    expect(r).toEqual({ stdout: "hi\n", stderr: "", exitCode: 0 });
  });

  it("-d prints the full ID and leaves the container running", async () => {
    const sb = createSandbox();
    const r = await sb.run("run -d -q --name web nginx");
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expectGolden("container-run-detached", r);
    const c = containers(sb).find((x) => x.name === "/web")!;
    expect(c.id).toBe(r.stdout.trim());
    expect(c.state.running).toBe(true);
  });

  it("reports a name conflict with exit 125", async () => {
    const sb = createSandbox();
    await sb.run("run -d -q --name web nginx");
    const r = await sb.run("run --name web nginx");
    expect(r.exitCode).toBe(125);
    expect(r.stderr).toMatch(/^docker: Error response from daemon: Conflict\. The container name "\/web" is already in use by container "[0-9a-f]{64}"\./);
    expectGolden("container-run-name-conflict", r);
  });

  it("leaves an unknown restart policy to the daemon", async () => {
    const sb = createSandbox();
    expectGolden("container-run-restart-bogus", await sb.run("run -q --restart=bogus busybox"));
    expect(containers(sb)).toEqual([]);
  });

  it.each([
    ["bad-ip", "-p 80:80:80:80", "docker: invalid IP address: 80:80"],
    ["bad-container-port", "-p abc", "docker: invalid containerPort: abc"],
    ["bad-host-port", "-p 99999:80", "docker: invalid hostPort: 99999"],
    ["bad-proto", "-p 8080:80/xyz", "docker: invalid proto: xyz"],
    ["bad-ranges", "-p 8000-8001:80-82", "docker: invalid ranges specified for container and host Ports: 80-82 and 8000-8001"],
    ["empty-port", "-p 80:", "docker: no port specified: 80:<empty>"],
    ["restart-format", "--restart=on-failure:x", "docker: invalid restart policy format: maximum retry count must be an integer"],
    ["restart-colon", "--restart=:3", "docker: invalid restart policy format: no policy provided before colon"],
    ["rm-restart", "--rm --restart=always", "docker: conflicting options: cannot specify both --restart and --rm"],
    ["volume-colons", "-v :/x", "docker: invalid spec: :/x: empty section between colons"],
    ["volume-too-many", "-v /a:/b:rw:x", "docker: invalid spec: /a:/b:rw:x: too many colons"],
    ["expose", "--expose 80:80", "docker: invalid port format for --expose: 80:80"],
    ["pull-option", "--pull=bogus", `docker: invalid pull option: 'bogus': must be one of "always", "missing" or "never"`],
    ["alias-default-net", "--network-alias x", "docker: network-scoped aliases are only supported for user-defined networks"],
    ["uppercase", "", "docker: invalid reference format: repository name (library/UPPER) must be lowercase"],
  ])("rejects %s client-side with exit 125", async (_name, flags, first) => {
    const sb = createSandbox();
    const image = _name === "uppercase" ? "UPPER" : "alpine";
    const r = await sb.run(`run ${flags} ${image}`);
    expect(r).toEqual({ stdout: "", stderr: `${first}\n\nRun 'docker run --help' for more information\n`, exitCode: 125 });
    expect(containers(sb)).toEqual([]);
  });

  it("golden: bad -p", async () => {
    expectGolden("container-run-bad-publish", await createSandbox().run("run -p 8080:http nginx"));
  });

  it("-it without a terminal fails before anything is created", async () => {
    const sb = createSandbox();
    const r = await sb.run("run -it alpine sh");
    expect(r).toEqual({ stdout: "", stderr: "the input device is not a TTY\n", exitCode: 1 });
    expectGolden("container-run-it-no-tty", r);
    expect(containers(sb)).toEqual([]);
  });

  it("-d with -a conflicts", async () => {
    const r = await createSandbox().run("run -d -a stdout alpine");
    expect(r).toEqual({ stdout: "", stderr: "conflicting options: cannot specify both --attach and --detach\n", exitCode: 1 });
  });

  it("--rm removes the container once it exits, after streaming its output", async () => {
    const sb = createSandbox();
    const r = await sb.run("run -q --rm busybox echo hello");
    expectGolden("container-run-rm", r);
    expect(r.stdout).toBe("hello\n");
    expect(containers(sb)).toEqual([]);
  });

  it("exits with the container's exit code and streams stderr to stderr", async () => {
    const sb = createSandbox();
    const r = await sb.run(["run", "-q", "busybox", "sh", "-c", "echo out; echo err >&2; exit 3"]);
    expect(r).toEqual({ stdout: "out\n", stderr: "err\n", exitCode: 3 });
    expectGolden("container-run-exit-code", r);
  });

  it("with -t everything goes to stdout", async () => {
    const r = await createSandbox().run(["run", "-q", "-t", "busybox", "sh", "-c", "echo err >&2"]);
    expect(r.stderr).toBe("");
    expect(r.stdout.replace(/\r/g, "")).toBe("err\n");
  });

  it("exits 127 when the command is not in the image", async () => {
    const sb = createSandbox();
    const r = await sb.run("run -q alpine nosuchcmd");
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toContain('exec: "nosuchcmd": executable file not found in $PATH');
    expect(r.stderr.startsWith("docker: Error response from daemon: ")).toBe(true);
    expect(r.stderr.endsWith("\n\nRun 'docker run --help' for more information\n")).toBe(true);
    expectGolden("container-run-missing-executable", r);
    expect(containers(sb)).toHaveLength(1);
  });

  it("-d still prints the ID when start fails", async () => {
    const r = await createSandbox().run("run -d -q alpine nosuchcmd");
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(r.exitCode).toBe(127);
  });

  it("--pull=never makes a missing image fatal", async () => {
    const r = await createSandbox().run("run --pull=never nginx");
    expect(r).toEqual({
      stdout: "",
      stderr: "docker: Error response from daemon: No such image: nginx:latest\n\nRun 'docker run --help' for more information\n",
      exitCode: 125,
    });
  });

  it("--pull=always pulls even when the image is present", async () => {
    const sb = createSandbox();
    await sb.run("run -q busybox true");
    const r = await sb.run("run --pull=always busybox true");
    expect(r.stderr).not.toContain("Unable to find image");
    expect(r.stderr).toContain("Status: Image is up to date for busybox:latest");
  });

  it("-e sets variables, -e KEY copies the client's value, --env-file reads a file", async () => {
    const sb = createSandbox({ env: { FROM_CLIENT: "yes" } });
    sb.files.set("/work/app.env", "# settings\nFILE_VAR=1\n\n  SPACED=a b\nFROM_CLIENT\nMISSING\n");
    const r = await sb.run("run -q --env-file /work/app.env -e A=1 -e FROM_CLIENT busybox env");
    expectGolden("container-run-env", r);
    const lines = r.stdout.split("\n");
    expect(lines).toContain("FILE_VAR=1");
    expect(lines).toContain("SPACED=a b");
    expect(lines).toContain("A=1");
    expect(lines).toContain("FROM_CLIENT=yes");
    expect(lines.some((l) => l.startsWith("MISSING"))).toBe(false);
  });

  it("--env-file errors", async () => {
    const sb = createSandbox();
    sb.files.set("/bad.env", "A=1\n=x\n");
    sb.files.set("/ws.env", "BAD KEY=1\n");
    const tail = "\n\nRun 'docker run --help' for more information\n";
    expect((await sb.run("run --env-file /nope alpine")).stderr).toBe(`docker: open /nope: no such file or directory${tail}`);
    expect((await sb.run("run --env-file /bad.env alpine")).stderr).toBe(`docker: invalid env file (/bad.env): no variable name on line '=x'${tail}`);
    expect((await sb.run("run --env-file /ws.env alpine")).stderr).toBe(`docker: invalid env file (/ws.env): variable 'BAD KEY' contains whitespaces${tail}`);
  });

  it("--cidfile writes the ID without a newline and refuses an existing file", async () => {
    const sb = createSandbox();
    const r = await sb.run("run -d -q --cidfile /tmp/web.cid nginx");
    expect(sb.files.get("/tmp/web.cid")).toBe(r.stdout.trim());
    const again = await sb.run("run -d --cidfile /tmp/web.cid nginx");
    expectGolden("container-run-cidfile-exists", again);
    expect(again.exitCode).toBe(125);
  });

  it("--cidfile is not written when create fails", async () => {
    const sb = createSandbox();
    await sb.run("run -d -q --name web nginx");
    await sb.run("run --cidfile /tmp/x.cid --name web nginx");
    expect(sb.files.has("/tmp/x.cid")).toBe(false);
  });

  it("-i feeds the client's stdin to the process", async () => {
    const sb = createSandbox();
    const r = await sb.run("run -q -i busybox cat", { stdin: "piped text\n" });
    expect(r).toEqual({ stdout: "piped text\n", stderr: "", exitCode: 0 });
  });
});
