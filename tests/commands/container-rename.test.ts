import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function withTwo() {
  const sb = createSandbox();
  expect((await sb.run("run -d --name old nginx")).exitCode).toBe(0);
  expect((await sb.run("create --name taken nginx")).exitCode).toBe(0);
  return sb;
}

const names = (sb: ReturnType<typeof createSandbox>) => Object.values(sb.state()!.containers).map((c) => c.name).sort();

describe("docker rename", () => {
  it("renames silently", async () => {
    const sb = await withTwo();
    expectGolden("container-rename-ok", await sb.run("rename old fresh"));
    expect(names(sb)).toEqual(["/fresh", "/taken"]);
  });

  it("reports a name in use, then its own error", async () => {
    const sb = await withTwo();
    expectGolden("container-rename-conflict", await sb.run("rename old taken"));
    expect(names(sb)).toEqual(["/old", "/taken"]);
  });

  it("refuses the same name", async () => {
    const sb = await withTwo();
    expectGolden("container-rename-same", await sb.run("rename old old"));
  });

  it("refuses empty names", async () => {
    const sb = await withTwo();
    expectGolden("container-rename-empty", await sb.run(["rename", "", "taken"]));
    expectGolden("container-rename-empty-new", await sb.run(["rename", "old", "  "]));
  });

  it("reports a missing container", async () => {
    expectGolden("container-rename-missing", await createSandbox().run("rename nope x"));
  });

  it("reports an invalid new name", async () => {
    const sb = await withTwo();
    expectGolden("container-rename-invalid", await sb.run(["rename", "old", "bad name"]));
  });
});
