import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function withWeb() {
  const sb = createSandbox();
  expect((await sb.run("run -d --name web nginx")).exitCode).toBe(0);
  return sb;
}

const stateOf = (sb: ReturnType<typeof createSandbox>, name: string) =>
  Object.values(sb.state()!.containers).find((c) => c.name === `/${name}`)!.state;

describe("docker pause / unpause", () => {
  it("pauses and unpauses, printing the names", async () => {
    const sb = await withWeb();
    expectGolden("container-pause-running", await sb.run("pause web"));
    expect(stateOf(sb, "web").paused).toBe(true);
    expectGolden("container-unpause-paused", await sb.run("unpause web"));
    expect(stateOf(sb, "web").paused).toBe(false);
  });

  it("refuses to pause twice", async () => {
    const sb = await withWeb();
    await sb.run("pause web");
    expectGolden("container-pause-already", await sb.run("pause web"));
  });

  it("refuses to unpause a running container", async () => {
    const sb = await withWeb();
    expectGolden("container-unpause-not-paused", await sb.run("unpause web"));
  });

  it("joins the errors of several containers", async () => {
    const sb = await withWeb();
    expectGolden("container-pause-mixed", await sb.run("pause a web b"));
  });
});
