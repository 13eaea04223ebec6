// Resource limits as the daemon checks and stores them (moby: daemon/daemon_unix.go
// verifyPlatformContainerResources and adaptContainerSettings; container/container_unix.go
// UpdateContainer; daemon/update.go), and the memory the simulated processes use.
import { EngineError, invalidParameter } from "../errors.js";
import type { ContainerRecord, HostConfig } from "../model.js";
import type { ProcessInfo } from "../runtime/types.js";

/** The simulated host (the same figures `docker info` reports). */
export const HOST_NCPU = 4;
export const HOST_MEM_TOTAL = 8232873984;
/** Swap the host has (free(1) in a container shows it). */
export const HOST_SWAP_TOTAL = 2147479552;

const MIN_MEMORY = 6 * 1024 * 1024;

/** The resource fields a create or an update request carries (0 / "" / undefined: not given). */
export interface ResourceRequest {
  memory?: number;
  memoryReservation?: number;
  memorySwap?: number;
  nanoCpus?: number;
  cpuShares?: number;
  cpuPeriod?: number;
  cpuQuota?: number;
  cpusetCpus?: string;
  cpusetMems?: string;
  blkioWeight?: number;
  /** null: unlimited was asked for (0 or negative). */
  pidsLimit?: number | null;
  oomKillDisable?: boolean;
}

/** sysinfo.ParseUintList as IsCpusetCpusAvailable uses it: "0-2,3" -> {0,1,2,3}. */
function parseCpuList(value: string): number[] | undefined {
  const out: number[] = [];
  for (const part of value.split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return undefined;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) return undefined;
    for (let i = lo; i <= hi; i++) out.push(i);
  }
  return out;
}

/**
 * verifyPlatformContainerResources on a cgroup v2 host. Returns the daemon's warnings; throws
 * its errors (an InvalidParameter, 400).
 */
