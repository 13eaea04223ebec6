// The simulated host's memory, as /proc/meminfo shows it inside every container and as
// `docker info` reports it (MemTotal there is /proc/meminfo's MemTotal in bytes).

/** kB figures of the host's /proc/meminfo; free and top read the same numbers. */
export const MEMINFO = {
  MemTotal: 8039916,
  MemFree: 5172280,
  MemAvailable: 6732660,
  Buffers: 103416,
  Cached: 1448772,
  Shmem: 4444,
  SReclaimable: 98416,
  SwapTotal: 2097148,
  SwapFree: 2097148,
} as const;

export const HOST_MEM_TOTAL_BYTES = MEMINFO.MemTotal * 1024;

/** The /proc/meminfo text (the lines the tools read, in the kernel's order and layout). */
export function meminfoText(): string {
  const m = MEMINFO;
  const used = m.MemTotal - m.MemFree;
  const rows: Array<[string, number]> = [
    ["MemTotal", m.MemTotal],
    ["MemFree", m.MemFree],
    ["MemAvailable", m.MemAvailable],
    ["Buffers", m.Buffers],
    ["Cached", m.Cached],
    ["SwapCached", 0],
    ["Active", Math.round(used * 0.45)],
    ["Inactive", Math.round(used * 0.5)],
    ["SwapTotal", m.SwapTotal],
    ["SwapFree", m.SwapFree],
    ["Dirty", 52],
    ["Writeback", 0],
    ["AnonPages", used - m.Buffers - m.Cached - m.SReclaimable],
    ["Mapped", 412088],
    ["Shmem", m.Shmem],
    ["Slab", m.SReclaimable + 61240],
    ["SReclaimable", m.SReclaimable],
    ["SUnreclaim", 61240],
    ["CommitLimit", Math.floor(m.MemTotal / 2) + m.SwapTotal],
    ["Committed_AS", 3120464],
  ];
  return rows.map(([k, v]) => `${`${k}:`.padEnd(16)}${String(v).padStart(8)} kB\n`).join("");
}
