import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

/**
 * A stopped container that wrote 6 bytes, one running on a custom network, an unused custom
 * network, an anonymous volume holding 11 bytes left by a removed container, a named volume,
 * a dangling image and two tagged ones.
 */
async function host() {
  const sb = createSandbox({ seed: "system-prune" });
  for (const cmd of [
    "pull alpine",
    "pull busybox",
    "network create used",
    "network create --label keep=1 idle",
    "run -d --name web --network used nginx",
    "run --name writer alpine sh -c 'echo hello > /f'",
    "run --name anon -v /data busybox sh -c 'echo 0123456789 > /data/x'",
    "rm anon",
    "volume create named",
    "run --name tmp busybox sh -c 'echo x > /y'",
    "commit tmp",
    "rm tmp",
  ]) {
    expect((await sb.run(cmd)).exitCode, cmd).toBe(0);
  }
  return sb;
}

describe("docker system prune", () => {
  it("lists what it removes and cancels on anything but y", async () => {
    const sb = await host();
    const before = sb.state();
    expectGolden("system-prune-cancel", await sb.run("system prune", { stdin: "N\n" }));
    expect(Object.keys(sb.state()!.containers)).toEqual(Object.keys(before!.containers));
  });

  it("removes stopped containers, unused networks, dangling images, in sections", async () => {
    const sb = await host();
    expectGolden("system-prune-yes", await sb.run("system prune", { stdin: "y\n" }));
    expect(Object.values(sb.state()!.networks).map((n) => n.name).sort()).toEqual(["bridge", "host", "none", "used"]);
    expect(Object.keys(sb.state()!.volumes)).toHaveLength(2);
  });

  it("-a --volumes lists more and removes anonymous volumes and unused images; df agrees", async () => {
    const sb = await host();
    expectGolden("system-prune-all-df-before", await sb.run("system df"));
    expectGolden("system-prune-all-volumes", await sb.run("system prune -a --volumes", { stdin: "y\n" }));
    expectGolden("system-prune-all-df-after", await sb.run("system df"));
    expect(Object.keys(sb.state()!.volumes)).toEqual(["named"]);
  });

  it("shows the label, label! and until filters in the prompt, sorted", async () => {
    const sb = await host();
    expectGolden(
      "system-prune-filters-prompt",
      await sb.run(["system", "prune", "--filter", "until=24h", "--filter", "label!=keep", "--filter", "label=a=b"], { stdin: "" }),
    );
  });

  it("applies filters to each part", async () => {
    const sb = await host();
    expectGolden("system-prune-label-not", await sb.run(["system", "prune", "-f", "--filter", "label!=keep"]));
    expect(Object.values(sb.state()!.networks).map((n) => n.name)).toContain("idle");
  });

  it("refuses until with --volumes before asking", async () => {
    expectGolden("system-prune-volumes-until", await (await host()).run("system prune --volumes --filter until=1h"));
  });

  it("prints only the total on a clean host", async () => {
    expectGolden("system-prune-nothing", await createSandbox().run("system prune -f"));
  });

  it("reports a bad filter from the first part and stops", async () => {
    const sb = await host();
    expectGolden("system-prune-bad-filter", await sb.run("system prune -f --filter dangling=true"));
    expect(Object.values(sb.state()!.containers)).toHaveLength(2);
  });
});

describe("docker builder prune", () => {
  it.each([
    ["prompt", "builder prune", "y\n"],
    ["all-prompt", "builder prune -a", "n\n"],
    ["force", "builder prune -af", ""],
  ])("%s", async (name, cmd, stdin) => {
    expectGolden(`builder-prune-${name}`, await createSandbox().run(cmd, { stdin }));
  });

  it.each([
    ["unknown", "builder prune -f --filter foo=bar"],
    ["until-and-unused-for", "builder prune -f --filter until=1h --filter unused-for=2h"],
    ["bad-until", "builder prune -f --filter until=soon"],
    ["two-types", "builder prune -f --filter type=a --filter type=b"],
  ])("rejects a bad filter: %s", async (name, cmd) => {
    expectGolden(`builder-prune-filter-${name}`, await createSandbox().run(cmd));
  });

  it("takes label, until and cache-field filters", async () => {
    const r = await createSandbox().run(["builder", "prune", "-f", "--filter", "until=24h", "--filter", "label!=x", "--filter", "type=regular"]);
    expect(r.stdout).toBe("Total reclaimed space: 0B\n");
  });
});

