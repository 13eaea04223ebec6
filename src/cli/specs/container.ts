// Container verbs (docker/cli cli/command/container/*.go): usage lines, argument rules and
// flags as docker declares them; each action lives in src/commands/container/<verb>.ts.
// The @ts-ignore lines let the specs compile before every command module exists.
import * as fs from "./filesystem.js";
import * as host from "./host.js";
import type { CommandModule, CommandSpec } from "../spec.js";
import { createFlags, runFlags } from "./container-flags.js";
import { args, fl, jsonFormatUsage, place, tableFormatUsage, type VerbDef } from "./define.js";
import { ls } from "./container-ls.js";
import { validateEnv } from "./validators.js";
import { stats, update } from "./resources.js";

type Load = () => Promise<CommandModule>;

const signalFlag = fl("s|signal", "string", "Signal to send to the container");
const timeoutFlag = fl("t|timeout", "int", "Seconds to wait before the container is killed");
// docker/cli stop.go, restart.go: the old spelling still works, with pflag's notice.
const timeFlag = fl("time", "int", "Seconds to wait before the container is killed", { hidden: true, deprecated: "use --timeout instead" });

export const run: VerbDef = {
  name: "run",
  useTail: "[OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create a container from an image and start it",
  args: args.min(1),
  flags: runFlags,
  interspersed: false,
  aliasesLine: "docker container run, docker run",
  // @ts-ignore
  load: (() => import("../../commands/container/run.js")) as Load,
};

export const create: VerbDef = {
  name: "create",
  useTail: "[OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create a container without starting it",
  args: args.min(1),
  flags: createFlags,
  interspersed: false,
  aliasesLine: "docker container create, docker create",
  // @ts-ignore
  load: (() => import("../../commands/container/create.js")) as Load,
};

export const start: VerbDef = {
  name: "start",
  useTail: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Start stopped containers",
  args: args.min(1),
  flags: [
    fl("a|attach", "bool", "Attach to the output and forward signals"),
    fl("checkpoint", "string", "Checkpoint to restore from"),
    fl("checkpoint-dir", "string", "Directory holding the checkpoints"),
    fl("detach-keys", "string", "Key sequence that detaches from the container"),
    fl("i|interactive", "bool", "Attach the container's STDIN"),
  ],
  aliasesLine: "docker container start, docker start",
  // @ts-ignore
  load: (() => import("../../commands/container/start.js")) as Load,
};

export const stop: VerbDef = {
  name: "stop",
  useTail: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Stop running containers",
  args: args.min(1),
  flags: [signalFlag, timeoutFlag, timeFlag],
  aliasesLine: "docker container stop, docker stop",
  // @ts-ignore
  load: (() => import("../../commands/container/stop.js")) as Load,
};

export const restart: VerbDef = {
  name: "restart",
  useTail: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Stop and start containers again",
  args: args.min(1),
  flags: [signalFlag, timeoutFlag, timeFlag],
  aliasesLine: "docker container restart, docker restart",
  // @ts-ignore
  load: (() => import("../../commands/container/restart.js")) as Load,
};

export const kill: VerbDef = {
  name: "kill",
  useTail: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Send a signal (KILL by default) to running containers",
  args: args.min(1),
  flags: [signalFlag],
  aliasesLine: "docker container kill, docker kill",
  // @ts-ignore
  load: (() => import("../../commands/container/kill.js")) as Load,
};

export const pause: VerbDef = {
  name: "pause",
  useTail: "CONTAINER [CONTAINER...]",
  short: "Freeze every process in containers",
  args: args.min(1),
  flags: [],
  aliasesLine: "docker container pause, docker pause",
  // @ts-ignore
  load: (() => import("../../commands/container/pause.js")) as Load,
};

export const unpause: VerbDef = {
  name: "unpause",
  useTail: "CONTAINER [CONTAINER...]",
  short: "Resume the processes of paused containers",
  args: args.min(1),
  flags: [],
  aliasesLine: "docker container unpause, docker unpause",
  // @ts-ignore
  load: (() => import("../../commands/container/unpause.js")) as Load,
};

export const rm: VerbDef = {
  name: "rm",
  aliases: ["remove"],
  useTail: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Delete containers",
  args: args.min(1),
  flags: [
    fl("f|force", "bool", "Remove the container even when it runs (kills it with SIGKILL)"),
    fl("l|link", "bool", "Remove the named link instead"),
    fl("v|volumes", "bool", "Also remove the container's anonymous volumes"),
  ],
  aliasesLine: "docker container rm, docker container remove, docker rm",
  // @ts-ignore
  load: (() => import("../../commands/container/rm.js")) as Load,
};

