import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";

async function registryWith(sb: ReturnType<typeof createSandbox>, ...tags: string[]) {
  await sb.run("pull -q alpine");
  await sb.run("run -d --name registry -p 5000:5000 registry:2");
  for (const t of tags) {
    await sb.run(`tag alpine ${t}`);
    expect((await sb.run(`push ${t}`)).exitCode).toBe(0);
  }
}

describe("docker pull, more", () => {
  it("--platform: the catalogue is amd64 only, so another platform fails inside the stream", async () => {
    const sb = createSandbox();
    expect(await sb.run("pull --platform linux/arm64 alpine")).toEqual({
      stdout: "Using default tag: latest\nlatest: Pulling from library/alpine\n",
      stderr: "no matching manifest for linux/arm64/v8 in the manifest list entries\n",
      exitCode: 1,
    });
    expect(sb.state()!.images).toEqual({});
    const ok = await sb.run("pull --platform linux/amd64 alpine");
    expect(ok.exitCode).toBe(0);
    expect((await sb.run("pull --platform linux/amd64 alpine")).stdout).toContain("Status: Image is up to date for alpine:latest\n");
  });

  it("prints Digest and Status lines and is up to date on a repeat", async () => {
    const sb = createSandbox();
    const first = await sb.run("pull busybox:1.36");
    expect(first.stdout).toMatch(/^Digest: sha256:[0-9a-f]{64}$/m);
    expect(first.stdout).toContain("Status: Downloaded newer image for busybox:1.36\ndocker.io/library/busybox:1.36\n");
    const again = await sb.run("pull busybox:1.36");
    expect(again.stdout).toBe(
      `1.36: Pulling from library/busybox\n${/^Digest: .*$/m.exec(first.stdout)![0]}\nStatus: Image is up to date for busybox:1.36\ndocker.io/library/busybox:1.36\n`,
    );
  });

  it("pulls from a registry container by tag, by digest and with -a", async () => {
    const sb = createSandbox();
    await registryWith(sb, "localhost:5000/app:1", "localhost:5000/app:2");
    await sb.run("rmi localhost:5000/app:1 localhost:5000/app:2");
    const digest = JSON.parse((await sb.run("image inspect -f '{{json .RepoDigests}}' alpine")).stdout).find((d: string) => d.startsWith("localhost:5000/app@"));
    expect(digest).toBeUndefined();
    const all = await sb.run("pull -a localhost:5000/app");
    expect(all.exitCode).toBe(0);
    expect(all.stdout).toMatch(/^1: Pulling from app\n(.*\n)*2: Pulling from app\n/);
    expect(all.stdout.endsWith("Status: Downloaded newer image for localhost:5000/app\nlocalhost:5000/app\n")).toBe(true);
    const d = /^Digest: (sha256:[0-9a-f]{64})$/m.exec(all.stdout)![1]!;
    const byDigest = await sb.run(`pull localhost:5000/app@${d}`);
    expect(byDigest.stdout.startsWith(`${d}: Pulling from app\n`)).toBe(true);
    expect(byDigest.stdout.endsWith(`localhost:5000/app@${d}\n`)).toBe(true);
    const images = await sb.run("images --digests localhost:5000/app");
    expect(images.stdout).toContain(d);
    expect((await sb.run("pull -a localhost:5000/nope")).stderr).toBe("Error response from daemon: name unknown: repository name not known to registry\n");
  });

  it("run pulls a missing image from the registry container", async () => {
    const sb = createSandbox();
    await registryWith(sb, "localhost:5000/app:1");
    await sb.run("rmi localhost:5000/app:1");
    await sb.run("rmi alpine");
    const r = await sb.run("run --rm localhost:5000/app:1 cat /etc/alpine-release");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/^Unable to find image 'localhost:5000\/app:1' locally\n1: Pulling from app\n/);
    expect(r.stdout).toMatch(/^3\.\d+\.\d+\n$/);
  });

  it("errors for unknown repositories and tags", async () => {
    const sb = createSandbox();
    expect((await sb.run("pull nosuchuser/nosuchrepo")).stderr).toBe(
      "Error response from daemon: pull access denied for nosuchuser/nosuchrepo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    );
    expect((await sb.run("pull dockerinaction/hello_world:nope")).stderr).toBe(
      "Error response from daemon: manifest for dockerinaction/hello_world:nope not found: manifest unknown: manifest unknown\n",
    );
  });
});
