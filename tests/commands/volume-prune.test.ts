import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function host() {
  const sb = createSandbox({ seed: "volume-prune" });
  for (const cmd of ["volume create named", "volume create --label keep=yes kept", "create -v /anon busybox", "run --name used -v /inuse busybox true"]) {
    expect((await sb.run(cmd)).exitCode).toBe(0);
  }
  // The first container goes without -v: its anonymous volume stays behind, unused.
  const first = Object.values(sb.state()!.containers).find((c) => c.name !== "/used")!;
  await sb.run(`rm ${first.id}`);
  return sb;
}

const volumeNames = (sb: ReturnType<typeof createSandbox>) => Object.keys(sb.state()!.volumes).sort();

describe("docker volume prune", () => {
  it("asks first; anything but y keeps everything", async () => {
    const sb = await host();
    expectGolden("volume-prune-no", await sb.run("volume prune", { stdin: "n\n" }));
    expect(volumeNames(sb)).toHaveLength(4);
  });

  it("removes only unused anonymous volumes", async () => {
    const sb = await host();
    expectGolden("volume-prune-yes", await sb.run("volume prune", { stdin: "y\n" }));
    expect(volumeNames(sb)).toHaveLength(3);
  });

  it("removes every unused volume with -a, filters applied", async () => {
    const sb = await host();
    expectGolden("volume-prune-all-prompt", await sb.run("volume prune -a", { stdin: "" }));
    expectGolden("volume-prune-all-filtered", await sb.run("volume prune -a -f --filter label!=keep"));
    expect(volumeNames(sb)).toHaveLength(2);
  });

  it("refuses --all with an all filter", async () => {
    expectGolden("volume-prune-all-conflict", await (await host()).run("volume prune -a -f --filter all=1"));
  });
});
