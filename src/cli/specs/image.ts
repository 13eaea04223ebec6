// Image verbs (docker/cli cli/command/image/*.go); actions live in src/commands/image/<verb>.ts.
// The @ts-ignore lines let the specs compile before every command module exists.
import * as fs from "./filesystem.js";
import * as host from "./host.js";
import * as registry from "./registry.js";
import type { CommandModule, CommandSpec } from "../spec.js";
import { platformFlag } from "./container-flags.js";
import { args, fl, jsonFormatUsage, place, tableFormatUsage, type VerbDef } from "./define.js";
import { ls } from "./image-ls.js";

type Load = () => Promise<CommandModule>;

export const pull: VerbDef = {
  name: "pull",
  useTail: "[OPTIONS] NAME[:TAG|@DIGEST]",
  short: "Fetch an image from a registry",
  args: args.exact(1),
  flags: [
    fl("a|all-tags", "bool", "Fetch every tag of the repository"),
    fl("disable-content-trust", "bool", "Do not verify image signatures", { default: true }),
    platformFlag("Platform to fetch when the server supports several"),
    fl("q|quiet", "bool", "Print only the image name"),
  ],
  aliasesLine: "docker image pull, docker pull",
  // @ts-ignore
  load: (() => import("../../commands/image/pull.js")) as Load,
};

export const rm: VerbDef = {
  name: "rm",
  aliases: ["remove"],
  useTail: "[OPTIONS] IMAGE [IMAGE...]",
  short: "Delete images",
  args: args.min(1),
  flags: [
    fl("f|force", "bool", "Remove the image even when it is in use"),
    fl("no-prune", "bool", "Keep untagged parent images"),
    fl("platform", "strings", 'Only remove this platform variant, written "os[/arch[/variant]]" (e.g., "linux/amd64")'),
  ],
  aliasesLine: "docker image rm, docker image remove, docker rmi",
  // @ts-ignore
  load: (() => import("../../commands/image/rm.js")) as Load,
};

export const tag: VerbDef = {
  name: "tag",
  useTail: "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
  short: "Give an image another name (TARGET_IMAGE pointing at SOURCE_IMAGE)",
  args: args.exact(2),
  flags: [],
  aliasesLine: "docker image tag, docker tag",
  // @ts-ignore
  load: (() => import("../../commands/image/tag.js")) as Load,
};

export const inspect: VerbDef = {
  name: "inspect",
  useTail: "[OPTIONS] IMAGE [IMAGE...]",
  short: "Show the full details of images",
  args: args.min(1),
  flags: [
    fl("f|format", "string", jsonFormatUsage),
    fl(
      "platform",
      "string",
      [
        "Show one platform of a multi-platform image.",
        "Fails when the image or the server has no variant for it.",
        "'os[/arch[/variant]]': the platform (e.g. linux/amd64)",
      ].join("\n"),
    ),
  ],
  // @ts-ignore
  load: (() => import("../../commands/image/inspect.js")) as Load,
};

export const save: VerbDef = {
  name: "save",
  useTail: "[OPTIONS] IMAGE [IMAGE...]",
  short: "Write images to a tar archive (on STDOUT unless told otherwise)",
  args: args.min(1),
  flags: [
    fl("o|output", "string", "Write the archive to this file instead of STDOUT"),
    fl("platform", "string", 'Keep only this platform variant, written "os[/arch[/variant]]" (e.g., "linux/amd64")'),
  ],
  aliasesLine: "docker image save, docker save",
  // @ts-ignore
  load: (() => import("../../commands/image/save.js")) as Load,
};

export const load: VerbDef = {
  name: "load",
  useTail: "[OPTIONS]",
  short: "Bring in images from a tar archive or STDIN",
  args: args.none,
  flags: [
    fl("i|input", "string", "Read the archive from this file instead of STDIN"),
    fl("platform", "string", 'Keep only this platform variant, written "os[/arch[/variant]]" (e.g., "linux/amd64")'),
    fl("q|quiet", "bool", "Print no progress"),
  ],
  aliasesLine: "docker image load, docker load",
  // @ts-ignore
  load: (() => import("../../commands/image/load.js")) as Load,
};

export function imageCommand(): CommandSpec {
  const p = "docker image";
  return {
    name: "image",
    use: p,
    short: "Work with images",
    args: args.none,
    flags: [],
    subcommands: [fs.history, fs.importVerb, inspect, load, ls, host.imagePrune, pull, registry.push, rm, save, tag].map((v) => place(v, p)),
  };
}

export { ls };
