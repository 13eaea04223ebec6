// docker stats and docker update (docker/cli cli/command/container/stats.go, update.go):
// usage lines and flags as docker declares them; descriptions are ours.
import type { CommandModule } from "../spec.js";
import { args, fl, tableFormatUsage, type VerbDef } from "./define.js";

type Load = () => Promise<CommandModule>;

export const stats: VerbDef = {
  name: "stats",
  useTail: "[OPTIONS] [CONTAINER...]",
  short: "Show a live stream of the containers' resource usage",
  args: args.any,
  flags: [
    fl("a|all", "bool", "Show every container (only running ones by default)"),
    fl("format", "string", tableFormatUsage),
    fl("no-stream", "bool", "Print the first sample and exit"),
    fl("no-trunc", "bool", "Do not shorten the output"),
  ],
  aliasesLine: "docker container stats, docker stats",
  load: (() => import("../../commands/container/stats.js")) as Load,
};

export const update: VerbDef = {
  name: "update",
  useTail: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Change the resource limits and restart policy of containers",
  args: args.min(1),
  flags: [
    fl("blkio-weight", "uint16", "Relative block IO weight, 10 to 1000 (0 turns it off)"),
    fl("cpu-period", "int", "CPU CFS scheduler period limit"),
    fl("cpu-quota", "int", "CPU CFS scheduler quota limit"),
    fl("cpu-rt-period", "int", "Real-time CPU period limit, in microseconds"),
    fl("cpu-rt-runtime", "int", "Real-time CPU runtime limit, in microseconds"),
    fl("c|cpu-shares", "int", "Relative CPU weight"),
    fl("cpus", "decimal", "How many CPUs the container may use"),
    fl("cpuset-cpus", "string", "CPUs the container may run on (0-3, 0,1)"),
    fl("cpuset-mems", "string", "Memory nodes the container may use (0-3, 0,1)"),
    fl("kernel-memory", "bytes", "Kernel memory cap (no longer supported)", { hidden: true }),
    fl("m|memory", "bytes", "Memory cap"),
    fl("memory-reservation", "bytes", "Soft memory cap"),
    fl("memory-swap", "swapbytes", "Memory plus swap cap; '-1' allows unlimited swap"),
    fl("pids-limit", "int", "Cap on the number of processes (-1 for no cap)"),
    fl("restart", "string", "What to do when the container exits"),
  ],
  aliasesLine: "docker container update, docker update",
  load: (() => import("../../commands/container/update.js")) as Load,
};
