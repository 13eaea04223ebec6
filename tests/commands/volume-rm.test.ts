import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

describe("docker volume rm", () => {
  it("removes volumes, printing each name", async () => {
    const sb = createSandbox();
    await sb.run("volume create a1");
    await sb.run("volume create b1");
    expectGolden("volume-rm-ok", await sb.run("volume rm a1 b1"));
    expect(sb.state()!.volumes).toEqual({});
  });

  it("refuses a volume in use, even with -f, naming the container", async () => {
    const sb = createSandbox({ seed: "volume-rm" });
    await sb.run("create --name user -v data:/data busybox");
    expectGolden("volume-rm-in-use", await sb.run("volume rm data"));
    expectGolden("volume-rm-in-use-force", await sb.run("volume rm -f data"));
    expect(sb.state()!.volumes.data).toBeDefined();
  });

  it("reports a missing volume and goes on; -f forgives it", async () => {
    const sb = createSandbox();
    await sb.run("volume create a1");
    expectGolden("volume-rm-missing", await sb.run("volume rm nosuch a1"));
    expectGolden("volume-rm-missing-force", await sb.run("volume rm -f nosuch"));
  });
});
