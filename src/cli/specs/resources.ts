// docker stats and docker update (docker/cli cli/command/container/stats.go, update.go):
// usage lines and flags as docker declares them; descriptions are ours.
import type { CommandModule } from "../spec.js";
import { args, fl, tableFormatUsage, type VerbDef } from "./define.js";
import { resourceFlags } from "./container-flags.js";

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
    resourceFlags.blkioWeight,
    resourceFlags.cpuPeriod,
    resourceFlags.cpuQuota,
    resourceFlags.cpuRtPeriod,
    resourceFlags.cpuRtRuntime,
    resourceFlags.cpuShares,
    resourceFlags.cpus,
    resourceFlags.cpusetCpus,
    resourceFlags.cpusetMems,
    fl("kernel-memory", "bytes", "Kernel memory cap (no longer supported)", { hidden: true }),
    resourceFlags.memory,
    resourceFlags.memoryReservation,
    resourceFlags.memorySwap,
    resourceFlags.pidsLimit,
    fl("restart", "string", "What to do when the container exits"),
  ],
  aliasesLine: "docker container update, docker update",
  load: (() => import("../../commands/container/update.js")) as Load,
};
