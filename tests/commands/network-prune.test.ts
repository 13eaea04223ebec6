import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

const networks = (sb: ReturnType<typeof createSandbox>) => Object.values(sb.state()?.networks ?? {}).map((n) => n.name).sort();

describe("docker network prune", () => {
  it("asks first and removes unused custom networks", async () => {
    const sb = createSandbox();
    await sb.run("network create unused");
    await sb.run("network create used");
    await sb.run("run -d --name web --network used nginx");
    expectGolden("network-prune-yes", await sb.run("network prune", { stdin: "y\n" }));
    expect(networks(sb)).toEqual(["bridge", "host", "none", "used"]);
  });

  it("does nothing when the answer is not y", async () => {
    const sb = createSandbox();
    await sb.run("network create unused");
    expectGolden("network-prune-no", await sb.run("network prune", { stdin: "yes\n" }));
    expect(networks(sb)).toContain("unused");
  });

  it("prints nothing with -f when nothing is unused", async () => {
    expectGolden("network-prune-nothing", await createSandbox().run("network prune -f"));
  });

  it("takes label filters", async () => {
    const sb = createSandbox();
    await sb.run("network create --label keep=1 kept");
    await sb.run("network create gone");
    expectGolden("network-prune-filter", await sb.run(["network", "prune", "-f", "--filter", "label!=keep"]));
    expect(networks(sb)).toEqual(["bridge", "host", "kept", "none"]);
  });
});
