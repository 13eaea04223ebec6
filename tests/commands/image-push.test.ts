import { describe, expect, it } from "vitest";
import { runPush } from "../../src/commands/image/push.js";
import { runCli } from "../../src/cli/run-cli.js";
import { createSandbox } from "../../src/sandbox.js";
import { screen, ttyHost } from "./registry-helpers.js";

const DIGEST = /^sha256:[0-9a-f]{64}$/;

async function withRegistry(extra = "") {
  const sb = createSandbox();
  for (const c of ["pull -q registry:2", "pull -q alpine", "pull -q busybox", `run -d --name registry -p 5000:5000 ${extra} registry:2`]) {
    expect((await sb.run(c)).exitCode).toBe(0);
  }
  return sb;
}

describe("docker push to a registry container", () => {
  it("pushes, reports the manifest digest and records it as a RepoDigest", async () => {
    const sb = await withRegistry();
    await sb.run("tag alpine localhost:5000/my-alpine:1.0");
    const r = await sb.run("push localhost:5000/my-alpine:1.0");
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("The push refers to repository [localhost:5000/my-alpine]");
    expect(lines[1]).toMatch(/^[0-9a-f]{12}: Preparing$/);
    expect(lines[2]).toBe(`${lines[1]!.slice(0, 12)}: Pushed`);
    const m = /^1\.0: digest: (sha256:[0-9a-f]{64}) size: (\d+)$/.exec(lines[3]!);
    expect(m).not.toBeNull();
    // A one-layer schema2 manifest is 527 bytes, as Docker's are.
    expect(m![2]).toBe("527");
    const digests = JSON.parse((await sb.run("image inspect -f '{{json .RepoDigests}}' localhost:5000/my-alpine:1.0")).stdout);
    expect(digests).toContain(`localhost:5000/my-alpine@${m![1]}`);

    const again = await sb.run("push localhost:5000/my-alpine:1.0");
    expect(again.stdout.split("\n")[2]).toMatch(/^[0-9a-f]{12}: Layer already exists$/);
    expect(again.stdout).toContain(`1.0: digest: ${m![1]} size: 527`);
  });

  it("defaults the tag, pushes every tag with -a, mounts blobs another repository holds, prints only the name with -q", async () => {
    const sb = await withRegistry();
    await sb.run("tag busybox localhost:5000/bb");
    const first = await sb.run("push localhost:5000/bb");
    expect(first.stdout.startsWith("Using default tag: latest\nThe push refers to repository [localhost:5000/bb]\n")).toBe(true);
    await sb.run("tag busybox localhost:5000/team/bb:v1");
    await sb.run("tag busybox localhost:5000/team/bb:v2");
    const all = await sb.run("push -a localhost:5000/team/bb");
    expect(all.stdout).toMatch(/^[0-9a-f]{12}: Mounted from bb$/m);
    expect(all.stdout).toMatch(/^v1: digest: sha256:[0-9a-f]{64} size: 527$/m);
    expect(all.stdout).toMatch(/^v2: digest: sha256:[0-9a-f]{64} size: 527$/m);
    expect(all.stdout).not.toContain("Using default tag");
    const q = await sb.run("push -q 127.0.0.1:5000/team/bb:v1");
    expect(q).toEqual({ stdout: "", stderr: "An image does not exist locally with the tag: 127.0.0.1:5000/team/bb\n", exitCode: 1 });
    await sb.run("tag busybox 127.0.0.1:5000/team/bb:v1");
    expect(await sb.run("push -q 127.0.0.1:5000/team/bb:v1")).toEqual({ stdout: "127.0.0.1:5000/team/bb:v1\n", stderr: "", exitCode: 0 });
  });

  it("keeps the registry's content in /var/lib/registry of its container, across a restart", async () => {
    const sb = await withRegistry();
    await sb.run("tag alpine localhost:5000/my-alpine:1.0");
    await sb.run("push localhost:5000/my-alpine:1.0");
    const ls = await sb.run("exec registry ls /var/lib/registry/docker/registry/v2/repositories/my-alpine/_manifests/tags");
    expect(ls.stdout).toBe("1.0\n");
    expect((await sb.run("restart registry")).exitCode).toBe(0);
    await sb.run("rmi localhost:5000/my-alpine:1.0");
    const pull = await sb.run("pull localhost:5000/my-alpine:1.0");
    expect(pull.exitCode).toBe(0);
    expect(pull.stdout).toContain("1.0: Pulling from my-alpine\n");
    // A new registry container starts empty.
    await sb.run("rm -f registry");
    await sb.run("run -d --name registry -p 5000:5000 registry:2");
    const gone = await sb.run("pull localhost:5000/my-alpine:1.0");
    expect(gone.stderr).toBe("Error response from daemon: manifest for localhost:5000/my-alpine:1.0 not found: manifest unknown: manifest unknown\n");
  });

  it("keeps content in a named volume for the next registry container", async () => {
    const sb = createSandbox();
    await sb.run("pull -q alpine");
    await sb.run("run -d --name reg -v regdata:/var/lib/registry -p 5000:5000 registry:2");
    await sb.run("tag alpine localhost:5000/a:1");
    expect((await sb.run("push -q localhost:5000/a:1")).exitCode).toBe(0);
    await sb.run("rm -f reg");
    await sb.run("run -d --name reg2 -v regdata:/var/lib/registry -p 5000:5000 registry:2");
    await sb.run("rmi localhost:5000/a:1");
    expect((await sb.run("pull localhost:5000/a:1")).exitCode).toBe(0);
  });

  it("carries a committed image's own layer through the registry", async () => {
    const sb = await withRegistry();
    await sb.run("run --name maker busybox sh -c 'echo made here > /greeting'");
    await sb.run("commit maker localhost:5000/made:1");
    const push = await sb.run("push localhost:5000/made:1");
    expect(push.exitCode).toBe(0);
    expect(push.stdout.match(/: Pushed$/gm)?.length).toBe(2);
    await sb.run("rm maker");
    await sb.run("rmi localhost:5000/made:1");
    expect((await sb.run("pull localhost:5000/made:1")).exitCode).toBe(0);
    expect(await sb.run("run --rm localhost:5000/made:1 cat /greeting")).toMatchObject({ stdout: "made here\n", exitCode: 0 });
  });

  it("fails with the connection error when the registry is down or the name reaches nothing", async () => {
    const sb = await withRegistry();
    await sb.run("tag alpine localhost:5000/my-alpine:1.0");
    await sb.run("stop registry");
    expect(await sb.run("push localhost:5000/my-alpine:1.0")).toEqual({
      stdout: "The push refers to repository [localhost:5000/my-alpine]\n",
      stderr: 'Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n',
      exitCode: 1,
    });
    await sb.run("tag alpine localhost:5001/x");
    expect((await sb.run("push localhost:5001/x")).stderr).toBe('Get "http://localhost:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused\n');
    await sb.run("tag alpine registry.example.com/x:1");
    expect((await sb.run("push registry.example.com/x:1")).stderr).toBe(
      'Get "https://registry.example.com/v2/": dial tcp: lookup registry.example.com on 127.0.0.53:53: no such host\n',
    );
  });

  it("names the missing image or tag", async () => {
    const sb = await withRegistry();
    expect(await sb.run("push localhost:5000/nosuch:1")).toEqual({
      stdout: "The push refers to repository [localhost:5000/nosuch]\n",
      stderr: "An image does not exist locally with the tag: localhost:5000/nosuch\n",
      exitCode: 1,
    });
    await sb.run("tag alpine localhost:5000/app:1");
    expect((await sb.run("push localhost:5000/app:2")).stderr).toBe("tag does not exist: localhost:5000/app:2\n");
  });

  it("rejects what the client checks itself", async () => {
    const sb = createSandbox();
    expect(await sb.run("push UPPER")).toEqual({ stdout: "", stderr: "invalid reference format: repository name (library/UPPER) must be lowercase\n", exitCode: 1 });
    expect(await sb.run("push -a alpine:1")).toEqual({ stdout: "", stderr: "tag can't be used with --all-tags/-a\n", exitCode: 1 });
  });
});

