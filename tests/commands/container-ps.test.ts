import { describe, expect, it } from "vitest";
import { createSandbox, type SandboxOptions } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

/** web (nginx, published), db (busybox, labelled, a volume), done (exited); minutes apart. */
async function host(options: SandboxOptions = {}) {
  const sb = createSandbox(options);
  const steps = [
    "run -d --name done busybox true",
    "run --rm busybox sleep 3600",
    "run -d --name web -p 8080:80 nginx",
    "run --rm busybox sleep 150",
    "run -d --name db -l com.example.tier=db -l a=1 -v data:/data busybox sleep 100000",
    "run --rm busybox sleep 5",
  ];
  for (const step of steps) expect((await sb.run(step)).exitCode, step).toBe(0);
  return sb;
}

describe("docker ps", () => {
  it("prints only the header on an empty host", async () => {
    expectGolden("container-ps-empty", await createSandbox().run("ps"));
  });

  it("lists running containers, newest first", async () => {
    expectGolden("container-ps-default", await (await host()).run("ps"));
  });

  it("lists every container with -a", async () => {
    expectGolden("container-ps-all", await (await host()).run("ps -a"));
  });

  it("prints IDs only with -q, full ones with --no-trunc", async () => {
    const sb = await host();
    expectGolden("container-ps-quiet", await sb.run("ps -aq"));
    const full = await sb.run("container ls -q --no-trunc");
    expect(full.stdout.split("\n").filter(Boolean).every((id) => /^[0-9a-f]{64}$/.test(id))).toBe(true);
  });

  it("adds SIZE with -s", async () => {
    expectGolden("container-ps-size", await (await host()).run("ps -s"));
  });

  it("shows the whole command and names with --no-trunc", async () => {
    expectGolden("container-ps-no-trunc", await (await host()).run("ps --no-trunc"));
  });

  it("selects the newest with -n and -l", async () => {
    const sb = await host();
    expectGolden("container-ps-last", await sb.run("ps -n 2 --format {{.Names}}"));
    expect((await sb.run("ps -l --format {{.Names}}")).stdout).toBe("db\n");
    expect((await sb.run("ps -l -n 3 --format {{.Names}}")).stdout).toBe("db\nweb\ndone\n");
  });

  it("renders a custom table", async () => {
    const r = await (await host()).run(["ps", "-a", "--format", "table {{.Names}}\\t{{.State}}\\t{{.Label \"com.example.tier\"}}\\t{{.Labels}}"]);
    expectGolden("container-ps-custom-table", r);
  });

  it("renders every field of the context", async () => {
    const fields = "{{.ID}}|{{.Image}}|{{.Command}}|{{.CreatedAt}}|{{.RunningFor}}|{{.Ports}}|{{.State}}|{{.Status}}|{{.Size}}|{{.Names}}|{{.Labels}}|{{.Mounts}}|{{.LocalVolumes}}|{{.Networks}}|{{.Platform}}";
    expectGolden("container-ps-fields", await (await host()).run(["ps", "-a", "--format", fields]));
  });

  it("turns sizes on for {{.Size}} unless --size=false", async () => {
    const sb = await host();
    expect((await sb.run(["ps", "--format", "{{.Names}} {{.Size}}"])).stdout).toMatch(/^db 0B \(virtual [0-9.]+MB\)\n/);
    expect((await sb.run(["ps", "--size=false", "--format", "{{.Names}} {{.Size}}"])).stdout).toMatch(/^db 0B\n/);
  });

  it("prints one JSON object per line with --format json", async () => {
    expectGolden("container-ps-json", await (await host()).run("ps -a --format json"));
  });

  it("keeps the legacy raw format", async () => {
    expectGolden("container-ps-raw", await (await host()).run("ps --format raw"));
  });

  it("warns and prints IDs when both -q and --format are given", async () => {
    expectGolden("container-ps-quiet-format", await (await host()).run("ps -q --format {{.Names}}"));
  });

  it("uses psFormat from the client config unless --format is given", async () => {
    const sb = await host({ config: { psFormat: "table {{.Names}}\t{{.Image}}" } });
    expectGolden("container-ps-config-format", await sb.run("ps"));
    expect((await sb.run("ps --format {{.ID}}")).stdout).toMatch(/^[0-9a-f]{12}\n[0-9a-f]{12}\n$/);
  });

  it("prints CreatedAt in the client's zone", async () => {
    const sb = await host({ env: { TZ: "Europe/Berlin" } });
    expect((await sb.run("ps -l --format {{.CreatedAt}}")).stdout).toBe("2025-06-01 13:02:30 +0200 CEST\n");
    const utc = await host();
    expect((await utc.run("ps -l --format {{.CreatedAt}}")).stdout).toBe("2025-06-01 11:02:30 +0000 UTC\n");
  });

  it("passes filters to the daemon", async () => {
    const sb = await host();
    expect((await sb.run("ps -a -f status=exited --format {{.Names}}")).stdout).toBe("done\n");
    expect((await sb.run("ps --filter name=web --format {{.Names}}")).stdout).toBe("web\n");
    expect((await sb.run("ps -f label=com.example.tier --format {{.Names}}")).stdout).toBe("db\n");
    expectGolden("container-ps-filter-unknown", await sb.run("ps -f foo=bar"));
    expectGolden("container-ps-filter-status", await sb.run("ps -f status=bogus"));
  });

  it("checks the template before asking the daemon", async () => {
    const sb = createSandbox();
    expectGolden("container-ps-template-parse", await sb.run(["ps", "--format", "{{"]));
    expectGolden("container-ps-template-field", await sb.run(["ps", "--format", "{{.Foo}}"]));
    expectGolden("container-ps-template-args", await sb.run(["ps", "--format", "{{.Label}}"]));
  });

  it("rejects a filter without '=' as a flag error", async () => {
    expectGolden("container-ps-filter-format", await createSandbox().run("ps -f foo"));
  });
});
