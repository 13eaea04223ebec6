// docker container ls / docker ps (docker/cli cli/command/container/list.go), in a file of its
// own so the lean entry (cli/fast-main.ts) loads only this spec.
import type { CommandModule } from "../spec.js";
import { args, fl, tableFormatUsage, type VerbDef } from "./define.js";

export const ls: VerbDef = {
  name: "ls",
  aliases: ["list", "ps"],
  useTail: "[OPTIONS]",
  short: "Show containers",
  args: args.none,
  flags: [
    fl("a|all", "bool", "Include stopped containers (only running ones by default)"),
    fl("f|filter", "filter", "Only show containers matching a condition"),
    fl("format", "string", tableFormatUsage),
    fl("n|last", "int", "Show the n most recently created containers, in any state", { default: -1 }),
    fl("l|latest", "bool", "Show the most recently created container, in any state"),
    fl("no-trunc", "bool", "Print values in full"),
    fl("q|quiet", "bool", "Print container IDs only"),
    fl("s|size", "bool", "Include file sizes"),
  ],
  aliasesLine: "docker container ls, docker container list, docker container ps, docker ps",
  load: (() => import("../../commands/container/ps.js")) as () => Promise<CommandModule>,
};
