import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";

const hostConfig = async (sb: ReturnType<typeof createSandbox>, name: string) =>
  JSON.parse((await sb.run(["inspect", "-f", "{{json .HostConfig}}", name])).stdout) as Record<string, unknown>;

describe("docker update", () => {
  it("prints each container as typed and stores the limits as Docker does", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name web nginx");
    await sb.run("run -d --name db redis");
    const r = await sb.run("update --memory 256m --memory-swap -1 --cpus 1.5 --pids-limit 100 --restart on-failure:3 web db");
    expect(r).toMatchObject({ exitCode: 0, stdout: "web\ndb\n", stderr: "" });
    const h = await hostConfig(sb, "web");
    expect(h).toMatchObject({ Memory: 268435456, MemorySwap: -1, NanoCpus: 1500000000, PidsLimit: 100, RestartPolicy: { Name: "on-failure", MaximumRetryCount: 3 } });
    await sb.run("update --pids-limit -1 web");
    expect((await hostConfig(sb, "web")).PidsLimit).toBe(0);
  });

  it("needs at least one flag", async () => {
    const r = await createSandbox().run("update web");
    expect(r).toMatchObject({ exitCode: 1, stderr: "you must provide one or more flags when using this command\n" });
  });

  it("refuses a memory limit above the swap limit already set", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name web nginx");
    const id = (await sb.run("inspect -f {{.Id}} web")).stdout.trim();
    const r = await sb.run("update -m 64m web");
    expect(r.stderr).toBe(
      `Error response from daemon: Cannot update container ${id}: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time\n`,
    );
    expect(r.exitCode).toBe(1);
  });

  it("refuses a restart policy for a --rm container", async () => {
    const sb = createSandbox();
    await sb.run("run -d --rm --name web nginx");
    const id = (await sb.run("inspect -f {{.Id}} web")).stdout.trim();
    const r = await sb.run("update --restart always web");
    expect(r.stderr).toBe(`Error response from daemon: Cannot update container ${id}: Restart policy cannot be updated because AutoRemove is enabled for the container\n`);
  });

  it("validates like the daemon", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name web nginx");
    expect((await sb.run("update -m 4m web")).stderr).toBe("Error response from daemon: Minimum memory limit allowed is 6MB\n");
    expect((await sb.run("update --cpus 8 web")).stderr).toBe("Error response from daemon: Range of CPUs is from 0.01 to 4.00, as there are only 4 CPUs available\n");
    expect((await sb.run("update --restart foo web")).stderr).toBe(
      "Error response from daemon: invalid restart policy: unknown policy 'foo'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n",
    );
    const missing = await sb.run("update -m 64m --memory-swap 128m web nope");
    expect(missing).toMatchObject({ exitCode: 1, stdout: "web\n", stderr: "Error response from daemon: No such container: nope\n" });
  });

  it("a limit under what the container holds gets it OOM-killed", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name hog -m 512m progrium/stress --vm 1 --vm-bytes 200M");
    expect((await sb.run("update -m 64m --memory-swap 128m hog")).exitCode).toBe(0);
    const s = await sb.run(["inspect", "-f", "{{.State.Status}} {{.State.OOMKilled}} {{.State.ExitCode}}", "hog"]);
    expect(s.stdout).toBe("exited true 137\n");
  });
});

describe("resource limits on run", () => {
  it("stores them in HostConfig, swap defaulting to twice the memory", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name web -m 64m --cpus 0.5 --cpu-shares 512 --cpuset-cpus 0-1 --pids-limit 50 --memory-reservation 32m nginx");
    expect(await hostConfig(sb, "web")).toMatchObject({
      Memory: 67108864,
      MemorySwap: 134217728,
      MemoryReservation: 33554432,
      NanoCpus: 500000000,
      CpuShares: 512,
      CpusetCpus: "0-1",
      PidsLimit: 50,
    });
  });

  it("refuses what the daemon refuses", async () => {
    const sb = createSandbox();
    await sb.run("pull -q busybox");
    const err = async (args: string) => (await sb.run(`run ${args} busybox true`)).stderr.split("\n")[0];
    expect(await err("-m 4m")).toBe("docker: Error response from daemon: Minimum memory limit allowed is 6MB");
    expect(await err("-m 64m --memory-swap 32m")).toBe("docker: Error response from daemon: Minimum memoryswap limit should be larger than memory limit, see usage");
    expect(await err("--memory-swap 64m")).toBe("docker: Error response from daemon: You should always set the Memory limit when using Memoryswap limit, see usage");
    expect(await err("--cpus 5")).toBe("docker: Error response from daemon: Range of CPUs is from 0.01 to 4.00, as there are only 4 CPUs available");
    expect(await err("--cpuset-cpus 7")).toBe("docker: Error response from daemon: Requested CPUs are not available - requested 7, available: 0-3");
    expect(await err("--cpus 1 --cpu-period 50000")).toBe("docker: Error response from daemon: Conflicting options: Nano CPUs and CPU Period cannot both be set");
    expect((await sb.run("run -m abc busybox true")).stderr.split("\n")[0]).toBe(`invalid argument "abc" for "-m, --memory" flag: invalid size: 'abc'`);
    const r = await sb.run("run -m 4m busybox true");
    expect(r.exitCode).toBe(125);
  });
});
