// Attaching a container to its networks when it starts and detaching it when it stops.
// IPs come from the network's subnet, lowest free first, as libnetwork's IPAM hands them out.
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import type { ContainerRecord, HostState, NetworkRecord } from "../model.js";

export function networkByName(state: HostState, name: string): NetworkRecord | undefined {
  for (const n of Object.values(state.networks)) if (n.name === name) return n;
  return state.networks[name];
}

function ipToInt(ip: string): number {
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

export function allocateIp(state: HostState, network: NetworkRecord): { ip: string; prefixLen: number; gateway: string } | undefined {
  const config = network.ipam.config[0];
  if (!config) return undefined;
  const [base, bits] = config.Subnet.split("/");
  const prefixLen = Number(bits);
  const start = ipToInt(base!);
  const size = 2 ** (32 - prefixLen);
  const gateway = config.Gateway ?? intToIp(start + 1);
  const used = new Set<string>([gateway]);
  for (const c of Object.values(state.containers)) {
    const ep = c.networks[network.name];
    if (ep && ep.ipAddress) used.add(ep.ipAddress);
  }
  for (let i = 2; i < size - 1; i++) {
    const ip = intToIp(start + i);
    if (!used.has(ip)) return { ip, prefixLen, gateway };
  }
  return undefined;
}

export function connectDefaultEndpoints(tx: Tx, c: ContainerRecord, at: number): void {
  for (const [name, ep] of Object.entries(c.networks)) {
    const network = networkByName(tx.state, name);
    if (!network || network.driver === "host" || network.driver === "null") continue;
    const wanted = ep.ipamConfig?.IPv4Address;
    const lease = wanted
      ? { ip: wanted, prefixLen: Number(network.ipam.config[0]?.Subnet.split("/")[1] ?? 16), gateway: network.ipam.config[0]?.Gateway ?? "" }
      : allocateIp(tx.state, network);
    if (!lease) continue;
    ep.ipAddress = lease.ip;
    ep.ipPrefixLen = lease.prefixLen;
    ep.gateway = lease.gateway;
    ep.macAddress = tx.ids.mac();
    ep.endpointId = tx.ids.hex64();
    emitEvent(tx.state, at, "network", "connect", network.id, { container: c.id, name: network.name, type: network.driver });
  }
}

export function disconnectEndpoints(tx: Tx, c: ContainerRecord, at: number): void {
  for (const [name, ep] of Object.entries(c.networks)) {
    const network = networkByName(tx.state, name);
    if (!ep.endpointId) continue;
    Object.assign(ep, { ipAddress: "", ipPrefixLen: 0, gateway: "", macAddress: "", endpointId: "" });
    if (network) emitEvent(tx.state, at, "network", "disconnect", network.id, { container: c.id, name: network.name, type: network.driver });
  }
}

const EPHEMERAL_START = 32768;

function portsInUse(state: HostState, except: string): Set<string> {
  const used = new Set<string>();
  for (const other of Object.values(state.containers)) {
    if (other.id === except) continue;
    for (const p of other.ports ?? []) used.add(`${p.IP}:${p.PublicPort}/${p.Type}`);
  }
  return used;
}

/**
 * Chooses host ports for -p/-P (libnetwork portallocator). Throws the daemon's text when a port is
 * taken; the caller leaves the container in Created.
 */
export function publishPorts(tx: Tx, c: ContainerRecord): NonNullable<ContainerRecord["ports"]> {
  if (c.hostConfig.NetworkMode === "host" || c.hostConfig.NetworkMode === "none") return [];
  const used = portsInUse(tx.state, c.id);
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = { ...c.hostConfig.PortBindings };
  if (c.hostConfig.PublishAllPorts) {
    for (const key of Object.keys(c.config.ExposedPorts ?? {})) if (!bindings[key]) bindings[key] = [{ HostIp: "", HostPort: "" }];
  }
  const result: NonNullable<ContainerRecord["ports"]> = [];
  const taken = (ip: string, port: number, proto: string) =>
    used.has(`${ip}:${port}/${proto}`) ||
    (ip === "0.0.0.0" && [...used].some((u) => u.endsWith(`:${port}/${proto}`) && !u.startsWith("::"))) ||
    (ip !== "0.0.0.0" && ip !== "::" && used.has(`0.0.0.0:${port}/${proto}`));
  for (const [key, list] of Object.entries(bindings)) {
    const [portText, proto = "tcp"] = key.split("/");
    const privatePort = Number(portText);
    for (const b of list) {
      const ips = b.HostIp ? [b.HostIp] : ["0.0.0.0", "::"];
      let hostPort: number;
      if (b.HostPort) {
        hostPort = Number(b.HostPort.split("-")[0]);
        for (const ip of ips) {
          if (taken(ip, hostPort, proto)) {
            const shown = ip.includes(":") ? `[${ip}]` : ip;
            throw new Error(
              `failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name.slice(1)} (${tx.ids.hex64()}): Bind for ${shown}:${hostPort} failed: port is already allocated`,
            );
          }
        }
      } else {
        hostPort = EPHEMERAL_START;
        while (ips.some((ip) => taken(ip, hostPort, proto))) hostPort++;
      }
      for (const ip of ips) {
        result.push({ IP: ip, PrivatePort: privatePort, PublicPort: hostPort, Type: proto });
        used.add(`${ip}:${hostPort}/${proto}`);
      }
    }
  }
  return result;
}
