// Attaching a container to its networks when it starts and detaching it when it stops
// (moby: daemon/container_operations.go), and publishing its ports (libnetwork portallocator).
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import type { ContainerRecord, HostState, NetworkRecord } from "../model.js";
import { allocateIp } from "../network/ipam.js";
import { checkLinksRunning } from "../network/links.js";

/** By name, full id or unique id prefix (daemon.FindNetwork, without its ambiguity error). */
export function networkByName(state: HostState, name: string): NetworkRecord | undefined {
  for (const n of Object.values(state.networks)) if (n.name === name) return n;
  if (state.networks[name] || name === "") return state.networks[name];
  const byPrefix = Object.values(state.networks).filter((n) => n.id.startsWith(name));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

/** The network an endpoint belongs to: by id, then by the name it is filed under. */
export function endpointNetwork(state: HostState, name: string, networkId: string): NetworkRecord | undefined {
  return state.networks[networkId] ?? networkByName(state, name);
}

/** Gives one endpoint its address, MAC and id; emits `network connect`. Throws the daemon's text. */
export function activateEndpoint(tx: Tx, c: ContainerRecord, name: string, at: number): void {
  const ep = c.networks[name]!;
  const network = endpointNetwork(tx.state, name, ep.networkId);
  if (!network) throw new Error(`failed to set up container networking: network ${name} not found`);
  ep.networkId = network.id;
  if (network.driver !== "host" && network.driver !== "null") {
    let lease;
    try {
      lease = allocateIp(tx.state, network, c.id, ep.ipamConfig?.IPv4Address);
    } catch (error) {
      throw new Error(`failed to set up container networking: ${(error as Error).message}`);
    }
    if (lease) {
      ep.ipAddress = lease.ip;
      ep.ipPrefixLen = lease.prefixLen;
      ep.gateway = lease.gateway;
      ep.macAddress = ep.configuredMac ?? tx.ids.mac();
    }
  }
  ep.endpointId = tx.ids.hex64();
  emitEvent(tx.state, at, "network", "connect", network.id, { container: c.id, name: network.name, type: network.driver });
}

export function deactivateEndpoint(tx: Tx, c: ContainerRecord, name: string, at: number): void {
  const ep = c.networks[name];
  if (!ep || !ep.endpointId) return;
  const network = endpointNetwork(tx.state, name, ep.networkId);
  Object.assign(ep, { ipAddress: "", ipPrefixLen: 0, gateway: "", macAddress: "", endpointId: "" });
  if (network) emitEvent(tx.state, at, "network", "disconnect", network.id, { container: c.id, name: network.name, type: network.driver });
}

/** Connects every configured endpoint, all or none. */
export function connectDefaultEndpoints(tx: Tx, c: ContainerRecord, at: number): void {
  checkLinksRunning(tx.state, c);
  const mode = c.hostConfig.NetworkMode === "default" ? "bridge" : c.hostConfig.NetworkMode;
  if (Object.keys(c.networks).length === 0 && !mode.startsWith("container:")) {
    // The network did not exist when the container was made.
    const network = networkByName(tx.state, mode);
    if (!network) throw new Error(`failed to set up container networking: network ${mode} not found`);
    c.networks[network.name] = {
      networkId: network.id, endpointId: "", ipAddress: "", ipPrefixLen: 0, gateway: "", macAddress: "", aliases: [], dnsNames: [], links: [],
    };
  }
  const done: string[] = [];
  try {
    for (const name of Object.keys(c.networks)) {
      activateEndpoint(tx, c, name, at);
      done.push(name);
    }
  } catch (error) {
    for (const name of done) deactivateEndpoint(tx, c, name, at);
    throw error;
  }
}

export function disconnectEndpoints(tx: Tx, c: ContainerRecord, at: number): void {
  for (const name of Object.keys(c.networks)) deactivateEndpoint(tx, c, name, at);
}

const EPHEMERAL_START = 32768;
const EPHEMERAL_END = 60999;

interface Bound {
  ip: string;
  port: number;
  proto: string;
}

function portsInUse(state: HostState, except: string): Bound[] {
  const used: Bound[] = [];
  for (const other of Object.values(state.containers)) {
    if (other.id === except) continue;
    for (const p of other.ports ?? []) used.push({ ip: p.IP, port: p.PublicPort, proto: p.Type });
  }
  return used;
}

/** A wildcard bind conflicts with any bind of its family on the same port, and the reverse. */
function conflicts(a: Bound, b: Bound): boolean {
  if (a.port !== b.port || a.proto !== b.proto) return false;
  if (a.ip === b.ip) return true;
  const v6 = (ip: string) => ip.includes(":");
  if (v6(a.ip) !== v6(b.ip)) return false;
  const wildcard = (ip: string) => ip === "0.0.0.0" || ip === "::";
  return wildcard(a.ip) || wildcard(b.ip);
}

function portConflict(c: ContainerRecord, endpointId: string, ip: string, port: number): Error {
  const shown = ip.includes(":") ? `[${ip}]` : ip;
  return new Error(
    `failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name.slice(1)} (${endpointId}): Bind for ${shown}:${port} failed: port is already allocated`,
  );
}

/**
 * The next free ephemeral port after the last one handed out, wrapping at the end of the range
 * (libnetwork portallocator findPort): a removed container's port is not reused at once.
 */
function ephemeralPort(state: HostState, ips: string[], proto: string, taken: (ip: string, port: number, proto: string) => boolean): number {
  const last = (state.lastEphemeralPort ??= {});
  const key = `${ips[0]}/${proto}`;
  let port = last[key] ?? EPHEMERAL_END;
  for (let i = 0; i <= EPHEMERAL_END - EPHEMERAL_START; i++) {
    port = port >= EPHEMERAL_END ? EPHEMERAL_START : port + 1;
    if (!ips.some((ip) => taken(ip, port, proto))) {
      for (const ip of ips) last[`${ip}/${proto}`] = port;
      return port;
    }
  }
  throw new Error("failed to set up container networking: all ports are allocated");
}

/**
 * Chooses host ports for -p/-P (libnetwork portallocator): a fixed port must be free, a host
 * range gives the first free port in it, no host port gives the next free ephemeral one.
 * Throws the daemon's text when a port is taken; the caller leaves the container in Created.
 */
export function publishPorts(tx: Tx, c: ContainerRecord): NonNullable<ContainerRecord["ports"]> {
  const mode = c.hostConfig.NetworkMode;
  if (mode === "host" || mode === "none" || mode.startsWith("container:")) return [];
  const used = portsInUse(tx.state, c.id);
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = { ...c.hostConfig.PortBindings };
  if (c.hostConfig.PublishAllPorts) {
    for (const key of Object.keys(c.config.ExposedPorts ?? {})) if (!bindings[key]) bindings[key] = [{ HostIp: "", HostPort: "" }];
  }
  const result: NonNullable<ContainerRecord["ports"]> = [];
  const taken = (ip: string, port: number, proto: string) => used.some((u) => conflicts(u, { ip, port, proto }));
  const keys = Object.keys(bindings).sort((a, b) => Number(a.split("/")[0]) - Number(b.split("/")[0]));
  const entries = keys.flatMap((key) => bindings[key]!.map((b) => ({ key, b })));
  const fixed = (b: { HostPort: string }) => b.HostPort !== "" && !b.HostPort.includes("-");
  // Fixed host ports are bound first, so an ephemeral pick never takes one the container asked for.
  const order = [...entries.keys()].sort((i, j) => Number(fixed(entries[j]!.b)) - Number(fixed(entries[i]!.b)) || i - j);
  const chosen = new Map<number, NonNullable<ContainerRecord["ports"]>>();
  for (const index of order) {
    const { key, b } = entries[index]!;
    const [portText, proto = "tcp"] = key.split("/");
    const privatePort = Number(portText);
    const ips = b.HostIp ? [b.HostIp] : ["0.0.0.0", "::"];
    let hostPort: number;
    if (fixed(b)) {
      hostPort = Number(b.HostPort);
      for (const ip of ips) if (taken(ip, hostPort, proto)) throw portConflict(c, tx.ids.hex64(), ip, hostPort);
    } else if (b.HostPort) {
      const [lo, hi] = b.HostPort.split("-").map(Number);
      hostPort = lo!;
      while (hostPort <= hi! && ips.some((ip) => taken(ip, hostPort, proto))) hostPort++;
      if (hostPort > hi!) throw portConflict(c, tx.ids.hex64(), ips[0]!, lo!);
    } else {
      hostPort = ephemeralPort(tx.state, ips, proto, taken);
    }
    chosen.set(index, ips.map((ip) => ({ IP: ip, PrivatePort: privatePort, PublicPort: hostPort, Type: proto })));
    for (const ip of ips) used.push({ ip, port: hostPort, proto });
  }
  result.push(...[...chosen.keys()].sort((a, b) => a - b).flatMap((i) => chosen.get(i)!));
  return result;
}
