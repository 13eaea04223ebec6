// --network and the options that apply to its first endpoint (docker/cli v28:
// cli/command/container/opts.go parseNetworkOpts, applyContainerOptions,
// parseNetworkAttachmentOpt; opts/network.go).
import { parseNetworkAttachment, type NetworkAttachment } from "../../../cli/specs/network-opt.js";

export interface EndpointChoice {
  network: string;
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
  macAddress?: string;
}

export interface NetworkChoice {
  mode: string;
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
  macAddress?: string;
  /** The other networks, in the order given. */
  extra: EndpointChoice[];
}

/** container.NetworkMode.IsUserDefined. */
export function isUserDefined(mode: string): boolean {
  return !["default", "bridge", "host", "none"].includes(mode) && !mode.startsWith("container:");
}

/** applyContainerOptions: --network-alias, --ip, --ip6 and --mac-address belong to the first network. */
function applyContainerOptions(n: NetworkAttachment, aliases: string[], ip: string, ip6: string, mac: string): void {
  if (aliases.length > 0) {
    if (n.aliases.length > 0) throw new Error("conflicting options: cannot specify both --network-alias and per-network alias");
    n.aliases = [...aliases];
  }
  if (ip !== "") {
    if (n.ipv4Address) throw new Error("conflicting options: cannot specify both --ip and per-network IPv4 address");
    n.ipv4Address = ip;
  }
  if (ip6 !== "") {
    if (n.ipv6Address) throw new Error("conflicting options: cannot specify both --ip6 and per-network IPv6 address");
    n.ipv6Address = ip6;
  }
  if (mac !== "") {
    if (n.macAddress) throw new Error("conflicting options: cannot specify both --mac-address and per-network MAC address");
    n.macAddress = mac;
  }
}

function choice(n: NetworkAttachment): EndpointChoice {
  return {
    network: n.target,
    aliases: n.aliases,
    ...(n.ipv4Address ? { ipv4Address: n.ipv4Address } : {}),
    ...(n.ipv6Address ? { ipv6Address: n.ipv6Address } : {}),
    ...(n.macAddress ? { macAddress: n.macAddress } : {}),
  };
}

export function parseNetworks(values: string[], aliases: string[], ip: string, mac = "", ip6 = ""): NetworkChoice {
  const list = values.length > 0 ? values.map(parseNetworkAttachment) : [parseNetworkAttachment("default")];
  const seen = new Set<string>();
  let userDefined = false;
  let builtin = false;
  list.forEach((n, i) => {
    if (isUserDefined(n.target)) userDefined = true;
    else builtin = true;
    if (i === 0) applyContainerOptions(n, aliases, ip, ip6, mac);
    // parseNetworkAttachmentOpt.
    if (n.target.trim() === "") throw new Error("no name set for network");
    if (!isUserDefined(n.target) && n.aliases.length > 0) {
      throw new Error("network-scoped aliases are only supported for user-defined networks");
    }
    if (seen.has(n.target)) throw new Error(`network "${n.target}" is specified multiple times`);
    seen.add(n.target);
  });
  if (userDefined && builtin) {
    throw new Error("conflicting options: cannot attach both user-defined and non-user-defined network-modes");
  }
  const [first, ...rest] = list.map(choice);
  return { mode: first!.network, ...first!, extra: rest };
}
