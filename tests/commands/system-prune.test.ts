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
