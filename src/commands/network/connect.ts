// docker network connect (docker/cli v28: cli/command/network/connect.go).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";

export interface NetworkConnectOptions {
  network: string;
  container: string;
  ipAddress: string;
  ipv6Address: string;
  links: string[];
  aliases: string[];
  linkLocalIps: string[];
  driverOpts: string[];
  gwPriority: number;
}

/** convertDriverOpt: "key=value" pairs, spaces trimmed, the key required. */
export function convertDriverOpt(options: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const opt of options) {
    const eq = opt.indexOf("=");
    const key = (eq < 0 ? opt : opt.slice(0, eq)).trim();
    if (eq < 0 || key === "") throw new StatusError("invalid key/value pair format in driver options");
    out[key] = opt.slice(eq + 1).trim();
  }
  return out;
}

export async function runNetworkConnect(cli: Cli, opts: NetworkConnectOptions): Promise<void> {
  const driverOpts = convertDriverOpt(opts.driverOpts);
  await cli.client.networkConnect(opts.network, {
    container: opts.container,
    aliases: opts.aliases,
    ...(opts.ipAddress !== "" ? { ipv4Address: opts.ipAddress } : {}),
    ...(opts.ipv6Address !== "" ? { ipv6Address: opts.ipv6Address } : {}),
    links: opts.links,
    ...(Object.keys(driverOpts).length > 0 ? { driverOpts } : {}),
  });
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  const list = (name: string) => (v[name] as string[] | undefined) ?? [];
  await runNetworkConnect(cli, {
    network: args[0]!,
    container: args[1]!,
    ipAddress: String(v.ip ?? ""),
    ipv6Address: String(v.ip6 ?? ""),
    links: list("link"),
    aliases: list("alias"),
    linkLocalIps: list("link-local-ip"),
    driverOpts: list("driver-opt"),
    gwPriority: Number(v["gw-priority"] ?? 0),
  });
}
