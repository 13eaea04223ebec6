// docker network create (docker/cli v28: cli/command/network/create.go): the client groups
// --subnet, --ip-range, --gateway and --aux-address into IPAM configs before asking the daemon.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import type { NetworkCreateRequest } from "../../client/api.js";
import { goParseCidr, goParseIp } from "../../client/go-ip.js";

export interface NetworkCreateOptions {
  name: string;
  driver: string;
  driverOpts: Record<string, string>;
  labels: string[];
  internal: boolean;
  /** undefined: not given (the daemon's default). */
  ipv4?: boolean;
  ipv6?: boolean;
  attachable: boolean;
  ingress: boolean;
  scope: string;
  configOnly: boolean;
  configFrom: string;
  ipamDriver: string;
  subnets: string[];
  ipRanges: string[];
  gateways: string[];
  auxAddresses: Record<string, string>;
  ipamOpts: Record<string, string>;
}

type IpamConfig = NetworkCreateRequest["ipam"]["config"][number];

/** subnetMatches: does `data` (an address, or the address part of a CIDR) lie in `subnet`? */
function subnetMatches(subnet: string, data: string): boolean {
  const s = goParseCidr(subnet);
  if (!s) throw new StatusError(`invalid subnet: invalid CIDR address: ${subnet}`);
  let ip: Uint8Array | undefined;
  if (data.includes("/")) {
    const d = goParseCidr(data);
    if (!d) throw new StatusError(`invalid CIDR address: ${data}`);
    ip = d.ip;
  } else {
    ip = goParseIp(data);
  }
  return ip !== undefined && s.contains(ip);
}

/** consolidateIpam. Configs keep the order of --subnet (docker walks a map here). */
export function consolidateIpam(subnets: string[], ranges: string[], gateways: string[], aux: Record<string, string>): IpamConfig[] {
  if (subnets.length < ranges.length || subnets.length < gateways.length) {
    throw new StatusError("every ip-range or gateway must have a corresponding subnet");
  }
  const data = new Map<string, IpamConfig>();
  for (const s of subnets) {
    for (const k of data.keys()) {
      if (subnetMatches(s, k) || subnetMatches(k, s)) throw new StatusError("multiple overlapping subnet configuration is not supported");
    }
    data.set(s, { Subnet: s, AuxAddress: {} });
  }
  const attach = (value: string, what: "range" | "gateway", set: (d: IpamConfig, s: string) => void) => {
    let match = false;
    for (const s of subnets) {
      if (!subnetMatches(s, value)) continue;
      set(data.get(s)!, s);
      match = true;
    }
    if (!match) throw new StatusError(`no matching subnet for ${what} ${value}`);
  };
  for (const r of ranges) {
    attach(r, "range", (d, s) => {
      if (d.IPRange) throw new StatusError(`cannot configure multiple ranges (${r}, ${d.IPRange}) on the same subnet (${s})`);
      d.IPRange = r;
    });
  }
  for (const g of gateways) {
    attach(g, "gateway", (d, s) => {
      if (d.Gateway) throw new StatusError(`cannot configure multiple gateways (${g}, ${d.Gateway}) for the same subnet (${s})`);
      d.Gateway = g;
    });
  }
  for (const [key, addr] of Object.entries(aux)) {
    let match = false;
    for (const s of subnets) {
      if (!subnetMatches(s, addr)) continue;
      data.get(s)!.AuxAddress![key] = addr;
      match = true;
    }
    if (!match) throw new StatusError(`no matching subnet for aux-address ${addr}`);
  }
  return [...data.values()];
}

export async function runNetworkCreate(cli: Cli, opts: NetworkCreateOptions): Promise<void> {
  const config = consolidateIpam(opts.subnets, opts.ipRanges, opts.gateways, opts.auxAddresses);
  const labels: Record<string, string> = {};
  for (const l of opts.labels) {
    const eq = l.indexOf("=");
    labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? "" : l.slice(eq + 1);
  }
  const resp = await cli.client.networkCreate({
    name: opts.name,
    driver: opts.driver,
    scope: opts.scope,
    options: opts.driverOpts,
    labels,
    internal: opts.internal,
    attachable: opts.attachable,
    ingress: opts.ingress,
    configOnly: opts.configOnly,
    ...(opts.configFrom !== "" ? { configFrom: opts.configFrom } : {}),
    ...(opts.ipv4 !== undefined ? { enableIPv4: opts.ipv4 } : {}),
    ...(opts.ipv6 !== undefined ? { enableIPv6: opts.ipv6 } : {}),
    ipam: { driver: opts.ipamDriver, options: opts.ipamOpts, config },
  });
  cli.out.write(`${resp.Id}\n`);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  const list = (name: string) => (v[name] as string[] | undefined) ?? [];
  const map = (name: string) => (v[name] as Record<string, string> | undefined) ?? {};
  await runNetworkCreate(cli, {
    name: args[0]!,
    driver: String(v.driver ?? "bridge"),
    driverOpts: map("opt"),
    labels: list("label"),
    internal: v.internal === true,
    ...(flags.changed.has("ipv4") ? { ipv4: v.ipv4 === true } : {}),
    ...(flags.changed.has("ipv6") ? { ipv6: v.ipv6 === true } : {}),
    attachable: v.attachable === true,
    ingress: v.ingress === true,
    scope: String(v.scope ?? ""),
    configOnly: v["config-only"] === true,
    configFrom: String(v["config-from"] ?? ""),
    ipamDriver: String(v["ipam-driver"] ?? "default"),
    subnets: list("subnet"),
    ipRanges: list("ip-range"),
    gateways: list("gateway"),
    auxAddresses: map("aux-address"),
    ipamOpts: map("ipam-opt"),
  });
}
