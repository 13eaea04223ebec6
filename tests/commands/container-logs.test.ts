import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function withLogs() {
  const sb = createSandbox();
  await sb.run(["run", "-d", "-q", "--name", "app", "busybox", "sh", "-c", "echo one; echo two; echo three >&2; sleep 600"]);
  return sb;
}

describe("docker logs", () => {
  it("splits stdout and stderr", async () => {
    const sb = await withLogs();
    expect(await sb.run("logs app")).toEqual({ stdout: "one\ntwo\n", stderr: "three\n", exitCode: 0 });
  });

  it("--tail and -t", async () => {
    const sb = await withLogs();
    const r = await sb.run("logs --tail 2 -t app");
    expect(r).toEqual({
      stdout: "2025-06-01T10:00:00.000000000Z two\n",
      stderr: "2025-06-01T10:00:00.000000000Z three\n",
      exitCode: 0,
    });
    expectGolden("container-logs-tail-timestamps", r);
    expect((await sb.run("logs -n 0 app")).stdout).toBe("");
    expect((await sb.run("logs --tail all app")).stdout).toBe("one\ntwo\n");
  });

  it("--since and --until", async () => {
    const sb = await withLogs();
    expect((await sb.run("logs --since 10m app")).stdout).toBe("one\ntwo\n");
    expect((await sb.run("logs --since 2025-06-01T10:00:01Z app")).stdout).toBe("");
    expect((await sb.run("logs --until 2025-06-01T09:00:00Z app")).stdout).toBe("");
    const bad = await sb.run("logs --since bogus app");
    expect(bad).toEqual({ stdout: "", stderr: 'invalid value for "since": failed to parse value as time or duration: "bogus"\n', exitCode: 1 });
    expectGolden("container-logs-since-bad", bad);
  });

  it("--details adds the (empty) attributes column", async () => {
    const sb = await withLogs();
    expect((await sb.run("logs --details app")).stdout).toBe(" one\n two\n");
  });

  it("a missing container", async () => {
    expect(await createSandbox().run("logs nope")).toEqual({
      stdout: "",
      stderr: "Error response from daemon: No such container: nope\n",
      exitCode: 1,
    });
  });

  it("-f follows until the container stops", async () => {
    const sb = createSandbox();
    await sb.run(["run", "-d", "-q", "--name", "ticker", "busybox", "sh", "-c", "echo a; sleep 2; echo b"]);
    expect(await sb.run("logs -f ticker")).toEqual({ stdout: "a\nb\n", stderr: "", exitCode: 0 });
  });
});
