// libnetwork's default IPAM: subnets from the default address pools (172.17-31.0.0/16, then
// 192.168.x.0/20), addresses from the subnet or its --ip-range, lowest free first.
import type { HostState, NetworkRecord } from "../model.js";
import { cidrText, contains, intToIp, ipToInt, overlaps, parseCidr, type Cidr } from "./addr.js";

function* defaultPools(): Generator<Cidr> {
  for (let second = 17; second <= 31; second++) yield parseCidr(`172.${second}.0.0/16`)!;
  for (let third = 0; third < 256; third += 16) yield parseCidr(`192.168.${third}.0/20`)!;
}

export function networkSubnets(state: HostState): Cidr[] {
  const out: Cidr[] = [];
  for (const n of Object.values(state.networks)) {
    for (const c of n.ipam.config) {
      const cidr = parseCidr(c.Subnet);
      if (cidr) out.push(cidr);
    }
  }
  return out;
}

/** The next pool no network uses; undefined when all are taken. */
export function nextPool(state: HostState): string | undefined {
  const used = networkSubnets(state);
  for (const pool of defaultPools()) if (!used.some((u) => overlaps(u, pool))) return cidrText(pool);
  return undefined;
}

export interface Lease {
  ip: string;
  prefixLen: number;
  gateway: string;
}

/** Addresses held by running endpoints on the network. */
export function leasedIps(state: HostState, network: NetworkRecord, exceptContainer?: string): Set<string> {
  const used = new Set<string>();
  for (const c of Object.values(state.containers)) {
    if (c.id === exceptContainer) continue;
    for (const ep of Object.values(c.networks)) if (ep.networkId === network.id && ep.endpointId && ep.ipAddress) used.add(ep.ipAddress);
  }
  return used;
}

export function gatewayOf(network: NetworkRecord): string {
  const config = network.ipam.config[0];
  if (!config) return "";
  if (config.Gateway) return config.Gateway;
  const cidr = parseCidr(config.Subnet);
  return cidr ? intToIp(cidr.base + 1) : "";
}

/** Picks (or checks) an address for a container joining the network; throws the daemon's text. */
export function allocateIp(state: HostState, network: NetworkRecord, containerId: string, wanted?: string): Lease | undefined {
  const config = network.ipam.config[0];
  if (!config) return undefined;
  const subnet = parseCidr(config.Subnet);
  if (!subnet) return undefined;
  const gateway = gatewayOf(network);
  const used = leasedIps(state, network, containerId);
  used.add(gateway);
  for (const aux of Object.values(config.AuxiliaryAddresses ?? {})) used.add(aux);
  const lease = (ip: string): Lease => ({ ip, prefixLen: subnet.bits, gateway });
  if (wanted) {
    const range = config.IPRange ? parseCidr(config.IPRange) : subnet;
    if (!contains(subnet, wanted) || (range && !contains(subnet, wanted))) {
      throw new Error(`no configured subnet or ip-range contain the IP address ${wanted}`);
    }
    if (used.has(wanted)) throw new Error("Address already in use");
    return lease(wanted);
  }
  const range = (config.IPRange ? parseCidr(config.IPRange) : undefined) ?? subnet;
  const first = Math.max(range.base, subnet.base + 1);
  const last = Math.min(range.base + range.size - 1, subnet.base + subnet.size - 2);
  for (let n = first; n <= last; n++) {
    const ip = intToIp(n);
    if (!used.has(ip)) return lease(ip);
  }
  throw new Error(`no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`);
}

export { ipToInt };
