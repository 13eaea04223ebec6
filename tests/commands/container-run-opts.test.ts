import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { parsePortSpecs } from "../../src/commands/container/opts/ports.js";
import { parseVolume } from "../../src/commands/container/opts/volumes.js";
import { getTimestamp } from "../../src/commands/container/opts/timestamp.js";

async function created(flags: string) {
  const sb = createSandbox();
  const r = await sb.run(`create -q ${flags}`);
  expect(r.stderr).toBe("");
  return Object.values(sb.state()!.containers)[0]!;
}

describe("run/create options", () => {
  it("builds port bindings like nat.ParsePortSpecs", () => {
    expect(parsePortSpecs(["8080:80"]).bindings).toEqual({ "80/tcp": [{ HostIp: "", HostPort: "8080" }] });
    expect(parsePortSpecs(["127.0.0.1:53:53/udp"]).bindings).toEqual({ "53/udp": [{ HostIp: "127.0.0.1", HostPort: "53" }] });
    expect(parsePortSpecs(["80"]).bindings).toEqual({ "80/tcp": [{ HostIp: "", HostPort: "" }] });
    expect(parsePortSpecs(["[::1]:8080:80"]).bindings).toEqual({ "80/tcp": [{ HostIp: "::1", HostPort: "8080" }] });
    expect(parsePortSpecs(["8000-8001:80-81"]).bindings).toEqual({
      "80/tcp": [{ HostIp: "", HostPort: "8000" }],
      "81/tcp": [{ HostIp: "", HostPort: "8001" }],
    });
    expect(parsePortSpecs(["8000-8010:80"]).bindings).toEqual({ "80/tcp": [{ HostIp: "", HostPort: "8000-8010" }] });
  });

  it("splits -v into binds and anonymous volumes", () => {
    expect(parseVolume("/data")).toEqual({ source: "", target: "/data", type: "volume" });
    expect(parseVolume("/host:/data:ro")).toEqual({ source: "/host", target: "/data", type: "bind" });
    expect(parseVolume("vol:/data")).toEqual({ source: "vol", target: "/data", type: "volume" });
  });

  it("passes flags through to the container", async () => {
    const c = await created(
      "--name app -p 8080:80 --expose 9000 -v /srv:/srv -v /cache -v named:/named -e A=1 -l tier=web -w /app -u nobody --hostname box --read-only --privileged --init --restart on-failure:3 -m 64m --cpus 1.5 busybox sleep 10",
    );
    expect(c.name).toBe("/app");
    expect(c.hostConfig.PortBindings).toEqual({ "80/tcp": [{ HostIp: "", HostPort: "8080" }] });
    expect(Object.keys(c.config.ExposedPorts ?? {}).sort()).toEqual(["80/tcp", "9000/tcp"]);
    expect(c.hostConfig.Binds).toEqual(["/srv:/srv", "named:/named"]);
    expect(Object.keys(c.config.Volumes ?? {})).toContain("/cache");
    expect(c.config.Env).toContain("A=1");
    expect(c.config.Labels).toMatchObject({ tier: "web" });
    expect(c.config.WorkingDir).toBe("/app");
    expect(c.config.User).toBe("nobody");
    expect(c.config.Hostname).toBe("box");
    expect(c.hostConfig.ReadonlyRootfs).toBe(true);
    expect(c.hostConfig.Privileged).toBe(true);
    expect(c.hostConfig.Init).toBe(true);
    expect(c.hostConfig.RestartPolicy).toEqual({ Name: "on-failure", MaximumRetryCount: 3 });
    expect(c.hostConfig.Memory).toBe(64 * 1024 * 1024);
    expect(c.hostConfig.NanoCpus).toBe(1_500_000_000);
    expect(c.args).toEqual(["10"]);
  });

  it("--entrypoint replaces the image's entrypoint", async () => {
    const c = await created("--entrypoint /bin/echo busybox hi");
    expect(c.config.Entrypoint).toEqual(["/bin/echo"]);
    expect(c.config.Cmd).toEqual(["hi"]);
  });

  it("reads timestamps as docker's GetTimestamp does", () => {
    const now = Date.UTC(2025, 5, 1, 10, 0, 0);
    expect(getTimestamp("10m", now)).toBe(String(now / 1000 - 600));
    expect(getTimestamp("2025-06-01T09:30:00Z", now)).toBe(`${Date.UTC(2025, 5, 1, 9, 30) / 1000}.000000000`);
    expect(getTimestamp("2025-06-01", now)).toBe(`${Date.UTC(2025, 5, 1) / 1000}.000000000`);
    expect(getTimestamp("1748772000", now)).toBe("1748772000");
    expect(() => getTimestamp("bogus", now)).toThrow('failed to parse value as time or duration: "bogus"');
  });
});
