import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

describe("docker volume create", () => {
  it("prints the name given", async () => {
    const sb = createSandbox();
    expectGolden("volume-create-named", await sb.run("volume create mydata"));
    const v = sb.state()!.volumes.mydata!;
    expect(v.driver).toBe("local");
    expect(v.anonymous).toBe(false);
  });

  it("makes up a 64-hex name when none is given", async () => {
    const r = await createSandbox().run("volume create");
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it("keeps labels and driver options", async () => {
    const sb = createSandbox();
    await sb.run("volume create --label env=prod --label team -o type=tmpfs -o device=tmpfs -d local cache");
    expectGolden("volume-create-inspect-labels", await sb.run("volume inspect cache"));
  });

  it("returns an existing volume as it is", async () => {
    const sb = createSandbox();
    await sb.run("volume create --label a=1 same");
    expect((await sb.run("volume create same")).stdout).toBe("same\n");
    expect(sb.state()!.volumes.same!.labels).toEqual({ a: "1" });
  });

  it("refuses a bad name, an unknown driver, unknown options", async () => {
    const sb = createSandbox();
    expectGolden("volume-create-bad-name", await sb.run(["volume", "create", "bad name"]));
    expectGolden("volume-create-short-name", await sb.run("volume create x"));
    expectGolden("volume-create-bad-driver", await sb.run("volume create -d nfs v1"));
    expectGolden("volume-create-bad-opt", await sb.run("volume create -o foo=bar v2"));
    expectGolden("volume-create-name-twice", await sb.run("volume create --name a b"));
    expect(sb.state()?.volumes ?? {}).toEqual({});
  });
});
