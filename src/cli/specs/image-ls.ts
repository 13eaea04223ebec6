// docker image ls / docker images (docker/cli cli/command/image/list.go), in a file of its own
// so the lean entry (cli/fast-main.ts) loads only this spec.
import type { CommandModule } from "../spec.js";
import { args, fl, tableFormatUsage, type VerbDef } from "./define.js";

export const ls: VerbDef = {
  name: "ls",
  aliases: ["list"],
  useTail: "[OPTIONS] [REPOSITORY[:TAG]]",
  short: "Show images",
  args: args.max(1),
  flags: [
    fl("a|all", "bool", "Include intermediate images (hidden by default)"),
    fl("digests", "bool", "Include digests"),
    fl("f|filter", "filter", "Only show images matching a condition"),
    fl("format", "string", tableFormatUsage),
    fl("no-trunc", "bool", "Print values in full"),
    fl("q|quiet", "bool", "Print image IDs only"),
    fl("tree", "bool", "Show multi-platform images as a tree (EXPERIMENTAL)"),
  ],
  aliasesLine: "docker image ls, docker image list, docker images",
  load: (() => import("../../commands/image/ls.js")) as () => Promise<CommandModule>,
};
