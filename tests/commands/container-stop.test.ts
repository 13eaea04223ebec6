import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function withWeb() {
  const sb = createSandbox();
  const r = await sb.run("run -d --name web nginx");
  expect(r.exitCode).toBe(0);
  return sb;
}

const stateOf = (sb: ReturnType<typeof createSandbox>, name: string) =>
  Object.values(sb.state()!.containers).find((c) => c.name === `/${name}`)!.state;

describe("docker stop", () => {
  it("prints each name as typed and stops the container", async () => {
    const sb = await withWeb();
    const r = await sb.run("stop web");
    expectGolden("container-stop-running", r);
    expect(stateOf(sb, "web").running).toBe(false);
  });

  it("counts an already stopped container as stopped", async () => {
    const sb = await withWeb();
    await sb.run("stop web");
    expectGolden("container-stop-stopped", await sb.run("stop web"));
  });

  it("reports a missing container", async () => {
    const sb = createSandbox();
    expectGolden("container-stop-missing", await sb.run("stop nope"));
  });

  it("stops what it can and joins the errors", async () => {
    const sb = await withWeb();
    const r = await sb.run("docker container stop nope web other");
    expectGolden("container-stop-mixed", r);
    expect(stateOf(sb, "web").running).toBe(false);
  });

  it("sends the signal given with -s", async () => {
    const sb = await withWeb();
    const r = await sb.run("stop -s SIGKILL web");
    expect(r).toEqual({ stdout: "web\n", stderr: "", exitCode: 0 });
    expect(stateOf(sb, "web").exitCode).toBe(137);
  });

  it("accepts -t", async () => {
    const sb = await withWeb();
    expect(await sb.run("stop -t 0 web")).toEqual({ stdout: "web\n", stderr: "", exitCode: 0 });
    expect(stateOf(sb, "web").running).toBe(false);
  });
});

describe("docker restart", () => {
  it("restarts a running container", async () => {
    const sb = await withWeb();
    const r = await sb.run("restart web");
    expectGolden("container-restart-running", r);
    expect(stateOf(sb, "web").running).toBe(true);
  });

  it("starts a stopped container", async () => {
    const sb = await withWeb();
    await sb.run("stop web");
    expect(await sb.run("restart -t 1 web")).toEqual({ stdout: "web\n", stderr: "", exitCode: 0 });
    expect(stateOf(sb, "web").running).toBe(true);
  });

  it("reports missing containers one per line", async () => {
    const sb = await withWeb();
    expectGolden("container-restart-missing", await sb.run("restart a web b"));
  });
});
