// What runs as PID 1: the container's command, or docker-init (tini) with the command as its
// child under --init (moby: daemon/oci_linux.go WithInit: "/sbin/docker-init", "--", args...).
// Also where the kernel's OOM killer strikes a freshly started process table.
import type { ContainerRecord, ProcessRecord } from "../model.js";
import type { ProcessInfo, ProcessResult, SignalReaction } from "../runtime/types.js";
import { memoryCeiling, oomInstant } from "./resources.js";

export const INIT_PATH = "/sbin/docker-init";
/** runc's setup takes the first pids; a program started by tini usually gets this one. */
const CHILD_OF_INIT_PID = 7;

export function mainPid(c: ContainerRecord): number {
  return c.hostConfig.Init === true ? CHILD_OF_INIT_PID : 1;
}

/**
 * How a command that has not installed a handler meets SIGTERM: as PID 1 the kernel drops it;
 * as tini's child it dies, and tini exits with 128 + 15.
 */
export function defaultOnTerm(c: ContainerRecord): SignalReaction {
  return c.hostConfig.Init === true ? { kind: "exit", code: 143 } : { kind: "ignore" };
}

/** The processes already there when the command starts: tini under --init. */
export function initProcesses(c: ContainerRecord, argv: string[]): ProcessInfo[] {
  if (c.hostConfig.Init !== true) return [];
  return [{ pid: 1, ppid: 0, user: "root", command: [INIT_PATH, "--", ...argv].join(" "), startedAt: 0, rss: 96 * 1024 }];
}

/** Under --init the command is tini's child, not a second PID 0 child. */
export function adoptByInit(c: ContainerRecord, processes: ProcessInfo[]): ProcessInfo[] {
  if (c.hostConfig.Init !== true) return processes;
  const main = mainPid(c);
  return processes.map((p) => (p.pid === main && p.ppid === 0 ? { ...p, ppid: 1 } : p));
}

/**
 * Applies the memory limit to what a process did when it started at `at`: the program's own
 * OOM report (a worker it lost) or its processes' size crossing the limit (PID 1 killed, 137).
 */
export function applyOom(c: ContainerRecord, p: ProcessRecord, result: ProcessResult, at: number): void {
  let oomAt = result.oomAt === undefined ? undefined : at + result.oomAt;
  const crossed = oomInstant(result.processes ?? [], memoryCeiling(c.hostConfig));
  if (crossed !== undefined && (oomAt === undefined || at + crossed < oomAt)) {
    oomAt = at + crossed;
    if (p.exitAt === null || p.exitAt > oomAt) {
      p.exitAt = oomAt;
      p.exitCode = 137;
      p.pending = p.pending.filter((chunk) => chunk.at <= oomAt!);
    }
  }
  if (oomAt !== undefined) p.oomAt = oomAt;
}
