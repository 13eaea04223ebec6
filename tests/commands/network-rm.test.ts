import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

const networks = (sb: ReturnType<typeof createSandbox>) => Object.values(sb.state()?.networks ?? {}).map((n) => n.name).sort();

describe("docker network rm", () => {
  it("removes networks, printing each name as typed", async () => {
    const sb = createSandbox();
    await sb.run("network create n1");
    await sb.run("network create n2");
    expectGolden("network-rm-two", await sb.run("network remove n1 n2"));
    expect(networks(sb)).toEqual(["bridge", "host", "none"]);
  });

  it("refuses the predefined networks and ends with exit status 1", async () => {
    expectGolden("network-rm-predefined", await createSandbox().run("network rm bridge"));
  });

  it("refuses a network with running containers", async () => {
    const sb = createSandbox();
    await sb.run("network create mynet");
    await sb.run("run -d --name web --network mynet nginx");
    expectGolden("network-rm-active", await sb.run("network rm mynet"));
    expect(networks(sb)).toContain("mynet");
  });

  it("reports each failure and removes the rest", async () => {
    const sb = createSandbox();
    await sb.run("network create n1");
    expectGolden("network-rm-mixed", await sb.run("network rm nope n1 host"));
    expect(networks(sb)).toEqual(["bridge", "host", "none"]);
  });

  it("is silent about missing networks with -f", async () => {
    expectGolden("network-rm-force-missing", await createSandbox().run("network rm -f nope"));
  });

  it("wants at least one argument", async () => {
    expectGolden("network-rm-no-args", await createSandbox().run("network rm"));
  });
});