export const rename: VerbDef = {
  name: "rename",
  useTail: "CONTAINER NEW_NAME",
  short: "Give a container a new name",
  args: args.exact(2),
  flags: [],
  aliasesLine: "docker container rename, docker rename",
  // @ts-ignore
  load: (() => import("../../commands/container/rename.js")) as Load,
};

export const attach: VerbDef = {
  name: "attach",
  useTail: "[OPTIONS] CONTAINER",
  short: "Connect this terminal's input and output to a running container",
  args: args.exact(1),
  flags: [
    fl("detach-keys", "string", "Key sequence that detaches from the container"),
    fl("no-stdin", "bool", "Leave STDIN unattached"),
    fl("sig-proxy", "bool", "Forward signals the client receives to the process", { default: true }),
  ],
  aliasesLine: "docker container attach, docker attach",
  // @ts-ignore
  load: (() => import("../../commands/container/attach.js")) as Load,
};

export const wait: VerbDef = {
  name: "wait",
  useTail: "CONTAINER [CONTAINER...]",
  short: "Wait for containers to stop and print their exit codes",
  args: args.min(1),
  flags: [],
  aliasesLine: "docker container wait, docker wait",
  // @ts-ignore
  load: (() => import("../../commands/container/wait.js")) as Load,
};

const logTime = (edge: string) =>
  `Only logs ${edge} a timestamp (e.g. "2013-01-02T13:23:37Z") or a relative time (e.g. "42m" for 42 minutes)`;

export const logs: VerbDef = {
  name: "logs",
  useTail: "[OPTIONS] CONTAINER",
  short: "Show a container's output",
  args: args.exact(1),
  flags: [
    fl("details", "bool", "Include the extra attributes given to the log driver"),
    fl("f|follow", "bool", "Keep streaming new output"),
    fl("since", "string", logTime("after")),
    fl("n|tail", "string", "How many lines to show, counted from the end", { default: "all" }),
    fl("t|timestamps", "bool", "Prefix each line with its timestamp"),
    fl("until", "string", logTime("before")),
  ],
  aliasesLine: "docker container logs, docker logs",
  // @ts-ignore
  load: (() => import("../../commands/container/logs.js")) as Load,
};

export const inspect: VerbDef = {
  name: "inspect",
  useTail: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Show the full details of containers",
  args: args.min(1),
  flags: [fl("f|format", "string", jsonFormatUsage), fl("s|size", "bool", "Include file sizes")],
  // @ts-ignore
  load: (() => import("../../commands/container/inspect.js")) as Load,
};

export const exec: VerbDef = {
  name: "exec",
  useTail: "[OPTIONS] CONTAINER COMMAND [ARG...]",
  short: "Run a command inside a running container",
  args: args.min(2),
  interspersed: false,
  flags: [
    fl("d|detach", "bool", "Run the command in the background"),
    fl("detach-keys", "string", "Key sequence that detaches from the container"),
    fl("e|env", "list", "Set an environment variable", { validate: validateEnv }),
    fl("env-file", "list", "Read environment variables from a file"),
    fl("i|interactive", "bool", "Keep STDIN open, attached or not"),
    fl("privileged", "bool", "Grant the command extended privileges"),
    fl("t|tty", "bool", "Give the command a pseudo-TTY"),
    fl("u|user", "string", 'User name or UID (format: "<name|uid>[:<group|gid>]")'),
    fl("w|workdir", "string", "Working directory for the command"),
  ],
  aliasesLine: "docker container exec, docker exec",
  // @ts-ignore
  load: (() => import("../../commands/container/exec.js")) as Load,
};

export const top: VerbDef = {
  name: "top",
  useTail: "CONTAINER [ps OPTIONS]",
  short: "List the processes running in a container",
  args: args.min(1),
  interspersed: false,
  flags: [],
  aliasesLine: "docker container top, docker top",
  // @ts-ignore
  load: (() => import("../../commands/container/top.js")) as Load,
};

export const port: VerbDef = {
  name: "port",
  useTail: "CONTAINER [PRIVATE_PORT[/PROTO]]",
  short: "Show a container's published ports",
  args: args.range(1, 2),
  flags: [],
  aliasesLine: "docker container port, docker port",
  // @ts-ignore
  load: (() => import("../../commands/container/port.js")) as Load,
};

export function containerCommand(): CommandSpec {
  const p = "docker container";
  return {
    name: "container",
    use: p,
    short: "Work with containers",
    args: args.none,
    flags: [],
    subcommands: [attach, fs.commit, fs.cp, create, fs.diff, exec, fs.exportVerb, inspect, kill, logs, ls, pause, port, host.containerPrune, rename, restart, rm, run, start, stats, stop, top, unpause, update, wait].map(
      (v) => place(v, p),
    ),
  };
}

export { ls };
