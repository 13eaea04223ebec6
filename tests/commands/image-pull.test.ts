import { describe, expect, it } from "vitest";
import { runPull } from "../../src/commands/image/pull.js";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";
import { screen, ttyHost } from "./registry-helpers.js";


const refs = (sb: ReturnType<typeof createSandbox>) => Object.keys(sb.state()!.references).sort();

describe("docker pull", () => {
  it("pulls an image: default tag notice, progress, canonical reference", async () => {
    const sb = createSandbox();
    expectGolden("image-pull-first", await sb.run("pull alpine"));
    expect(refs(sb)).toContain("docker.io/library/alpine:latest");
  });

  it("says the image is up to date on a second pull", async () => {
    const sb = createSandbox();
    await sb.run("pull alpine");
    expectGolden("image-pull-up-to-date", await sb.run("pull alpine:latest"));
  });

  it("reports layers shared with a pulled image as Already exists", async () => {
    const sb = createSandbox();
    await sb.run("pull alpine");
    const r = await sb.run("pull nginx:alpine");
    expect(r.stdout).toMatch(/^[0-9a-f]{12}: Already exists$/m);
    expectGolden("image-pull-shared-layer", r);
  });

  it("prints only the reference with -q", async () => {
    const sb = createSandbox();
    expectGolden("image-pull-quiet", await sb.run("pull -q busybox"));
    expect(refs(sb)).toContain("docker.io/library/busybox:latest");
  });

  it("pulls by digest without the default tag notice", async () => {
    const sb = createSandbox();
    await sb.run("pull alpine");
    const digest = refs(sb).find((r) => r.includes("@"))!.split("@")[1]!;
    const r = await sb.run(`pull alpine@${digest}`);
    expect(r.stdout.startsWith(`${digest}: Pulling from library/alpine\n`)).toBe(true);
    expect(r.stdout.endsWith(`docker.io/library/alpine@${digest}\n`)).toBe(true);
    expect(r.exitCode).toBe(0);
  });

  it("pulls every tag with -a and prints the bare repository", async () => {
    const sb = createSandbox();
    expectGolden("image-pull-all-tags", await sb.run("pull -a hello-world"));
  });

  it.each([
    ["uppercase", "pull UPPER"],
    ["bad-format", "pull alpine:"],
    ["all-tags-with-tag", "pull -a alpine:3"],
    ["not-found", "pull nope"],
    ["tag-not-found", "pull alpine:nope"],
    ["unreachable-registry", "pull localhost:5000/app"],
  ])("fails: %s", async (name, cmd) => {
    const sb = createSandbox();
    const r = await sb.run(cmd);
    expect(r.exitCode).toBe(1);
    expectGolden(`image-pull-error-${name}`, r);
    expect(sb.state()?.images ?? {}).toEqual({});
  });
});

describe("docker pull on a terminal", () => {
  it("rewrites each layer's line in place, ending in 'Pull complete '", async () => {
    const { cli: ttyCli, io } = ttyHost().cli();
    await runPull(ttyCli, { remote: "hello-world", all: false, quiet: false, platform: "" });
    expect(io.out).toContain("\x1b[2K");
    const lines = screen(io.out).split("\n");
    expect(lines[0]).toBe("Using default tag: latest");
    expect(lines[1]).toBe("latest: Pulling from library/hello-world");
    expect(lines[2]).toMatch(/^[0-9a-f]{12}: Pull complete $/);
    expect(lines[3]).toMatch(/^Digest: sha256:[0-9a-f]{64}$/);
    expect(lines.slice(4)).toEqual(["Status: Downloaded newer image for hello-world:latest", "docker.io/library/hello-world:latest", ""]);
  });
});
