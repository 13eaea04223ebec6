// `docker volume` and its verbs (docker/cli v28: cli/command/volume/*.go); actions live in
// src/commands/volume/<verb>.ts. The swarm-only flags of create are hidden outside a swarm.
import type { CommandModule, CommandSpec } from "../spec.js";
import { args, fl, jsonFormatUsage, place, tableFormatUsage, type VerbDef } from "./define.js";
import { validateLabel } from "./validators.js";

type Load = () => Promise<CommandModule>;

export const create: VerbDef = {
  name: "create",
  useTail: "[OPTIONS] [VOLUME]",
  short: "Make a new volume",
  args: args.max(1),
  flags: [
    fl("d|driver", "string", "Driver that stores the volume", { default: "local" }),
    fl("label", "list", "Attach metadata to the volume", { validate: validateLabel }),
    fl("name", "string", "Name of the volume", { hidden: true }),
    fl("o|opt", "map", "Options for the volume driver"),
  ],
  load: (() => import("../../commands/volume/create.js")) as Load,
};

export const ls: VerbDef = {
  name: "ls",
  aliases: ["list"],
  useTail: "[OPTIONS]",
  short: "Show volumes",
  args: args.none,
  flags: [
    fl("cluster", "bool", "Show cluster volumes only, in the cluster layout"),
    fl("f|filter", "filter", 'Only show volumes matching a condition (e.g. "dangling=true")'),
    fl("format", "string", tableFormatUsage),
    fl("q|quiet", "bool", "Print volume names only"),
  ],
  load: (() => import("../../commands/volume/ls.js")) as Load,
};

export const inspect: VerbDef = {
  name: "inspect",
  useTail: "[OPTIONS] VOLUME [VOLUME...]",
  short: "Show the full details of volumes",
  args: args.min(1),
  flags: [fl("f|format", "string", jsonFormatUsage)],
  load: (() => import("../../commands/volume/inspect.js")) as Load,
};

export const rm: VerbDef = {
  name: "rm",
  aliases: ["remove"],
  useTail: "[OPTIONS] VOLUME [VOLUME...]",
  short: "Delete volumes",
  long: "Delete volumes. A volume that a container uses cannot be deleted.",
  args: args.min(1),
  flags: [fl("f|force", "bool", "Say nothing when a volume does not exist")],
  load: (() => import("../../commands/volume/rm.js")) as Load,
};

export const prune: VerbDef = {
  name: "prune",
  useTail: "[OPTIONS]",
  short: "Delete local volumes no container uses",
  args: args.none,
  flags: [
    fl("a|all", "bool", "Delete every unused volume, named ones too"),
    fl("filter", "filter", 'Only prune what matches a condition (e.g. "label=<label>")'),
    fl("f|force", "bool", "Skip the confirmation question"),
  ],
  load: (() => import("../../commands/volume/prune.js")) as Load,
};

export function volumeCommand(): CommandSpec {
  const p = "docker volume";
  return {
    name: "volume",
    // docker/cli: cli/command/volume/cmd.go spells its use line "volume COMMAND" (image, network… don't).
    use: `${p} COMMAND`,
    short: "Work with volumes",
    args: args.none,
    flags: [],
    subcommands: [create, inspect, ls, prune, rm].map((v) => place(v, p)),
  };
}