export function verifyResources(r: ResourceRequest, update: boolean): string[] {
  const warnings: string[] = [];
  const memory = r.memory ?? 0;
  const swap = r.memorySwap ?? 0;
  const reservation = r.memoryReservation ?? 0;
  if (memory !== 0 && memory < MIN_MEMORY) throw invalidParameter("Minimum memory limit allowed is 6MB");
  if (memory > 0 && swap > 0 && swap < memory) throw invalidParameter("Minimum memoryswap limit should be larger than memory limit, see usage");
  if (memory === 0 && swap > 0 && !update) throw invalidParameter("You should always set the Memory limit when using Memoryswap limit, see usage");
  if (reservation > 0 && reservation < MIN_MEMORY) throw invalidParameter("Minimum memory reservation allowed is 6MB");
  if (memory > 0 && reservation > 0 && memory < reservation) {
    throw invalidParameter("Minimum memory limit can not be less than memory reservation limit, see usage");
  }
  // cgroup v2 has no oom_kill_disable: the daemon drops the setting.
  if (r.oomKillDisable) warnings.push("Your kernel does not support OomKillDisable. OomKillDisable discarded.");
  const nano = r.nanoCpus ?? 0;
  const period = r.cpuPeriod ?? 0;
  const quota = r.cpuQuota ?? 0;
  if (nano > 0 && period > 0) throw invalidParameter("Conflicting options: Nano CPUs and CPU Period cannot both be set");
  if (nano > 0 && quota > 0) throw invalidParameter("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
  if (nano < 0 || nano > HOST_NCPU * 1e9) {
    throw invalidParameter(`Range of CPUs is from 0.01 to ${HOST_NCPU}.00, as there are only ${HOST_NCPU} CPUs available`);
  }
  if (period !== 0 && (period < 1000 || period > 1000000)) {
    throw invalidParameter("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
  }
  if (quota > 0 && quota < 1000) throw invalidParameter("CPU cfs quota can not be less than 1ms (i.e. 1000)");
  const cpus = r.cpusetCpus ?? "";
  if (cpus !== "") {
    const list = parseCpuList(cpus);
    if (!list) throw invalidParameter(`Invalid value ${cpus} for cpuset cpus: invalid format: ${cpus}`);
    if (list.some((n) => n >= HOST_NCPU)) throw invalidParameter(`Requested CPUs are not available - requested ${cpus}, available: 0-${HOST_NCPU - 1}`);
  }
  const mems = r.cpusetMems ?? "";
  if (mems !== "") {
    const list = parseCpuList(mems);
    if (!list) throw invalidParameter(`Invalid value ${mems} for cpuset mems: invalid format: ${mems}`);
    if (list.some((n) => n > 0)) throw invalidParameter(`Requested memory nodes are not available - requested ${mems}, available: 0`);
  }
  const blkio = r.blkioWeight ?? 0;
  if (blkio > 0 && (blkio < 10 || blkio > 1000)) throw invalidParameter("Range of blkio weight is from 10 to 1000");
  return warnings;
}

/**
 * adaptContainerSettings: swap defaults to twice the memory. (CPU shares are clamped only for
 * API clients older than 1.19, which mockdocker's client is not.)
 */
export function adaptResources(h: HostConfig): void {
  if (h.Memory > 0 && h.MemorySwap === 0) h.MemorySwap = h.Memory * 2;
}

/** The resource fields of a new container's HostConfig. */
export function resourceFields(r: ResourceRequest): Pick<HostConfig, "CpuPeriod" | "CpuQuota" | "CpusetMems" | "BlkioWeight"> {
  return {
    ...(r.cpuPeriod ? { CpuPeriod: r.cpuPeriod } : {}),
    ...(r.cpuQuota ? { CpuQuota: r.cpuQuota } : {}),
    ...(r.cpusetMems ? { CpusetMems: r.cpusetMems } : {}),
    ...(r.blkioWeight ? { BlkioWeight: r.blkioWeight } : {}),
  };
}

const conflictingUpdate = (message: string) => new EngineError(message, 409);

/** container_unix.go UpdateContainer: merges what the update names into the HostConfig. */
export function mergeResources(h: HostConfig, r: ResourceRequest): void {
  const nano = r.nanoCpus ?? 0;
  const period = r.cpuPeriod ?? 0;
  const quota = r.cpuQuota ?? 0;
  if (nano > 0 && (h.CpuPeriod ?? 0) > 0) throw conflictingUpdate("Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set");
  if (nano > 0 && (h.CpuQuota ?? 0) > 0) throw conflictingUpdate("Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set");
  if (period > 0 && h.NanoCpus > 0) throw conflictingUpdate("Conflicting options: CPU Period cannot be updated as NanoCPUs has already been set");
  if (quota > 0 && h.NanoCpus > 0) throw conflictingUpdate("Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set");
  if (r.blkioWeight) h.BlkioWeight = r.blkioWeight;
  if (r.cpuShares) h.CpuShares = r.cpuShares;
  if (nano) h.NanoCpus = nano;
  if (period) h.CpuPeriod = period;
  if (quota) h.CpuQuota = quota;
  if (r.cpusetCpus) h.CpusetCpus = r.cpusetCpus;
  if (r.cpusetMems) h.CpusetMems = r.cpusetMems;
  const memory = r.memory ?? 0;
  const swap = r.memorySwap ?? 0;
  if (memory !== 0) {
    if (memory > h.MemorySwap && swap === 0) {
      throw conflictingUpdate("Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time");
    }
    h.Memory = memory;
  }
  if (swap !== 0) h.MemorySwap = swap;
  if (r.memoryReservation) h.MemoryReservation = r.memoryReservation;
  if (r.pidsLimit !== undefined) h.PidsLimit = r.pidsLimit;
}

/** What the cgroup lets the container hold before the OOM killer acts: memory plus swap. */
export function memoryCeiling(h: HostConfig): number | undefined {
  if (h.Memory <= 0) return undefined;
  if (h.MemorySwap === -1) return h.Memory + HOST_SWAP_TOTAL;
  return Math.max(h.Memory, h.MemorySwap);
}

const KiB = 1024;
const MiB = 1024 * 1024;

/** Resident memory of a process by the command it runs, about what a fresh one holds. */
const RSS_BY_COMMAND: Array<[RegExp, number]> = [
  [/^nginx: master/, 2.4 * MiB],
  [/^nginx: worker/, 0.9 * MiB],
  [/^nginx: cache/, 0.7 * MiB],
  [/^(\S*\/)?redis-server/, 3.6 * MiB],
  [/^(\S*\/)?mysqld( |$)/, 372 * MiB],
  [/^(\S*\/)?mysqld_safe/, 1.1 * MiB],
  [/^postgres: /, 2.6 * MiB],
  [/^(\S*\/)?postgres( |$)/, 19.5 * MiB],
  [/^(\S*\/)?(httpd|apache2)( |$)/, 2.9 * MiB],
  [/^(\S*\/)?registry/, 9.8 * MiB],
  [/^(\S*\/)?node( |$)/, 41 * MiB],
  [/^(\S*\/)?npm/, 52 * MiB],
  [/^(\S*\/)?python[23.]*( |$).*supervisord/, 15.2 * MiB],
  [/^(\S*\/)?(python[23.]*|supervisord)( |$)/, 11.4 * MiB],
  [/^(\S*\/)?php/, 18 * MiB],
  [/^(\S*\/)?(docker-init|tini)( |$)/, 96 * KiB],
  [/^(\S*\/)?sleep( |$)/, 440 * KiB],
  [/^(\S*\/)?(sh|ash|bash|dash)( |$)/, 620 * KiB],
  [/^(\S*\/)?stress( |$)/, 420 * KiB],
  [/^(\S*\/)?(top|ps|cat|tail|watch)( |$)/, 380 * KiB],
];

export function processRss(p: ProcessInfo): number {
  if (p.rss !== undefined) return p.rss;
  for (const [re, bytes] of RSS_BY_COMMAND) if (re.test(p.command)) return Math.round(bytes);
  return Math.round(1.2 * MiB);
}

/** Processes alive at `now`: PID 1's table plus exec'd processes that have not ended. */
export function liveProcesses(c: ContainerRecord, now: number): ProcessInfo[] {
  if (!c.state.running || c.state.restarting) return [];
  // What starts later (supervisord after run.sh's setup) is not there yet; a moment's grace
  // stands for the time a real `run -d` and the next command take.
  const startedBy = now - c.state.startedAt + 500;
  return (c.process?.processes ?? []).filter((p) => (p.ppid === 0 || p.startedAt <= startedBy) && (p.endsAt === undefined || p.endsAt > now));
}

/** Memory charged to the container's cgroup (what stats reports as usage, before jitter). */
export function memoryDemand(processes: ProcessInfo[]): number {
  return processes.reduce((n, p) => n + processRss(p), 0);
}

/** When the processes' memory exceeds the ceiling: the OOM instant (ms after start), else undefined. */
export function oomInstant(processes: ProcessInfo[], ceiling: number | undefined): number | undefined {
  if (ceiling === undefined) return undefined;
  const byStart = [...processes].sort((a, b) => a.startedAt - b.startedAt);
  let total = 0;
  for (const p of byStart) {
    total += processRss(p);
    // A program grows to its size over its first moments; the kernel acts when it crosses the line.
    if (total > ceiling) return p.startedAt + 150;
  }
  return undefined;
}
