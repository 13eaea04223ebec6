import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function host() {
  const sb = createSandbox();
  await sb.run("network create --subnet 10.9.0.0/24 mynet");
  await sb.run("run -d --name web nginx");
  return sb;
}

const endpoints = (sb: ReturnType<typeof createSandbox>, name: string) =>
  Object.values(sb.state()!.containers).find((c) => c.name === `/${name}`)!.networks;

describe("docker network connect", () => {
  it("attaches a running container with an alias and a static address", async () => {
    const sb = await host();
    expectGolden("network-connect-ok", await sb.run("network connect --alias site --ip 10.9.0.50 mynet web"));
    expect(endpoints(sb, "web").mynet).toMatchObject({ ipAddress: "10.9.0.50", aliases: ["site"] });
    expectGolden("network-connect-inspect", await sb.run(["inspect", "-f", "{{json .NetworkSettings.Networks.mynet}}", "web"]));
  });

  it("refuses a second endpoint on the same network", async () => {
    const sb = await host();
    await sb.run("network connect mynet web");
    expectGolden("network-connect-already", await sb.run("network connect mynet web"));
  });

  it("keeps one config for a stopped container, silently", async () => {
    const sb = await host();
    await sb.run("stop web");
    await sb.run("network connect mynet web");
    expectGolden("network-connect-stopped-twice", await sb.run("network connect mynet web"));
  });

  it("refuses aliases and addresses on the default bridge", async () => {
    const sb = createSandbox();
    await sb.run("network create other");
    await sb.run("run -d --name web --network other nginx");
    expectGolden("network-connect-bridge-alias", await sb.run("network connect --alias x bridge web"));
    expectGolden("network-connect-bridge-ip", await sb.run("network connect --ip 172.17.0.9 bridge web"));
  });

  it("refuses a static address outside the network or on a network without --subnet", async () => {
    const sb = await host();
    await sb.run("network create auto");
    expectGolden("network-connect-ip-outside", await sb.run("network connect --ip 10.8.0.5 mynet web"));
    expectGolden("network-connect-ip-dynamic", await sb.run("network connect --ip 172.19.0.5 auto web"));
  });

  it("refuses the host network and containers sharing a namespace", async () => {
    const sb = await host();
    await sb.run("run -d --name side --network container:web busybox sleep 100");
    expectGolden("network-connect-host", await sb.run("network connect host web"));
    expectGolden("network-connect-shared", await sb.run("network connect mynet side"));
  });

  it("reports missing networks and containers", async () => {
    const sb = await host();
    expectGolden("network-connect-no-network", await sb.run("network connect nope web"));
    expectGolden("network-connect-no-container", await sb.run("network connect mynet nope"));
  });

  it("checks its flags on the client side", async () => {
    const sb = await host();
    expectGolden("network-connect-driver-opt", await sb.run("network connect --driver-opt x mynet web"));
    expectGolden("network-connect-bad-link", await sb.run("network connect --link a:b:c mynet web"));
    expectGolden("network-connect-one-arg", await sb.run("network connect mynet"));
  });
});

describe("docker network disconnect", () => {
  it("detaches a running container", async () => {
    const sb = await host();
    await sb.run("network connect mynet web");
    expectGolden("network-disconnect-ok", await sb.run("network disconnect mynet web"));
    expect(Object.keys(endpoints(sb, "web"))).toEqual(["bridge"]);
  });

  it("says which container is not connected, running or stopped", async () => {
    const sb = await host();
    expectGolden("network-disconnect-not-connected", await sb.run("network disconnect mynet web"));
    await sb.run("stop web");
    expectGolden("network-disconnect-not-connected-stopped", await sb.run("network disconnect mynet web"));
  });

  it("reports a missing network", async () => {
    expectGolden("network-disconnect-no-network", await (await host()).run("network disconnect nope web"));
  });
});
