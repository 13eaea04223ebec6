import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

/**
 * alpine and busybox pulled; `snap` committed from a container on alpine (shares alpine's
 * layer, adds 6 bytes); a dangling image left by committing another container untagged.
 */
async function host() {
  const sb = createSandbox({ seed: "image-prune" });
  for (const cmd of [
    "pull alpine",
    "pull busybox",
    "run --name writer alpine sh -c 'echo hello > /f'",
    "commit writer snap",
    "run --name other busybox sh -c 'echo dangling > /d'",
    "commit other",
    "rm writer other",
  ]) {
    expect((await sb.run(cmd)).exitCode).toBe(0);
  }
  return sb;
}

const imageCount = (sb: ReturnType<typeof createSandbox>) => Object.keys(sb.state()!.images).length;

describe("docker image prune", () => {
  it("removes only dangling images after y", async () => {
    const sb = await host();
    expect(imageCount(sb)).toBe(4);
    expectGolden("image-prune-dangling", await sb.run("image prune", { stdin: "y\n" }));
    expect(imageCount(sb)).toBe(3);
  });

  it("cancels silently on anything but y", async () => {
    const sb = await host();
    expectGolden("image-prune-cancel", await sb.run("image prune -a", { stdin: "no\n" }));
    expect(imageCount(sb)).toBe(4);
  });

  it("removes every image no container uses with -a; the sizes match system df", async () => {
    const sb = await host();
    await sb.run("create --name keeper busybox");
    expectGolden("image-prune-all-df-before", await sb.run("system df"));
    expectGolden("image-prune-all", await sb.run("image prune -a", { stdin: "y\n" }));
    expectGolden("image-prune-all-df-after", await sb.run("system df"));
    expect(Object.values(sb.state()!.images).map((i) => i.id)).toHaveLength(1);
  });

  it("keeps images a container uses, even stopped", async () => {
    const sb = await host();
    await sb.run("create --name keeper snap");
    const r = await sb.run("image prune -a -f");
    expect(r.stdout).not.toContain("untagged: snap:latest");
    expect(r.stdout).toContain("untagged: busybox:latest");
  });

  it("filters by label, label! and until", async () => {
    const sb = await host();
    await sb.run("run --name lab busybox true");
    await sb.run("commit -c 'LABEL stage=tmp' lab labelled");
    await sb.run("rm lab");
    // busybox loses its tags but stays: `labelled` is its child (a quiet conflict, as in moby).
    expectGolden("image-prune-label-not", await sb.run(["image", "prune", "-a", "-f", "--filter", "label!=stage"]));
    expect(Object.keys(sb.state()!.images)).toHaveLength(2);
    // Deleting the child prunes its untagged parent too (ImageDelete with PruneChildren).
    expectGolden("image-prune-label", await sb.run(["image", "prune", "-a", "-f", "--filter", "label=stage=tmp"]));
    expect(Object.keys(sb.state()!.images)).toHaveLength(0);
  });

  it("until= keeps images created after the limit", async () => {
    const sb = await host();
    // alpine and busybox were built months before the frozen clock, the commits now. Both old
    // images have a committed child, so they are only untagged.
    expectGolden("image-prune-until-24h", await sb.run("image prune -a -f --filter until=24h"));
    expect(Object.values(sb.state()!.images)).toHaveLength(4);
    expect((await sb.run("images -q")).stdout.trim().split("\n")).toHaveLength(2);
  });

  it.each([
    ["unknown-key", "image prune -f --filter reference=alpine"],
    ["conflicting-dangling", "image prune -a -f --filter dangling=true"],
    ["bad-until", "image prune -f --filter until=2025-13-45"],
  ])("rejects bad filters: %s", async (name, cmd) => {
    expectGolden(`image-prune-error-${name}`, await (await host()).run(cmd));
  });
});
