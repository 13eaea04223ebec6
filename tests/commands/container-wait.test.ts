import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

describe("docker wait", () => {
  it("prints each exit code, then the failures", async () => {
    const sb = createSandbox();
    await sb.run(["run", "-d", "-q", "--name", "quick", "busybox", "sh", "-c", "exit 7"]);
    await sb.run(["run", "-d", "-q", "--name", "slow", "busybox", "sh", "-c", "sleep 30; exit 2"]);
    const r = await sb.run("wait quick nope slow");
    expect(r).toEqual({ stdout: "7\n2\n", stderr: "Error response from daemon: No such container: nope\n", exitCode: 1 });
    expectGolden("container-wait-mixed", r);
    expect(Object.values(sb.state()!.containers).every((c) => !c.state.running)).toBe(true);
  });
});
