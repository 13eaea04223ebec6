import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function withTwo() {
  const sb = createSandbox();
  expect((await sb.run("run -d --name a nginx")).exitCode).toBe(0);
  expect((await sb.run("create --name b nginx")).exitCode).toBe(0);
  return sb;
}

const names = (sb: ReturnType<typeof createSandbox>) => Object.values(sb.state()!.containers).map((c) => c.name).sort();

describe("docker rename", () => {
  it("renames silently", async () => {
    const sb = await withTwo();
    expectGolden("container-rename-ok", await sb.run("rename a c"));
    expect(names(sb)).toEqual(["/b", "/c"]);
  });

  it("reports a name in use, then its own error", async () => {
    const sb = await withTwo();
    expectGolden("container-rename-conflict", await sb.run("rename a b"));
    expect(names(sb)).toEqual(["/a", "/b"]);
  });

  it("refuses the same name", async () => {
    const sb = await withTwo();
    expectGolden("container-rename-same", await sb.run("rename a a"));
  });

  it("refuses empty names", async () => {
    const sb = await withTwo();
    expectGolden("container-rename-empty", await sb.run(["rename", "", "b"]));
    expectGolden("container-rename-empty-new", await sb.run(["rename", "a", "  "]));
  });

  it("reports a missing container", async () => {
    expectGolden("container-rename-missing", await createSandbox().run("rename nope x"));
  });

  it("reports an invalid new name", async () => {
    const sb = await withTwo();
    expectGolden("container-rename-invalid", await sb.run("rename a -bad"));
  });
});
