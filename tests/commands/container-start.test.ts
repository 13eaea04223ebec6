import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

describe("docker start", () => {
  it("prints each container as typed and reports the failures", async () => {
    const sb = createSandbox();
    await sb.run("create -q --name one busybox sleep 100");
    const r = await sb.run("start one nope nada");
    expect(r).toEqual({
      stdout: "one\n",
      stderr:
        "Error response from daemon: No such container: nope\nError response from daemon: No such container: nada\nError: failed to start containers: nope, nada\n",
      exitCode: 1,
    });
    expectGolden("container-start-errors", r);
    expect(Object.values(sb.state()!.containers)[0]!.state.running).toBe(true);
  });

  it("starting a running container still prints it", async () => {
    const sb = createSandbox();
    await sb.run("run -d -q --name web nginx");
    expect(await sb.run("start web")).toEqual({ stdout: "web\n", stderr: "", exitCode: 0 });
  });

  it("-a streams the output and returns the exit code", async () => {
    const sb = createSandbox();
    await sb.run(["create", "-q", "--name", "job", "busybox", "sh", "-c", "echo out; echo err >&2; exit 5"]);
    const r = await sb.run("start -a job");
    expect(r).toEqual({ stdout: "out\n", stderr: "err\n", exitCode: 5 });
    expectGolden("container-start-attach", r);
  });

  it("-a refuses several containers", async () => {
    const r = await createSandbox().run("start -a a b");
    expect(r).toEqual({ stdout: "", stderr: "you cannot start and attach multiple containers at once\n", exitCode: 1 });
  });
});
