// --network and the options that apply to its first endpoint (docker/cli opts.go
// parseNetworkOpts, applyContainerOptions, parseNetworkAttachmentOpt; opts/network.go).

export interface NetworkChoice {
  mode: string;
  aliases: string[];
  ipv4Address?: string;
}

interface Attachment {
  target: string;
  aliases: string[];
  ipv4?: string;
}

/** opts.NetworkOpt.Set: "name" or the CSV form "name=x,alias=y,ip=z". */
function attachment(value: string): Attachment {
  if (!value.includes("=")) return { target: value, aliases: [] };
  const a: Attachment = { target: "", aliases: [] };
  for (const field of value.split(",")) {
    const eq = field.indexOf("=");
    const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
    const v = eq < 0 ? "" : field.slice(eq + 1);
    if (eq < 0) throw new Error(`invalid field '${field}' must be a key=value pair`);
    if (key === "name") a.target = v;
    else if (key === "alias") a.aliases.push(v);
    else if (key === "ip") a.ipv4 = v;
    else if (!["ip6", "link-local-ip", "driver-opt", "gw-priority", "mac-address"].includes(key)) {
      throw new Error(`invalid field key ${key}`);
    }
  }
  return a;
}

/** container.NetworkMode.IsUserDefined. */
export function isUserDefined(mode: string): boolean {
  return !["default", "bridge", "host", "none"].includes(mode) && !mode.startsWith("container:");
}

export function parseNetworks(values: string[], aliases: string[], ip: string): NetworkChoice {
  const list = values.length > 0 ? values.map(attachment) : [{ target: "default", aliases: [] }];
  const seen = new Set<string>();
  let userDefined = false;
  let builtin = false;
  list.forEach((n, i) => {
    if (isUserDefined(n.target)) userDefined = true;
    else builtin = true;
    if (i === 0) {
      if (n.aliases.length > 0 && aliases.length > 0) {
        throw new Error("conflicting options: cannot specify both --network-alias and per-network alias");
      }
      if (n.ipv4 && ip) throw new Error("conflicting options: cannot specify both --ip and per-network IPv4 address");
      if (aliases.length > 0) n.aliases = [...aliases];
      if (ip) n.ipv4 = ip;
    }
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
  const first = list[0]!;
  return { mode: first.target, aliases: first.aliases, ...(first.ipv4 ? { ipv4Address: first.ipv4 } : {}) };
}
