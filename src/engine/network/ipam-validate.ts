// The daemon's check of a network's IPAM configuration (moby v28: api/types/network/ipam.go
// ValidateIPAM).
import { contains, intToIp, isIPv4, parseCidr, type Cidr } from "./addr.js";
import type { IpamConfigRequest } from "./types.js";

/** internal/multierror Join: one error as it is, several as "* " bullets. */
export function joinErrors(errs: string[]): string {
  if (errs.length === 1) return errs[0]!.trim();
  return "* " + errs.map((e) => e.replace(/\n/g, "\n\t")).join("\n* ");
}

function isV6(s: string): boolean {
  return s.includes(":");
}

function masked(c: Cidr): string {
  return `${intToIp(c.base)}/${c.bits}`;
}

function addressErrors(what: string, addr: string | undefined, subnet: Cidr, subnetText: string): string[] {
  if (!addr) return [];
  if (isV6(addr)) return [`${what}: parent subnet is an IPv4 block`];
  if (!isIPv4(addr)) return [`${what}: invalid address`];
  if (!contains(subnet, addr)) return [`${what}: parent subnet ${subnetText} doesn't contain this address`];
  return [];
}

function rangeErrors(range: string | undefined, subnet: Cidr, subnetText: string): string[] {
  if (!range) return [];
  const what = `invalid ip-range ${range}`;
  if (isV6(range)) return [`${what}: parent subnet is an IPv4 block`];
  const r = parseCidr(range);
  if (!r) return [`${what}: invalid CIDR block notation`];
  const errs: string[] = [];
  if (r.bits < subnet.bits) errs.push(`${what}: CIDR block is bigger than its parent subnet ${subnetText}`);
  if (masked(r) !== range) errs.push(`${what}: it should be ${masked(r)}`);
  if (!(r.base < subnet.base + subnet.size && subnet.base < r.base + r.size)) {
    errs.push(`${what}: parent subnet ${subnetText} doesn't contain ip-range`);
  }
  return errs;
}

/** Throws nothing; returns the daemon's message, or undefined when the config is valid. */
export function validateIpam(configs: IpamConfigRequest[]): string | undefined {
  const errs: string[] = [];
  for (const c of configs) {
    // IPv6 subnets are dropped when IPv6 is off and otherwise taken as written.
    if (isV6(c.Subnet)) continue;
    const subnet = parseCidr(c.Subnet);
    if (!subnet) {
      errs.push(`invalid subnet ${c.Subnet}: invalid CIDR block notation`);
      continue;
    }
    if (masked(subnet) !== c.Subnet) errs.push(`invalid subnet ${c.Subnet}: it should be ${masked(subnet)}`);
    errs.push(...rangeErrors(c.IPRange, subnet, c.Subnet));
    errs.push(...addressErrors(`invalid gateway ${c.Gateway}`, c.Gateway, subnet, c.Subnet));
    for (const [name, aux] of Object.entries(c.AuxAddress ?? {})) {
      errs.push(...addressErrors(`invalid auxiliary address ${name}`, aux, subnet, c.Subnet));
    }
  }
  return errs.length > 0 ? `invalid network config:\n${joinErrors(errs)}` : undefined;
}
