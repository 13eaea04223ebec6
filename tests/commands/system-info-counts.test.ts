import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

/** One container in each state docker counts: running, paused, exited, created, restarting. */
async function host() {
  const sb = createSandbox({ seed: "info-counts" });
  for (const cmd of [
    "run -d --name up alpine sleep 1000",
    "run -d --name held alpine sleep 1000",
    "pause held",
    "run --name done alpine true",
    "create --name fresh busybox",
    "run -d --name flaky --restart always alpine sh -c 'exit 3'",
    "run --name base alpine sh -c 'echo x > /x'",
    "commit base derived",
  ]) {
    expect((await sb.run(cmd)).exitCode, cmd).toBe(0);
  }
  return sb;
}

describe("docker info counts", () => {
  it("counts containers by state; restarting counts as stopped", async () => {
    const sb = await host();
    expect((await sb.run("ps -a --filter status=restarting -q")).stdout.trim()).not.toBe("");
    const r = await sb.run("info");
    // alpine, busybox and the committed image.
    expect(r.stdout).toContain(" Containers: 6\n  Running: 1\n  Paused: 1\n  Stopped: 4\n Images: 3\n");
  });

  it("--format fields and system info agree", async () => {
    const sb = await host();
    const fmt = "{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}} {{.Images}}";
    expectGolden("system-info-counts-format", await sb.run(["info", "--format", fmt]));
    expect((await sb.run(["system", "info", "--format", fmt])).stdout).toBe("6 1 1 4 3\n");
    expect((await sb.run(["info", "--format", "{{.ContainersRunning}}"])).stdout).toBe("1\n");
  });

  it("follows the host: removing and pruning changes the counts", async () => {
    const sb = await host();
    await sb.run("rm -f flaky");
    await sb.run("container prune -f");
    await sb.run("unpause held");
    expect((await sb.run(["info", "--format", "{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}}"])).stdout).toBe("2 2 0 0\n");
  });

  it("{{json .}} has the daemon's keys and the simulated marker", async () => {
    const r = await (await host()).run(["info", "--format", "{{json .}}"]);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of ["ID", "Containers", "ContainersRunning", "ContainersPaused", "ContainersStopped", "Images", "Driver", "CgroupDriver", "CgroupVersion", "KernelVersion", "OperatingSystem", "RegistryConfig", "ServerVersion", "ClientInfo"]) {
      expect(doc, key).toHaveProperty(key);
    }
    expect(doc).toMatchObject({ Containers: 6, ContainersRunning: 1, ContainersPaused: 1, ContainersStopped: 4, Images: 3 });
    expect(String(doc.OperatingSystem)).toContain("simulated");
  });
});
