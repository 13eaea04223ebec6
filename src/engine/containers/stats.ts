// GET /containers/{id}/stats, already reduced the way docker/cli's stats_helpers.go reduces it
// (CPU %, memory without page cache, network and block I/O totals, pids). The figures come
// from the container's process table, its limits and its age; a small deterministic wobble
// keyed by the container and the second keeps them alive without randomness.
import type { HostState } from "../model.js";
import type { ContainerRecord } from "../model.js";
import { getContainer } from "./lookup.js";
import { HOST_MEM_TOTAL, HOST_NCPU, liveProcesses, memoryDemand } from "./resources.js";

export interface ContainerStats {
  id: string;
  /** With the leading "/". */
  name: string;
  cpuPercent: number;
  memUsage: number;
  memLimit: number;
  memPercent: number;
  netRx: number;
  netTx: number;
  blockRead: number;
  blockWrite: number;
  pids: number;
}

/** A number in [0, 1) from the container id and a key: the same inputs, the same figure. */
function wobble(id: string, key: number): number {
  let h = 2166136261;
  const s = `${id}:${key}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return (h % 10007) / 10007;
}

/** How many CPUs the container may use: --cpus, else quota/period, else its cpuset, else all. */
export function cpuCeiling(c: ContainerRecord): number {
  const h = c.hostConfig;
  if (h.NanoCpus > 0) return h.NanoCpus / 1e9;
  if ((h.CpuQuota ?? 0) > 0) return h.CpuQuota! / (h.CpuPeriod || 100000);
  if (h.CpusetCpus) {
    const n = h.CpusetCpus.split(",").reduce((sum, part) => {
      const [lo, hi] = part.split("-").map(Number);
      return sum + (hi === undefined ? 1 : hi! - lo! + 1);
    }, 0);
    if (n > 0) return Math.min(n, HOST_NCPU);
  }
  return HOST_NCPU;
}

function rwBytes(c: ContainerRecord): number {
  let n = 0;
  for (const e of Object.values(c.rwLayer)) {
    const entry = e as { content?: string; type?: string };
    if (typeof entry.content === "string") n += Math.ceil(entry.content.length / 4096) * 4096;
  }
  return n;
}

export function statsOf(c: ContainerRecord, now: number): ContainerStats {
  const base = { id: c.id, name: c.name };
  const live = liveProcesses(c, now);
  if (!c.state.running || c.state.restarting || live.length === 0) {
    return { ...base, cpuPercent: 0, memUsage: 0, memLimit: 0, memPercent: 0, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0, pids: 0 };
  }
  const second = Math.floor(now / 1000);
  const up = Math.max(0, now - c.state.startedAt);
  const h = c.hostConfig;
  const limit = h.Memory > 0 ? h.Memory : HOST_MEM_TOTAL;
  // Beyond the limit the rest lives in swap: usage stays just under it.
  const demand = memoryDemand(live) * (1 + 0.012 * wobble(c.id, second));
  const memUsage = Math.round(Math.min(demand, limit * 0.998));
  // Busy processes (stress workers) say how much of a CPU they want; the others idle.
  const wanted = live.reduce((n, p) => n + (p.cpu ?? 0), 0);
  const busy = Math.min(wanted, cpuCeiling(c));
  const idle = (0.01 + 0.05 * wobble(c.id, second + 1)) * Math.min(live.length, 4) / 4;
  const cpuPercent = c.state.paused ? 0 : busy > 0 ? busy * 100 * (0.985 + 0.015 * wobble(c.id, second + 2)) : idle;
  const networked = !["none", "host"].includes(h.NetworkMode) && !h.NetworkMode.startsWith("container:");
  // A bridge endpoint hears router solicitations and ARP: a few hundred bytes, slowly growing.
  const netRx = networked ? 796 + 90 * Math.floor(up / 30_000) + Math.floor(wobble(c.id, 7) * 300) : 0;
  const netTx = networked && up > 60_000 ? 126 * Math.floor(up / 300_000) : 0;
  const blockRead = Math.floor(wobble(c.id, 11) * 12) * 4096;
  return {
    ...base,
    cpuPercent,
    memUsage,
    memLimit: limit,
    memPercent: (memUsage / limit) * 100,
    netRx,
    netTx,
    blockRead,
    blockWrite: rwBytes(c),
    pids: live.length,
  };
}

/** The containers `docker stats` shows: the named ones (in order), else running (or all). */
export function containerStats(state: HostState, now: number, opts: { containers?: string[]; all?: boolean }): ContainerStats[] {
  if (opts.containers && opts.containers.length > 0) return opts.containers.map((ref) => statsOf(getContainer(state, ref), now));
  // As the container list orders them: newest first, same-instant ones in creation order.
  const order = new Map(Object.keys(state.containers).map((id, index) => [id, index]));
  return Object.values(state.containers)
    .filter((c) => opts.all || c.state.running)
    .sort((a, b) => b.created - a.created || order.get(b.id)! - order.get(a.id)!)
    .map((c) => statsOf(c, now));
}
