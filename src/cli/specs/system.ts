// System verbs (docker/cli cli/command/system/*.go); actions live in src/commands/system/<verb>.ts.
// The @ts-ignore lines let the specs compile before every command module exists.
import type { CommandModule, CommandSpec } from "../spec.js";
import { args, fl, jsonFormatUsage, place, type VerbDef } from "./define.js";
import * as host from "./host.js";

type Load = () => Promise<CommandModule>;

export const info: VerbDef = {
  name: "info",
  useTail: "[OPTIONS]",
  short: "Show facts about the Docker host",
  args: args.none,
  flags: [fl("f|format", "string", jsonFormatUsage)],
  aliasesLine: "docker system info, docker info",
  // @ts-ignore
  load: (() => import("../../commands/system/info.js")) as Load,
};

export const version: VerbDef = {
  name: "version",
  useTail: "[OPTIONS]",
  short: "Show client and server versions",
  args: args.none,
  flags: [fl("f|format", "string", jsonFormatUsage)],
  // @ts-ignore
  load: (() => import("../../commands/system/version.js")) as Load,
};

/** `docker inspect`: any kind of object by name or ID. */
export const inspect: VerbDef = {
  name: "inspect",
  useTail: "[OPTIONS] NAME|ID [NAME|ID...]",
  short: "Show the full details of Docker objects",
  args: args.min(1),
  flags: [
    fl("f|format", "string", jsonFormatUsage),
    fl("s|size", "bool", "Include file sizes when the object is a container"),
    fl("type", "string", "Only look at objects of this type"),
  ],
  // @ts-ignore
  load: (() => import("../../commands/system/inspect.js")) as Load,
};

export function systemCommand(): CommandSpec {
  const p = "docker system";
  return {
    name: "system",
    use: p,
    short: "Work with the Docker host",
    args: args.none,
    flags: [],
    subcommands: [host.df, host.events, info, host.systemPrune].map((v) => place(v, p)),
  };
}
