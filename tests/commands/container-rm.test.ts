import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function withWeb() {
  const sb = createSandbox();
  expect((await sb.run("run -d --name web nginx")).exitCode).toBe(0);
  return sb;
}

const names = (sb: ReturnType<typeof createSandbox>) => Object.values(sb.state()!.containers).map((c) => c.name);

describe("docker rm", () => {
  it("removes a stopped container, printing the name as typed", async () => {
    const sb = await withWeb();
    await sb.run("stop web");
    expectGolden("container-rm-stopped", await sb.run("rm /web"));
    expect(names(sb)).toEqual([]);
  });

  it("refuses a running container", async () => {
    const sb = await withWeb();
    expectGolden("container-rm-running", await sb.run("rm web"));
    expect(names(sb)).toEqual(["/web"]);
  });

  it("refuses a paused container", async () => {
    const sb = await withWeb();
    await sb.run("pause web");
    expectGolden("container-rm-paused", await sb.run("rm web"));
  });

  it("removes a running container with -f", async () => {
    const sb = await withWeb();
    expectGolden("container-rm-force", await sb.run("rm -f web"));
    expect(names(sb)).toEqual([]);
  });

  it("reports a missing container and exits 1", async () => {
    expectGolden("container-rm-missing", await createSandbox().run("rm x"));
  });

  it("joins several errors one per line", async () => {
    expectGolden("container-rm-missing-two", await createSandbox().run("rm a b"));
  });

  it("prints a missing container's error but exits 0 with -f", async () => {
    const sb = await withWeb();
    expectGolden("container-rm-force-missing", await sb.run("rm -f x web"));
    expect(names(sb)).toEqual([]);
  });

  it("still fails with -f for errors other than not found", async () => {
    const r = await createSandbox().run(["rm", "-f", "/"]);
    expectGolden("container-rm-empty-name", r);
  });
});
