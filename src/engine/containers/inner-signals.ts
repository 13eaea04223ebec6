// Signals sent from inside a container (`docker exec C kill PID`) and the processes an exec
// leaves running. A process that dies takes its children along; one a supervisor watches is
// started again by it; PID 1 reacts only to signals it handles (the kernel shields a
// namespace's init from SIGKILL sent within it).
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import { heavy } from "../heavy.js";
import type { ContainerRecord } from "../model.js";
import type { ProcessInfo } from "../runtime/types.js";
import { containerAttributes, handleExit, settleContainer } from "./process.js";
import { liveProcesses, memoryCeiling, memoryDemand } from "./resources.js";
import { mainPid } from "./pid1.js";

export interface InnerSignal {
  pid: number;
  /** Without SIG: "TERM", "KILL", "HUP", ... */
  signal: string;
  /** ms since the epoch. */
  at: number;
}

const FATAL_BY_DEFAULT = new Set(["TERM", "KILL", "INT", "HUP", "QUIT", "USR1", "USR2", "ALRM", "PIPE"]);

function descendants(list: ProcessInfo[], pid: number): Set<number> {
  const dead = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of list) {
      if (!dead.has(p.pid) && dead.has(p.ppid)) {
        dead.add(p.pid);
        grew = true;
      }
    }
  }
  return dead;
}

export function deliverSignals(tx: Tx, c: ContainerRecord, signals: InnerSignal[]): void {
  for (const sig of signals) {
    const p = c.process;
    if (!p || !c.state.running || c.state.restarting) return;
    const target = p.processes.find((q) => q.pid === sig.pid);
    if (!target) continue;
    if (sig.pid === 1 || (sig.pid === mainPid(c) && c.hostConfig.Init !== true)) {
      if (sig.signal === "KILL") continue;
      if (["TERM", "INT", "QUIT", "HUP"].includes(sig.signal) && p.onTerm.kind === "exit") {
        c.state.manuallyStopped = false;
        // As lifecycle.ts shutdownLog: the lines were written as if the signal came at the start.
        const shift = sig.at - c.state.startedAt;
        const { shiftLogTimestamps } = heavy().services;
        const log = p.onTerm.log ?? [];
        p.pending.push(...log.map((chunk) => ({ ...chunk, at: sig.at + chunk.at, text: shiftLogTimestamps(chunk.text, shift) })));
        // It exits once its shutdown lines are written.
        const downAt = sig.at + Math.max(0, ...log.map((chunk) => chunk.at));
        if (p.exitAt === null || p.exitAt > downAt) {
          p.exitAt = downAt;
          p.exitCode = p.onTerm.code;
        }
        settleContainer(tx, c, tx.now);
        return;
      }
      continue;
    }
    if (!FATAL_BY_DEFAULT.has(sig.signal)) continue;
    // Under --init the command is tini's child: its death ends tini, and the container.
    if (sig.pid === mainPid(c)) {
      handleExit(tx, c, sig.at, 128 + (sig.signal === "KILL" ? 9 : 15));
      return;
    }
    const dead = descendants(p.processes, sig.pid);
    p.processes = p.processes.filter((q) => !dead.has(q.pid));
    if (target.program !== undefined && p.processes.some((q) => q.pid === target.ppid)) {
      const firstPid = Math.max(c.nextPid, ...p.processes.map((q) => q.pid + 1), ...[...dead].map((d) => d + 1)) + 2;
      const r = heavy().services.respawnSupervised({ program: target.program, signal: sig.signal, at: sig.at, firstPid });
      const since = sig.at - c.state.startedAt;
      p.processes.push(...r.processes.map((q) => ({ ...q, startedAt: q.startedAt + since })));
      p.pending.push(...r.output);
      c.nextPid = firstPid + r.pidsUsed;
    }
  }
}

/** An exec'd process still running after the exec returned (exec -d, or one that waits): keep it in the table. */
export function keepExecProcesses(c: ContainerRecord, processes: ProcessInfo[], startedAt: number, endsAt: number | null): void {
  const p = c.process;
  if (!p || !c.state.running) return;
  const known = new Set(p.processes.map((q) => q.pid));
  const added = processes.filter((q) => !known.has(q.pid));
  if (added.length === 0) return;
  const offset = startedAt - c.state.startedAt;
  p.processes.push(...added.map((q) => ({ ...q, startedAt: q.startedAt + offset, ...(endsAt !== null ? { endsAt } : {}) })));
  // runc's exec setup takes a few pids of its own before the next command.
  c.nextPid = Math.max(c.nextPid, ...added.map((q) => q.pid + 6));
}

/** The pid an exec'd command gets: the first after runc's own (7 in a fresh container). */
export function execPid(c: ContainerRecord): number {
  const pid = Math.max(c.nextPid, 7, ...(c.process?.processes ?? []).map((q) => q.pid + 1));
  c.nextPid = pid + 6;
  return pid;
}

/** What an exec'd program may still take before the cgroup is full; undefined: no limit. */
export function execHeadroom(c: ContainerRecord, now: number): number | undefined {
  const ceiling = memoryCeiling(c.hostConfig);
  return ceiling === undefined ? undefined : Math.max(0, ceiling - memoryDemand(liveProcesses(c, now)));
}

/** The OOM killer struck a process an exec started: the oom event now, OOMKilled at the exit. */
export function noteExecOom(tx: Tx, c: ContainerRecord, at: number): void {
  if (!c.process || !c.state.running) return;
  c.process.oomAt ??= at;
  emitEvent(tx.state, at, "container", "oom", c.id, containerAttributes(c));
}
