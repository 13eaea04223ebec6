import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function host() {
  const sb = createSandbox();
  await sb.run("pull -q busybox");
  await sb.run("network create front");
  await sb.run("network create --subnet 10.7.0.0/24 back");
  return sb;
}

const container = (sb: ReturnType<typeof createSandbox>, name: string) =>
  Object.values(sb.state()!.containers).find((c) => c.name === `/${name}`)!;

describe("docker run --network and friends", () => {
  it("rejects a bad --network value while parsing flags", async () => {
    expectGolden("network-run-bad-network-opt", await (await host()).run("run --network x=y busybox"));
  });

  it("rejects aliases on a built-in network on the client side", async () => {
    expectGolden("network-run-alias-default", await (await host()).run("run --network-alias web busybox"));
  });

  it("rejects --ip where the daemon does", async () => {
    const sb = await host();
    expectGolden("network-run-ip-default", await sb.run("run --ip 172.17.0.9 busybox"));
    expectGolden("network-run-ip-dynamic", await sb.run("run --network front --ip 172.18.0.9 busybox"));
    expectGolden("network-run-ip-outside", await sb.run("run --network back --ip 10.8.0.9 busybox"));
    expect(Object.keys(sb.state()!.containers)).toEqual([]);
  });

  it("rejects --ip6 where the daemon does, and keeps one within a subnet the network was given", async () => {
    const sb = await host();
    await sb.run("network create --ipv6 --subnet 2001:db8::/64 six");
    const refused = async (line: string, ...errors: string[]) => {
      const r = await sb.run(line);
      const network = line.match(/--network (\S+)/)?.[1] ?? "default";
      const list = errors.length === 1 ? errors[0] : errors.map((e) => `* ${e}`).join("\n");
      expect(r.stderr, line).toBe(`docker: Error response from daemon: invalid config for network ${network}: invalid endpoint settings:\n${list}\n\nRun 'docker run --help' for more information\n`);
      expect(r.exitCode).toBe(125);
    };
    await refused("run --ip6 2001:db8::33 busybox", "user specified IP address is supported on user defined networks only");
    await refused("run --ip6 nope busybox", "user specified IP address is supported on user defined networks only", "invalid IPv6 address: nope");
    await refused("run --network front --ip6 2001:db8::33 busybox", "user specified IP address is supported only when connecting to networks with user configured subnets");
    await refused("run --network six --ip6 2001:db9::33 busybox", "no configured subnet or ip-range contain the IP address 2001:db9::33");
    await refused("run --network six --ip6 ::ffff:10.0.0.1 busybox", "invalid IPv6 address: ::ffff:10.0.0.1", "no configured subnet or ip-range contain the IP address ::ffff:10.0.0.1");
    await refused("run --network six --ip6 2001:db8::5%eth0 busybox", "invalid IPv6 address: 2001:db8::5%eth0", "no configured subnet or ip-range contain the IP address 2001:db8::5%eth0");
    await refused("run --network six --ip6 10.0.0.1 busybox", "invalid IPv6 address: 10.0.0.1", "no configured subnet or ip-range contain the IP address 10.0.0.1");
    expect(Object.keys(sb.state()!.containers)).toEqual([]);
    expect((await sb.run("run -d --name v6 --network six --ip6 2001:db8::33 busybox sleep 100")).exitCode).toBe(0);
    expect((await sb.run(["inspect", "-f", "{{json .NetworkSettings.Networks.six.IPAMConfig}}", "v6"])).stdout).toBe('{"IPv6Address":"2001:db8::33"}\n');
    expect((await sb.run(["network", "inspect", "-f", "{{range .IPAM.Config}}{{.Subnet}} {{end}}", "six"])).stdout).toBe("172.19.0.0/16 2001:db8::/64 \n");
    const both = await sb.run("run --network name=six,ip6=2001:db8::5 --ip6 2001:db8::6 busybox");
    expect(both.stderr).toBe("docker: conflicting options: cannot specify both --ip6 and per-network IPv6 address\n\nRun 'docker run --help' for more information\n");
  });

  it("takes a network by id prefix, with a static address, an alias and a MAC", async () => {
    const sb = await host();
    const back = Object.values(sb.state()!.networks).find((n) => n.name === "back")!;
    const r = await sb.run(`run -d --name api --network ${back.id.slice(0, 6)} --ip 10.7.0.20 --network-alias service --mac-address 02:42:0a:07:00:14 busybox sleep 100`);
    expect(r.exitCode).toBe(0);
    expectGolden("network-run-inspect-endpoint", await sb.run(["inspect", "-f", "{{json .NetworkSettings.Networks}}", "api"]));
  });

  it("attaches every --network given", async () => {
    const sb = await host();
    await sb.run("run -d --name multi --network front --network name=back,alias=api busybox sleep 100");
    expectGolden("network-run-multi", await sb.run(["inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}}{{println}}{{end}}", "multi"]));
    expectGolden("network-run-mixed-modes", await sb.run("run --network front --network bridge busybox"));
  });

  it("leaves the container Created when the network does not exist", async () => {
    const sb = await host();
    expectGolden("network-run-missing-network", await sb.run("run --name lost --network nope busybox"));
    expect(container(sb, "lost").state.status).toBe("created");
  });

  it("writes /etc/hostname, /etc/hosts and /etc/resolv.conf from the flags", async () => {
    const sb = await host();
    await sb.run("run -d --name web busybox sleep 100");
    const r = await sb.run(["run", "--rm", "--hostname", "box", "--dns", "8.8.8.8", "--dns-search", "example.com", "--dns-option", "ndots:2",
      "--add-host", "gw:host-gateway", "--add-host", "db=10.0.0.5", "--link", "web:site", "busybox", "cat", "/etc/hostname", "/etc/hosts", "/etc/resolv.conf"]);
    expectGolden("network-run-etc-files", r);
  });

  it("keeps a container sharing another's namespace from setting its own", async () => {
    const sb = await host();
    await sb.run("run -d --name web busybox sleep 100");
    expectGolden("network-run-container-hostname", await sb.run("run --network container:web --hostname x busybox"));
    expectGolden("network-run-container-dns", await sb.run("run --network container:web --dns 1.1.1.1 busybox"));
    expectGolden("network-run-container-hosts", await sb.run("run --rm --network container:web busybox cat /etc/hostname"));
    expectGolden("network-run-container-ip", await sb.run("run --network container:web --ip 172.17.0.9 busybox"));
  });

  it("lets links name containers on a user network", async () => {
    const sb = await host();
    await sb.run("run -d --name db --network front busybox sleep 100");
    expectGolden("network-run-link-user", await sb.run("run --rm --network front --link db:database busybox ping -c 1 database"));
  });
});

describe("docker run --net (hidden spelling)", () => {
  it("works like --network, and bad addresses get every daemon complaint", async () => {
    const sb = await host();
    expectGolden("network-run-net-alias", await sb.run("run --rm --net front --net-alias svc busybox cat /etc/hostname"));
    expectGolden("network-run-ip-invalid", await sb.run("run --net back --ip 999.1.1.1 busybox"));
  });
});
