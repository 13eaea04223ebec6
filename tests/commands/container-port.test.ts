import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { naturalLess } from "../../src/formatter/container.js";
import { expectGolden } from "./golden.js";

async function withWeb() {
  const sb = createSandbox();
  expect((await sb.run("run -d --name web -p 8080:80 -p 9443:443 -p 53:53/udp nginx")).exitCode).toBe(0);
  return sb;
}

describe("docker port", () => {
  it("lists every mapping, IPv4 and IPv6, naturally sorted", async () => {
    expectGolden("container-port-all", await (await withWeb()).run("port web"));
  });

  it("prints the host addresses of one port", async () => {
    const sb = await withWeb();
    expectGolden("container-port-one", await sb.run("port web 80"));
    expect(await sb.run("port web 53/udp")).toEqual(await sb.run("container port web 53/udp"));
  });

  it("reports a port that is not published, as typed", async () => {
    const sb = await withWeb();
    expectGolden("container-port-unpublished", await sb.run("port web 81"));
    expectGolden("container-port-unpublished-proto", await sb.run("port web 80/udp"));
  });

  it("rejects a port that is not a number", async () => {
    expectGolden("container-port-invalid", await (await withWeb()).run("port web http"));
    expectGolden("container-port-range", await (await withWeb()).run("port web 70000"));
  });

  it("prints nothing for a container without published ports", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name plain nginx");
    expect(await sb.run("port plain")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("reports a missing container", async () => {
    expectGolden("container-port-missing", await createSandbox().run("port nope"));
  });
});

describe("naturalLess", () => {
  it("orders digit runs by value", () => {
    expect(naturalLess("80/tcp -> 0.0.0.0:8080", "443/tcp -> 0.0.0.0:9443")).toBe(true);
    expect(naturalLess("443/tcp", "80/tcp")).toBe(false);
    expect(naturalLess("0.0.0.0:8080", "[::]:8080")).toBe(true);
    expect(naturalLess("a01", "a1")).toBe(false);
    expect(naturalLess("a1", "a01")).toBe(true);
    expect(naturalLess("a", "ab")).toBe(true);
  });
});
