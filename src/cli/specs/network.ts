// `docker network` and its verbs (docker/cli v28: cli/command/network/*.go); actions live in
// src/commands/network/<verb>.ts.
import type { CommandModule, CommandSpec } from "../spec.js";
import { args, fl, jsonFormatUsage, place, tableFormatUsage, type VerbDef } from "./define.js";
import { validateLabel, validateLink } from "./validators.js";

type Load = () => Promise<CommandModule>;

export const create: VerbDef = {
  name: "create",
  useTail: "[OPTIONS] NETWORK",
  short: "Make a new network",
  args: args.exact(1),
  flags: [
    fl("attachable", "bool", "Let containers be connected to it by hand"),
    fl("aux-address", "map", "IPv4 or IPv6 addresses the driver keeps for itself"),
    fl("config-from", "string", "Network whose configuration this one copies"),
    fl("config-only", "bool", "Make a network that only holds configuration"),
    fl("d|driver", "string", "Driver that manages the network", { default: "bridge" }),
    fl("gateway", "strings", "IPv4 or IPv6 gateway of the main subnet"),
    fl("ingress", "bool", "Make the swarm routing-mesh network"),
    fl("internal", "bool", "Cut the network off from the outside"),
    fl("ip-range", "strings", "Hand out container addresses from this part of the subnet"),
    fl("ipam-driver", "string", "Driver that manages addresses", { default: "default" }),
    fl("ipam-opt", "map", "Options for the address-management driver"),
    fl("ipv4", "bool", "Turn IPv4 addressing on or off", { default: true }),
    fl("ipv6", "bool", "Turn IPv6 addressing on or off"),
    fl("label", "list", "Attach metadata to the network", { validate: validateLabel }),
    fl("o|opt", "map", "Options for the network driver"),
    fl("scope", "string", "Scope of the network"),
    fl("subnet", "strings", "Subnet, in CIDR notation, of one network segment"),
  ],
  load: (() => import("../../commands/network/create.js")) as Load,
};

export const ls: VerbDef = {
  name: "ls",
  aliases: ["list"],
  useTail: "[OPTIONS]",
  short: "Show networks",
  args: args.none,
  flags: [
    fl("f|filter", "filter", 'Only show networks matching a condition (e.g. "driver=bridge")'),
    fl("format", "string", tableFormatUsage),
    fl("no-trunc", "bool", "Print values in full"),
    fl("q|quiet", "bool", "Print network IDs only"),
  ],
  load: (() => import("../../commands/network/ls.js")) as Load,
};

export const inspect: VerbDef = {
  name: "inspect",
  useTail: "[OPTIONS] NETWORK [NETWORK...]",
  short: "Show the full details of networks",
  args: args.min(1),
  flags: [fl("f|format", "string", jsonFormatUsage), fl("v|verbose", "bool", "Add diagnostic details")],
  load: (() => import("../../commands/network/inspect.js")) as Load,
};

export const rm: VerbDef = {
  name: "rm",
  aliases: ["remove"],
  useTail: "NETWORK [NETWORK...]",
  short: "Delete networks",
  args: args.min(1),
  flags: [fl("f|force", "bool", "Say nothing when a network does not exist")],
  load: (() => import("../../commands/network/rm.js")) as Load,
};

export const connect: VerbDef = {
  name: "connect",
  useTail: "[OPTIONS] NETWORK CONTAINER",
  short: "Attach a container to a network",
  args: args.exact(2),
  flags: [
    fl("alias", "strings", "Extra name for the container on this network"),
    fl("driver-opt", "strings", "Options for the network driver"),
    fl("gw-priority", "int", "Gateway priority: the highest one gives the default route (may be negative)"),
    fl("ip", "string", 'IPv4 address (e.g., "172.30.100.104")'),
    fl("ip6", "string", 'IPv6 address (e.g., "2001:db8::33")'),
    fl("link", "list", "Link to another container", { validate: validateLink }),
    fl("link-local-ip", "strings", "Link-local address for the container"),
  ],
  load: (() => import("../../commands/network/connect.js")) as Load,
};

export const disconnect: VerbDef = {
  name: "disconnect",
  useTail: "[OPTIONS] NETWORK CONTAINER",
  short: "Detach a container from a network",
  args: args.exact(2),
  flags: [fl("f|force", "bool", "Detach even when the endpoint is stale")],
  load: (() => import("../../commands/network/disconnect.js")) as Load,
};

export const prune: VerbDef = {
  name: "prune",
  useTail: "[OPTIONS]",
  short: "Delete every network no container uses",
  args: args.none,
  flags: [
    fl("filter", "filter", 'Only prune what matches a condition (e.g. "until=<timestamp>")'),
    fl("f|force", "bool", "Skip the confirmation question"),
  ],
  load: (() => import("../../commands/network/prune.js")) as Load,
};

export function networkCommand(): CommandSpec {
  const p = "docker network";
  return {
    name: "network",
    use: p,
    short: "Work with networks",
    args: args.none,
    flags: [],
    subcommands: [connect, create, disconnect, inspect, ls, prune, rm].map((v) => place(v, p)),
  };
}
