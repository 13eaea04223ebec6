// Host-wide verbs: the prune family, system df, events (docker/cli cli/command/{container,image,
// builder,system}/prune.go, system/df.go, system/events.go). Actions live in src/commands.
import type { CommandModule, CommandSpec } from "../spec.js";
import { args, fl, jsonFormatUsage, place, tableFormatUsage, type VerbDef } from "./define.js";

type Load = () => Promise<CommandModule>;

const force = fl("f|force", "bool", "Skip the confirmation question");

export const containerPrune: VerbDef = {
  name: "prune",
  useTail: "[OPTIONS]",
  short: "Delete every stopped container",
  args: args.none,
  flags: [fl("filter", "filter", 'Only prune what matches a condition (e.g. "until=<timestamp>")'), force],
  load: (() => import("../../commands/container/prune.js")) as Load,
};

export const imagePrune: VerbDef = {
  name: "prune",
  useTail: "[OPTIONS]",
  short: "Delete images nothing uses",
  args: args.none,
  flags: [
    fl("a|all", "bool", "Delete every unused image, not only dangling ones"),
    fl("filter", "filter", 'Only prune what matches a condition (e.g. "until=<timestamp>")'),
    force,
  ],
  load: (() => import("../../commands/image/prune.js")) as Load,
};

export const builderPrune: VerbDef = {
  name: "prune",
  useTail: "",
  short: "Delete the build cache",
  args: args.none,
  flags: [
    fl("a|all", "bool", "Delete all unused build cache, not only dangling entries"),
    fl("filter", "filter", 'Only prune what matches a condition (e.g. "until=24h")'),
    force,
    fl("keep-storage", "bytes", "Disk space the cache may keep"),
  ],
  load: (() => import("../../commands/builder/prune.js")) as Load,
};

export const systemPrune: VerbDef = {
  name: "prune",
  useTail: "[OPTIONS]",
  short: "Delete unused data",
  args: args.none,
  flags: [
    fl("a|all", "bool", "Delete every unused image, not only dangling ones"),
    fl("filter", "filter", 'Only prune what matches a condition (e.g. "label=<key>=<value>")'),
    force,
    fl("volumes", "bool", "Delete anonymous volumes too"),
  ],
  load: (() => import("../../commands/system/prune.js")) as Load,
};

export const df: VerbDef = {
  name: "df",
  useTail: "[OPTIONS]",
  short: "Show how much disk Docker uses",
  args: args.none,
  flags: [fl("format", "string", tableFormatUsage), fl("v|verbose", "bool", "Break the usage down per object")],
  load: (() => import("../../commands/system/df.js")) as Load,
};

export const events: VerbDef = {
  name: "events",
  useTail: "[OPTIONS]",
  short: "Stream the server's events as they happen",
  args: args.none,
  flags: [
    fl("f|filter", "filter", "Only show events matching a condition"),
    fl("format", "string", jsonFormatUsage),
    fl("since", "string", "Also show past events from this timestamp on"),
    fl("until", "string", "Stop streaming at this timestamp"),
  ],
  aliasesLine: "docker system events, docker events",
  load: (() => import("../../commands/system/events.js")) as Load,
};

/** `docker builder`: only the cache prune exists without BuildKit's client. */
export function builderCommand(): CommandSpec {
  const p = "docker builder";
  return {
    name: "builder",
    use: p,
    short: "Work with builds",
    args: args.none,
    flags: [],
    subcommands: [place(builderPrune, p)],
  };
}
