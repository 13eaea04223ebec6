import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { runStats } from "../../src/commands/container/stats.js";
import type { Cli } from "../../src/cli/types.js";
import { Engine } from "../../src/engine/host.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { localClient } from "../../src/client/local.js";

const HEADER = "CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT     MEM %     NET I/O       BLOCK I/O     PIDS";

describe("docker stats", () => {
  it("prints one table of the running containers with --no-stream", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name web nginx");
    await sb.run("run -d --name cache -m 64m redis");
    await sb.run("run -d --name nap busybox sleep 1000");
    await sb.run("run --name done busybox true");
    const r = await sb.run("stats --no-stream");
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^CONTAINER ID {3}NAME {6}CPU % {5}MEM USAGE \/ LIMIT +MEM % +NET I\/O +BLOCK I\/O +PIDS$/);
    // Newest first, running ones only.
    expect(lines.slice(1).map((l) => l.split(/\s+/)[1])).toEqual(["nap", "cache", "web"]);
    expect(lines[1]).toMatch(/ \d+(\.\d+)?KiB \/ 7\.667GiB /);
    expect(lines[2]).toMatch(/ 3\.\d+MiB \/ 64MiB /);
    expect(lines[3]).toMatch(/ [2-9]\.\d+MiB \/ 7\.667GiB /);
    // The same host at the same instant gives the same figures.
    expect((await sb.run("stats --no-stream")).stdout).toBe(r.stdout);
    expect(HEADER.length).toBeGreaterThan(0);
  });

  it("-a adds stopped containers with zero figures", async () => {
    const sb = createSandbox();
    await sb.run("run --name done busybox true");
    const r = await sb.run(["stats", "--no-stream", "-a", "--format", "table {{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.NetIO}}\t{{.PIDs}}"]);
    expect(r.stdout).toBe("NAME      CPU %     MEM USAGE / LIMIT   NET I/O   PIDS\ndone      0.00%     0B / 0B             0B / 0B   0\n");
  });

  it("names the container as typed in .Container and renders json", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name web nginx");
    const r = await sb.run(["stats", "--no-stream", "--format", "json", "web"]);
    const doc = JSON.parse(r.stdout) as Record<string, string>;
    expect(Object.keys(doc)).toEqual(["BlockIO", "CPUPerc", "Container", "ID", "MemPerc", "MemUsage", "Name", "NetIO", "PIDs"]);
    expect(doc.Container).toBe("web");
    expect(doc.Name).toBe("web");
    expect(doc.ID).toHaveLength(12);
    const full = await sb.run(["stats", "--no-stream", "--no-trunc", "--format", "{{.ID}}", "web"]);
    expect(full.stdout.trim()).toHaveLength(64);
  });

  it("respects --cpus for busy containers", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name hog --cpus 1.5 progrium/stress --cpu 4");
    const r = await sb.run(["stats", "--no-stream", "--format", "{{.CPUPerc}} {{.PIDs}}", "hog"]);
    const [cpu, pids] = r.stdout.trim().split(" ");
    expect(parseFloat(cpu!)).toBeGreaterThan(140);
    expect(parseFloat(cpu!)).toBeLessThanOrEqual(150);
    expect(pids).toBe("5");
  });

  it("reports a missing container and exits 1", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name web nginx");
    const r = await sb.run("stats --no-stream web nope");
    expect(r).toMatchObject({ exitCode: 1, stdout: "", stderr: "Error response from daemon: No such container: nope\n" });
  });

  it("streams frames, each after a clear screen", async () => {
    const clock = Date.UTC(2025, 5, 1, 10, 0, 0);
    const engine = new Engine({
      store: new MemoryStore(),
      realNow: () => clock,
      random: { bytes: (n) => new Uint8Array(n) },
      seed: "stats",
      frozenStart: clock,
      sleep: async () => {},
    });
    const client = localClient(engine);
    let out = "";
    const cli = { out: { write: (t: string) => void (out += t), isTTY: true }, client, config: {} } as unknown as Cli;
    await runStats(cli, { containers: [], all: true, noStream: false, noTrunc: false, format: "{{.Name}}", frames: 3 });
    expect(out).toBe("\x1b[2J\x1b[H".repeat(3));
  });

  it("rejects a bad template", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name web nginx");
    const r = await sb.run(["stats", "--no-stream", "--format", "{{.Nope}}"]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("can't evaluate field Nope");
  });
});
