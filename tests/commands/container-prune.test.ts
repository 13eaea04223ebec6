import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

/** Two stopped containers that wrote files (6 and 12 bytes), one running, one labelled. */
async function host() {
  const sb = createSandbox({ seed: "container-prune" });
  for (const cmd of [
    "run --name writer alpine sh -c 'echo hello > /f'",
    "run --name labelled --label keep=yes alpine sh -c 'echo hello world > /g'",
    "run -d --name web nginx",
  ]) {
    expect((await sb.run(cmd)).exitCode).toBe(0);
  }
  return sb;
}

const names = (sb: ReturnType<typeof createSandbox>) => Object.values(sb.state()!.containers).map((c) => c.name).sort();

describe("docker container prune", () => {
  it("asks, and removes every stopped container on y", async () => {
    const sb = await host();
    expectGolden("container-prune-yes", await sb.run("container prune", { stdin: "y\n" }));
    expect(names(sb)).toEqual(["/web"]);
  });

  it.each([
    ["no", "n\n"],
    ["yes-word", "yes\n"],
    ["eof", ""],
  ])("cancels silently on %s", async (name, stdin) => {
    const sb = await host();
    const r = await sb.run("container prune", { stdin });
    expectGolden(`container-prune-cancel-${name}`, r);
    expect(names(sb)).toHaveLength(3);
  });

  it("takes Y and surrounding blanks", async () => {
    const sb = await host();
    expect((await sb.run("container prune", { stdin: "  Y \n" })).stdout).toContain("Deleted Containers:");
  });

  it("filters by label and label!", async () => {
    const sb = await host();
    expectGolden("container-prune-label-not", await sb.run(["container", "prune", "-f", "--filter", "label!=keep"]));
    expect(names(sb)).toEqual(["/labelled", "/web"]);
    expectGolden("container-prune-label", await sb.run(["container", "prune", "-f", "--filter", "label=keep=yes"]));
    expect(names(sb)).toEqual(["/web"]);
  });

  it("filters by until, a duration or a timestamp", async () => {
    const sb = await host();
    // Created at 10:00:00 on the frozen clock: 1h ago is before them.
    expectGolden("container-prune-until-1h", await sb.run("container prune -f --filter until=1h"));
    expect(names(sb)).toHaveLength(3);
    expectGolden("container-prune-until-time", await sb.run("container prune -f --filter until=2025-06-01T10:00:00Z"));
    expect(names(sb)).toEqual(["/web"]);
  });

  it("prints only the total when nothing is stopped", async () => {
    expectGolden("container-prune-nothing", await createSandbox().run("container prune -f"));
  });

  it.each([
    ["unknown-key", "container prune -f --filter foo=bar"],
    ["bad-until", "container prune -f --filter until=yesterday"],
    ["two-untils", "container prune -f --filter until=1h --filter until=2h"],
    ["no-equals", "container prune -f --filter label"],
  ])("rejects bad filters: %s", async (name, cmd) => {
    expectGolden(`container-prune-error-${name}`, await (await host()).run(cmd));
  });
});
