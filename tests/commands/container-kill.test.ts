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

describe("docker kill", () => {
  it("kills with SIGKILL by default", async () => {
    const sb = await withWeb();
    expectGolden("container-kill-running", await sb.run("kill web"));
    expect(stateOf(sb, "web")).toMatchObject({ running: false, exitCode: 137 });
  });

  it("refuses a stopped container", async () => {
    const sb = await withWeb();
    await sb.run("stop web");
    expectGolden("container-kill-stopped", await sb.run("kill web"));
  });

  it("reports a missing container", async () => {
    expectGolden("container-kill-missing", await createSandbox().run("kill nope"));
  });

  it("passes -s to the daemon", async () => {
    const sb = await withWeb();
    const r = await sb.run("kill -s TERM web");
    expect(r).toEqual({ stdout: "web\n", stderr: "", exitCode: 0 });
  });

  it("rejects an unknown signal with the daemon's text", async () => {
    const sb = await withWeb();
    expectGolden("container-kill-bad-signal", await sb.run("kill -s BOGUS web"));
  });
});
