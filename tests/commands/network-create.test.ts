import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

const networks = (sb: ReturnType<typeof createSandbox>) => Object.values(sb.state()?.networks ?? {}).map((n) => n.name).sort();

describe("docker network create", () => {
  it("prints the new network's id and takes the next free pool", async () => {
    const sb = createSandbox();
    expectGolden("network-create-default", await sb.run("network create mynet"));
    await sb.run("network create other");
    const other = Object.values(sb.state()?.networks ?? {}).find((n) => n.name === "other")!;
    expect(other.ipam.config).toEqual([{ Subnet: "172.19.0.0/16", Gateway: "172.19.0.1" }]);
    expect(networks(sb)).toEqual(["bridge", "host", "mynet", "none", "other"]);
  });

  it("keeps --subnet, --gateway, --ip-range, labels and options", async () => {
    const sb = createSandbox();
    const r = await sb.run("network create --subnet 10.5.0.0/16 --gateway 10.5.0.254 --ip-range 10.5.1.0/24 --aux-address router=10.5.0.2 --label env=dev -o com.example=1 --internal lab");
    expect(r.exitCode).toBe(0);
    expectGolden("network-create-inspect", await sb.run("network inspect lab"));
  });

  it("refuses a taken name", async () => {
    const sb = createSandbox();
    await sb.run("network create mynet");
    expectGolden("network-create-duplicate", await sb.run("network create mynet"));
  });

  it("refuses the predefined names", async () => {
    expectGolden("network-create-predefined", await createSandbox().run("network create bridge"));
  });

  it("refuses a second host network", async () => {
    expectGolden("network-create-host-driver", await createSandbox().run("network create -d host h2"));
  });

  it("refuses an unknown driver", async () => {
    expectGolden("network-create-unknown-driver", await createSandbox().run("network create -d nope n1"));
  });

  it("refuses overlapping subnets", async () => {
    const sb = createSandbox();
    await sb.run("network create --subnet 10.1.0.0/16 n1");
    expectGolden("network-create-overlap", await sb.run("network create --subnet 10.1.2.0/24 n2"));
    expect(networks(sb)).not.toContain("n2");
  });

  it("checks the IPAM config on the daemon side", async () => {
    const sb = createSandbox();
    expectGolden("network-create-bad-subnet", await sb.run("network create --subnet bad n1"));
    expectGolden("network-create-host-bits", await sb.run("network create --subnet 10.10.10.0/8 n1"));
    expectGolden("network-create-bad-gateway", await sb.run("network create --subnet 10.0.0.0/24 --gateway 10.0.0.300 n1"));
    expect(networks(sb)).not.toContain("n1");
  });

  it("groups IPAM flags on the client side first", async () => {
    const sb = createSandbox();
    expectGolden("network-create-gateway-no-subnet", await sb.run("network create --gateway 10.0.0.1 n1"));
    expectGolden("network-create-range-outside", await sb.run("network create --subnet 10.0.0.0/24 --ip-range 10.1.0.0/25 n1"));
    expectGolden("network-create-two-gateways", await sb.run("network create --subnet 10.0.0.0/24 --gateway 10.0.0.1 --gateway 10.0.0.2 --subnet 10.1.0.0/24 n1"));
    expectGolden("network-create-overlapping-flags", await sb.run("network create --subnet 10.0.0.0/24 --subnet 10.0.0.0/16 n1"));
    expectGolden("network-create-aux-outside", await sb.run("network create --subnet 10.0.0.0/24 --aux-address a=10.1.0.5 n1"));
  });

  it("wants exactly one argument and known flags", async () => {
    const sb = createSandbox();
    expectGolden("network-create-no-args", await sb.run("network create"));
    expectGolden("network-create-bad-flag", await sb.run("network create --bogus x"));
    expectGolden("network-create-bad-label", await sb.run(["network", "create", "--label", "", "x"]));
  });
});
