// mockdocker's own verbs, outside docker's namespace: `mockdocker lab ...` and
// `mockdocker completion`. Hidden from docker's root help so `docker --help` stays docker's.
// Actions live in src/commands/lab/<verb>.ts.
import type { CommandModule, CommandSpec } from "../spec.js";
import { args, fl, place, type VerbDef } from "./define.js";

type Load = () => Promise<CommandModule>;

export const reset: VerbDef = {
  name: "reset",
  useTail: "[OPTIONS]",
  short: "Empty the simulated host (snapshots are kept)",
  long: [
    "Empty the simulated host: every container, image, network, volume and event goes, and the",
    "next command starts from a fresh host. Saved snapshots are kept.",
    "",
    "It also recovers a damaged state file: the unreadable file is kept beside it as",
    "state.json.corrupt-<time> so nothing is lost.",
  ].join("\n"),
  args: args.none,
  flags: [fl("f|force", "bool", "Do not ask for confirmation")],
  load: (() => import("../../commands/lab/reset.js")) as Load,
};

export const snapshot: VerbDef = {
  name: "snapshot",
  useTail: "NAME | rm NAME",
  short: "Save the host under a name (or remove a saved one)",
  long: [
    "Save the whole simulated host (containers, images, networks, volumes, logs, clock) under",
    "NAME, replacing an older snapshot of that name. 'lab restore NAME' brings it back.",
    "",
    "  mockdocker lab snapshot NAME      save the host as NAME",
    "  mockdocker lab snapshot rm NAME   delete the snapshot NAME",
  ].join("\n"),
  args: args.range(1, 2),
  flags: [],
  load: (() => import("../../commands/lab/snapshot.js")) as Load,
};

export const restore: VerbDef = {
  name: "restore",
  useTail: "NAME",
  short: "Put the host back as a snapshot saved it",
  args: args.exact(1),
  flags: [],
  load: (() => import("../../commands/lab/restore.js")) as Load,
};

export const snapshots: VerbDef = {
  name: "snapshots",
  useTail: "",
  short: "List saved snapshots",
  args: args.none,
  flags: [fl("q|quiet", "bool", "Print names only")],
  load: (() => import("../../commands/lab/snapshots.js")) as Load,
};

export const clock: VerbDef = {
  name: "clock",
  useTail: "[advance DURATION | set TIME | real]",
  short: "Show or move the simulated clock",
  long: [
    "Show the simulated host's time, or move it. Moving time forward lets what waits on it",
    "happen: containers age, sleeping processes finish, restart back-offs run out.",
    "",
    "  mockdocker lab clock                    print the simulated time",
    "  mockdocker lab clock advance DURATION   move time forward (e.g. 90s, 5m, 2h, 1d, 1h30m)",
    "  mockdocker lab clock set TIME           jump forward to an instant (ISO 8601 or Unix seconds)",
    "  mockdocker lab clock real               follow the real clock again",
    "",
    "A frozen clock (MOCKDOCKER_CLOCK) stays frozen at the new instant; a running one keeps running.",
    "Time never goes backwards: containers would finish before they started.",
  ].join("\n"),
  args: args.max(2),
  flags: [fl("freeze", "bool", "With 'set': stop the clock at that instant")],
  load: (() => import("../../commands/lab/clock.js")) as Load,
};

export const replay: VerbDef = {
  name: "replay",
  useTail: "[OPTIONS] FILE",
  short: "Run a transcript on a fresh host and compare the output",
  long: [
    "Run the commands of a transcript on a fresh in-memory host in deterministic mode and compare",
    "what they print with what the file expects. FILE is a transcript ('$ docker ...' lines,",
    "'! ' stderr lines, '? N' exit codes) or a Markdown file whose fenced shell blocks hold",
    "'$ docker ...' or '$ mockdocker ...' lines followed by their output.",
    "",
    "Exits 1 when any command's output differs; --update writes the actual output into FILE instead.",
  ].join("\n"),
  args: args.exact(1),
  flags: [
    fl("update", "bool", "Rewrite the expected output in FILE with what the commands print"),
    fl("seed", "string", "Seed for ids and names", { default: "transcript" }),
    fl("clock", "string", "Instant the clock starts at, frozen", { default: "2025-06-01T10:00:00Z" }),
  ],
  load: (() => import("../../commands/lab/replay.js")) as Load,
};

export const check: VerbDef = {
  name: "check",
  useTail: "[OPTIONS] FILE",
  short: "Check an exercise answer against an exercise file",
  long: [
    "Check an answer to an exercise. FILE is an exercise in YAML (see the README for its schema):",
    "its setup commands run on a fresh in-memory host, then the answer, then every check looks at",
    "the resulting host. With --current the checks look at your own host instead.",
    "",
    "Exits 0 only when every check passes.",
  ].join("\n"),
  args: args.exact(1),
  flags: [
    fl("answer", "string", "Script of docker commands to check (one per line)"),
    fl("current", "bool", "Check the current host instead of running an answer script"),
    fl("reporter", "string", 'Report format: "text", "json" or "junit"', { default: "text" }),
    fl("o|output", "string", "Write the json or junit report to this file instead of stdout"),
  ],
  load: (() => import("../../commands/lab/check.js")) as Load,
};

export const curl: VerbDef = {
  name: "curl",
  useTail: "[OPTIONS] URL",
  short: "Fetch a URL from the host's side (reach a published port)",
  long: [
    "Send an HTTP GET from the simulated host, as curl on the host would: http://localhost:8080/",
    "reaches the container that publishes port 8080. Nothing real listens on published ports,",
    "so this is the way to look at them. Prints the body; errors and exit codes are curl's.",
  ].join("\n"),
  args: args.exact(1),
  flags: [
    fl("i|include", "bool", "Print the status line and headers before the body"),
    fl("s|silent", "bool", "Print no error messages"),
  ],
  load: (() => import("../../commands/lab/curl.js")) as Load,
};

/** Verbs under `mockdocker lab`; other lab verbs (curl, ...) are added to this list. */
export const labVerbs: VerbDef[] = [reset, snapshot, restore, snapshots, clock, replay, check, curl];

export function labCommand(): CommandSpec {
  const p = "mockdocker lab";
  return {
    name: "lab",
    use: p,
    short: "mockdocker's own tools: reset, snapshots, clock, replay, check",
    args: args.none,
    flags: [],
    hidden: true,
    subcommands: labVerbs.map((v) => place(v, p)),
  };
}

export const completion: VerbDef = {
  name: "completion",
  useTail: "bash|zsh|fish",
  short: "Print a shell completion script for mockdocker",
  long: [
    "Print a completion script for bash, zsh or fish. Load it in the current shell with",
    "",
    "  source <(mockdocker completion bash)        # bash",
    "  source <(mockdocker completion zsh)         # zsh",
    "  mockdocker completion fish | source         # fish",
    "",
    "It completes commands and flags, and container, image, network and volume names from the",
    "simulated host.",
  ].join("\n"),
  args: args.exact(1),
  flags: [],
  load: (() => import("../../commands/lab/completion.js")) as Load,
};

export function completionCommand(): CommandSpec {
  return { ...place(completion, "mockdocker"), hidden: true };
}
