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
    ["--log-opt", "mode=fast", "logger: logging mode not supported: fast"],
    ["--log-opt", "max-buffer-size=4m", "logger: max-buffer-size option is only supported with 'mode=non-blocking'"],
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
    const r = await sb.run("run --rm --stop-signal SIGUSR1 --log-opt max-size=10m --log-opt mode=non-blocking --log-opt max-buffer-size=4m --tmpfs /run busybox true");
    expect(r.exitCode).toBe(0);
  });

  it("refuses an unknown log driver once the image is there (moby checks it in daemon.create)", async () => {
    const sb = createSandbox();
    const r = await sb.run("run --log-driver foo busybox true");
    expect(r.stderr).toMatch(/^Unable to find image 'busybox:latest' locally\n/);
    expect(r.stderr.endsWith(`docker: Error response from daemon: error looking up logging plugin foo: plugin "foo" not found${tail}`)).toBe(true);
    expect(r.exitCode).toBe(125);
    expect(Object.keys(sb.state()!.containers)).toHaveLength(0);
    const created = await sb.run("create --log-driver foo busybox");
    expect(created.stderr).toBe('Error response from daemon: error looking up logging plugin foo: plugin "foo" not found\n');
    // A restart policy is checked with the settings, before the image is looked up.
    const early = await sb.run("run --restart bogus --log-driver foo alpine true");
    expect(early.stderr).not.toContain("Unable to find image");
  });

  it("keeps logs for every built-in driver but none", async () => {
    const sb = createSandbox();
    expect((await sb.run("run --name sl --log-driver syslog busybox echo kept")).stdout).toBe("kept\n");
    expect((await sb.run("logs sl")).stdout).toBe("kept\n");
    expect((await sb.run("run --name nl --log-driver none busybox echo lost")).stdout).toBe("lost\n");
    const logs = await sb.run("logs nl");
    expect(logs.stderr).toBe("Error response from daemon: configured logging driver does not support reading\n");
    expect(logs.exitCode).toBe(1);
    expect((await sb.run("logs -f nl")).stderr).toBe("Error response from daemon: configured logging driver does not support reading\n");
    expect((await sb.run(["inspect", "-f", "{{.LogPath}}|{{.HostConfig.LogConfig.Type}}", "nl"])).stdout).toBe("|none\n");
    expect((await sb.run(["inspect", "-f", "{{.LogPath}}", "sl"])).stdout).toBe("\n");
    // json-file names its file when the container first starts.
    await sb.run("create --name fresh busybox true");
    expect((await sb.run(["inspect", "-f", "{{.LogPath}}", "fresh"])).stdout).toBe("\n");
    await sb.run("start fresh");
    expect((await sb.run(["inspect", "-f", "{{.LogPath}}", "fresh"])).stdout).toMatch(/^\/var\/lib\/docker\/containers\/[0-9a-f]{64}\/[0-9a-f]{64}-json\.log\n$/);
  });
});
