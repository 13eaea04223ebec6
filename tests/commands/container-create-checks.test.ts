// Daemon-side checks that refuse a create before anything exists (moby daemon/create.go
// verifyContainerSettings, jsonfilelog.ValidateLogOpt, the tmpfs destination rules).
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";

const tail = "\n\nRun 'docker run --help' for more information\n";

describe("docker run: daemon-side checks of the request", () => {
  it.each([
    ["--stop-signal", "x", "invalid signal: x"],
    ["--tmpfs", "x", "invalid mount path: 'x' mount path must be absolute"],
    ["--tmpfs", "/", "invalid specification: destination can't be '/'"],
    ["--log-opt", "x", "unknown log opt 'x' for json-file log driver"],
  ])("%s %s", async (flag, value, message) => {
    const sb = createSandbox();
    await sb.run("pull -q busybox");
    const r = await sb.run(["run", "--rm", flag, value, "busybox", "true"]);
    expect(r.stderr).toBe(`docker: Error response from daemon: ${message}${tail}`);
    expect(r.exitCode).toBe(125);
    expect(Object.keys(sb.state()!.containers)).toHaveLength(0);
  });

  it("accepts what the daemon accepts", async () => {
    const sb = createSandbox();
    await sb.run("pull -q busybox");
    const r = await sb.run("run --rm --stop-signal SIGUSR1 --log-opt max-size=10m --tmpfs /run busybox true");
    expect(r.exitCode).toBe(0);
  });
});