describe("volume prune sizes", () => {
  it("reclaims the bytes written into the volumes it removes, as df counted them", async () => {
    const sb = createSandbox({ seed: "volume-prune-sizes" });
    for (const cmd of [
      "run --name w1 -v /a busybox sh -c 'echo 0123456789abcdef > /a/f'",
      "run --name w2 -v named:/b busybox sh -c 'echo 12345 > /b/g'",
      "rm w1 w2",
    ]) {
      expect((await sb.run(cmd)).exitCode, cmd).toBe(0);
    }
    expect((await sb.run("system df")).stdout).toContain("Local Volumes   2         0         23B       23B (100%)\n");
    const anonymous = await sb.run("volume prune -f");
    expect(anonymous.stdout).toMatch(/^Deleted Volumes:\n[0-9a-f]{64}\n\nTotal reclaimed space: 17B\n$/);
    const named = await sb.run("volume prune -af");
    expect(named.stdout).toBe("Deleted Volumes:\nnamed\n\nTotal reclaimed space: 6B\n");
    expect((await sb.run("system df")).stdout).toContain("Local Volumes   0         0         0B        0B\n");
  });
});

describe("pruneFilters in config.json", () => {
  it("are added to every prune's filters and listed in the system prune prompt", async () => {
    const sb = createSandbox({ seed: "config-prune", config: { pruneFilters: ["label!=keep", "until=1h", "bogus"] } });
    for (const cmd of ["run --name old --label keep=1 busybox true", "run --name gone busybox true", "network create --label keep=1 kept"]) {
      expect((await sb.run(cmd)).exitCode, cmd).toBe(0);
    }
    expectGolden("system-prune-config-filters", await sb.run("system prune", { stdin: "n\n" }));
    // until=1h: everything was made just now, so nothing qualifies yet.
    expect((await sb.run("container prune -f")).stdout).toBe("Total reclaimed space: 0B\n");
    await sb.run("lab clock advance 2h");
    const r = await sb.run("container prune -f");
    expect(r.stdout).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
    expect(Object.values(sb.state()!.containers).map((c) => c.name)).toEqual(["/old"]);
    // A user's label=keep wins over the config's label!=keep.
    expect((await sb.run(["container", "prune", "-f", "--filter", "label=keep"])).stdout).toContain("Deleted Containers:");
  });

  it("do not trip the until check of --volumes", async () => {
    const sb = createSandbox({ config: { pruneFilters: ["until=1h"] } });
    const r = await sb.run("system prune -f --volumes");
    expect(r.stderr).toBe("Error response from daemon: invalid filter 'until'\n");
  });
});

describe("until= across the prune verbs", () => {
  it("keeps what was made after the limit, as a duration or a timestamp", async () => {
    const sb = createSandbox({ seed: "prune-until" });
    for (const cmd of ["network create early", "run --name first busybox true", "lab clock advance 3h", "network create late", "run --name second busybox true"]) {
      expect((await sb.run(cmd)).exitCode, cmd).toBe(0);
    }
    // Now 13:00: 2h ago is 11:00, between the two.
    expect((await sb.run("network prune -f --filter until=2h")).stdout).toBe("Deleted Networks:\nearly\n\n");
    expect((await sb.run("container prune -f --filter until=2025-06-01T11:00:00Z")).stdout).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\n/);
    expect(Object.values(sb.state()!.containers).map((c) => c.name)).toEqual(["/second"]);
    // Unix seconds work too (13:00:00 is 1748782800).
    expect((await sb.run("network prune -f --filter until=1748782800")).stdout).toBe("Deleted Networks:\nlate\n\n");
    expect((await sb.run("system prune -f --filter until=1748782800")).stdout).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
  });
});