describe("docker push to Docker Hub", () => {
  it("is denied without login, and for another user's or the official namespace", async () => {
    const sb = createSandbox();
    await sb.run("pull -q alpine");
    await sb.run("tag alpine alice/app:1");
    const r = await sb.run("push alice/app:1");
    expect(r.stdout).toMatch(/^The push refers to repository \[docker\.io\/alice\/app\]\n[0-9a-f]{12}: Preparing\n$/);
    expect(r.stderr).toBe("denied: requested access to the resource is denied\n");
    expect(r.exitCode).toBe(1);
    await sb.run("login -u bob -p secret");
    expect((await sb.run("push alice/app:1")).stderr).toBe("denied: requested access to the resource is denied\n");
    await sb.run("tag alpine nginx:mine");
    expect((await sb.run("push nginx:mine")).stderr).toBe("denied: requested access to the resource is denied\n");
  });

  it("pushes to your own namespace after login; the repository is public", async () => {
    const sb = createSandbox();
    await sb.run("pull -q alpine");
    await sb.run("tag alpine alice/app:1");
    await sb.run("login -u alice -p s3cret");
    const r = await sb.run("push alice/app:1");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f]{12}: Mounted from library\/alpine$/m);
    expect(r.stdout).toMatch(/^1: digest: sha256:[0-9a-f]{64} size: 527$/m);
    await sb.run("logout");
    await sb.run("rmi alice/app:1");
    const pull = await sb.run("pull alice/app:1");
    expect(pull.exitCode).toBe(0);
    expect(pull.stdout).toContain("1: Pulling from alice/app\n");
    expect((await sb.run("search alice")).stdout).toContain("alice/app");
    // Hub state holds the account and the repository, never the password.
    const state = JSON.stringify(sb.state());
    expect(state).not.toContain("s3cret");
    expect(sb.state()!.hub!.repositories["alice/app"]!.tags["1"]).toMatch(DIGEST);
  });
});

describe("docker push on a terminal", () => {
  it("rewrites each layer's line in place, ending in 'Pushed '", async () => {
    const { cli } = ttyHost();
    const setup = cli();
    for (const c of ["pull -q registry:2", "pull -q nginx", "run -d --name registry -p 5000:5000 registry:2", "tag nginx localhost:5000/web:1"]) {
      expect(await runCli(c.split(" "), setup.cli)).toBe(0);
    }
    const { cli: tty, io } = cli();
    await runPush(tty, { remote: "localhost:5000/web:1", all: false, quiet: false, platform: "" });
    expect(io.out).toContain("\x1b[2K");
    const lines = screen(io.out).split("\n");
    expect(lines[0]).toBe("The push refers to repository [localhost:5000/web]");
    const layerLines = lines.slice(1, -2);
    expect(layerLines.length).toBeGreaterThan(3);
    for (const l of layerLines) expect(l).toMatch(/^[0-9a-f]{12}: Pushed $/);
    expect(lines.at(-2)).toMatch(/^1: digest: sha256:[0-9a-f]{64} size: \d+$/);
  });
});
