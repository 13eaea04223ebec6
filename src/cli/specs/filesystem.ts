// Verbs that move container filesystems in and out: diff, cp, commit, export (docker/cli
// cli/command/container) and import, history (cli/command/image).
import type { CommandModule } from "../spec.js";
import { platformFlag } from "./container-flags.js";
import { args, fl, tableFormatUsage, type VerbDef } from "./define.js";

type Load = () => Promise<CommandModule>;

export const diff: VerbDef = {
  name: "diff",
  useTail: "CONTAINER",
  short: "Show what changed in a container's filesystem",
  args: args.exact(1),
  flags: [],
  aliasesLine: "docker container diff, docker diff",
  load: (() => import("../../commands/container/diff.js")) as Load,
};

export const cp: VerbDef = {
  name: "cp",
  useTail: "[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
  short: "Copy files and folders between a container and the local filesystem",
  long: [
    "Copy files and folders between a container and the local filesystem",
    "",
    "With '-' as the source, a tar archive read from stdin is unpacked into",
    "a directory of the container. With '-' as the destination, the container",
    "source is written to stdout as a tar archive.",
  ].join("\n"),
  args: args.exact(2),
  flags: [
    fl("a|archive", "bool", "Archive mode (keep uid/gid of the copied files)"),
    fl("L|follow-link", "bool", "Follow a symbolic link given as SRC_PATH"),
    fl("q|quiet", "bool", "Print no progress while copying (also the default when no terminal is attached)"),
  ],
  aliasesLine: "docker container cp, docker cp",
  load: (() => import("../../commands/container/cp.js")) as Load,
};

export const commit: VerbDef = {
  name: "commit",
  useTail: "[OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
  short: "Make a new image from a container's changes",
  args: args.range(1, 2),
  interspersed: false,
  flags: [
    fl("a|author", "string", 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")'),
    fl("c|change", "list", "Apply a Dockerfile instruction to the new image"),
    fl("m|message", "string", "Commit message"),
    fl("p|pause", "bool", "Pause the container while committing", { default: true }),
  ],
  aliasesLine: "docker container commit, docker commit",
  load: (() => import("../../commands/container/commit.js")) as Load,
};

export const exportVerb: VerbDef = {
  name: "export",
  useTail: "[OPTIONS] CONTAINER",
  short: "Write a container's filesystem as a tar archive",
  args: args.exact(1),
  flags: [fl("o|output", "string", "Write to this file instead of STDOUT")],
  aliasesLine: "docker container export, docker export",
  load: (() => import("../../commands/container/export.js")) as Load,
};

export const importVerb: VerbDef = {
  name: "import",
  useTail: "[OPTIONS] file|URL|- [REPOSITORY[:TAG]]",
  short: "Make a filesystem image from the contents of a tarball",
  args: args.min(1),
  flags: [
    fl("c|change", "list", "Apply a Dockerfile instruction to the new image"),
    fl("m|message", "string", "Commit message for the imported image"),
    platformFlag("Platform to record when the server supports several"),
  ],
  aliasesLine: "docker image import, docker import",
  load: (() => import("../../commands/image/import.js")) as Load,
};

export const history: VerbDef = {
  name: "history",
  useTail: "[OPTIONS] IMAGE",
  short: "Show how an image was built, layer by layer",
  args: args.exact(1),
  flags: [
    fl("format", "string", tableFormatUsage),
    fl("H|human", "bool", "Show sizes and dates in human-readable form", { default: true }),
    fl("no-trunc", "bool", "Print values in full"),
    fl("platform", "string", 'Show the history of this platform, written "os[/arch[/variant]]" (e.g., "linux/amd64")'),
    fl("q|quiet", "bool", "Print image IDs only"),
  ],
  aliasesLine: "docker image history, docker history",
  load: (() => import("../../commands/image/history.js")) as Load,
};
