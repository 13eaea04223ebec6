// The container's /proc: the files its tools read about the kernel's view of it — the mount
// table (busybox mount and `cat /proc/mounts`) and the host's memory (free, top).
// Mount order and options follow what runc sets up for Docker's default OCI spec
// (moby: daemon/oci_linux.go, oci/defaults.go) with the volumes and etc files after them.
import { heavy } from "../heavy.js";
import type { MountView } from "../fs/mounts.js";
import type { FileTree } from "../fs/types.js";
import { meminfoText } from "../host-memory.js";
import type { ContainerRecord, HostState } from "../model.js";

/** The simulated host's disk, holding /var/lib/docker (volumes and binds live on it). */
const HOST_DISK = "/dev/vda1";

interface MountLine {
  source: string;
  target: string;
  type: string;
  options: string;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** overlay2's short link name of a layer directory (l/<26 chars>). */
function linkName(seed: string): string {
  let out = "";
  for (let i = 0; i < 26; i++) out += BASE32[parseInt(seed[(i * 2) % seed.length] ?? "0", 16) * 2 + (i % 2)]!;
  return out;
}

function rootOptions(state: HostState, c: ContainerRecord): string {
  const hex = c.image.slice(7) || c.id;
  const layers = state.images[c.image]?.layers ?? [];
  const lowers = [[...c.id].reverse().join(""), ...layers.map((id) => id.slice(7) || hex)].map((s) => `/var/lib/docker/overlay2/l/${linkName(s)}`);
  const dir = `/var/lib/docker/overlay2/${c.id}`;
  const mode = c.hostConfig.ReadonlyRootfs ? "ro" : "rw";
  return `${mode},relatime,lowerdir=${lowers.join(":")},upperdir=${dir}/diff,workdir=${dir}/work,nouserxattr`;
}

/**
 * Every tmpfs gets noexec,nosuid,nodev before the user's options (moby: daemon/oci_linux.go
 * withMounts); the kernel shows size back in k and mode only when not 1777.
 */
function tmpfsOptions(opts: string): string {
  const given = opts.split(",").filter(Boolean);
  const out = [given.includes("ro") ? "ro" : "rw", "nosuid", "nodev", given.includes("exec") ? "" : "noexec", "relatime"].filter(Boolean);
  for (const o of given) {
    const [k, v] = o.split("=");
    if (k === "size" && v) out.push(`size=${Math.floor(sizeBytes(v) / 1024)}k`);
    if (k === "mode" && v && v !== "1777") out.push(`mode=${v}`);
    if ((k === "uid" || k === "gid") && v) out.push(o);
  }
  out.push("inode64");
  return out.join(",");
}

function sizeBytes(v: string): number {
  const m = /^(\d+)([kmg]?)$/i.exec(v);
  if (!m) return 0;
  const mult = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as "" | "k" | "m" | "g"];
  return Number(m[1]) * mult;
}

function depth(path: string): number {
  return path.split("/").filter(Boolean).length;
}

/** The container's mount table, in /proc/mounts order. */
export function mountTable(state: HostState, c: ContainerRecord): MountLine[] {
  const sys = "nosuid,nodev,noexec,relatime";
  const lines: MountLine[] = [
    { source: "overlay", target: "/", type: "overlay", options: rootOptions(state, c) },
    { source: "proc", target: "/proc", type: "proc", options: `rw,${sys}` },
    { source: "tmpfs", target: "/dev", type: "tmpfs", options: "rw,nosuid,size=65536k,mode=755,inode64" },
    { source: "devpts", target: "/dev/pts", type: "devpts", options: "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666" },
    { source: "sysfs", target: "/sys", type: "sysfs", options: `ro,${sys}` },
    { source: "cgroup", target: "/sys/fs/cgroup", type: "cgroup2", options: `ro,${sys},nsdelegate,memory_recursiveprot` },
    { source: "mqueue", target: "/dev/mqueue", type: "mqueue", options: `rw,${sys}` },
    { source: "shm", target: "/dev/shm", type: "tmpfs", options: `rw,${sys},size=65536k,inode64` },
  ];
  // Docker sorts these by path depth (daemon/volumes.go sortMounts); the etc files come first.
  const extra: MountLine[] = ["/etc/resolv.conf", "/etc/hostname", "/etc/hosts"]
    .filter((d) => !c.mounts.some((m) => m.Destination === d))
    .map((target) => ({ source: HOST_DISK, target, type: "ext4", options: "rw,relatime" }));
  for (const m of c.mounts) {
    const mode = m.RW ? "rw" : "ro";
    if (m.Type === "tmpfs") extra.push({ source: "tmpfs", target: m.Destination, type: "tmpfs", options: tmpfsOptions(m.RW ? "" : "ro") });
    else extra.push({ source: HOST_DISK, target: m.Destination, type: "ext4", options: `${mode},relatime` });
  }
  for (const [dest, opts] of Object.entries(c.hostConfig.Tmpfs ?? {})) {
    extra.push({ source: "tmpfs", target: dest, type: "tmpfs", options: tmpfsOptions(opts) });
  }
  lines.push(...extra.map((l, i) => ({ l, i })).sort((a, b) => depth(a.l.target) - depth(b.l.target) || a.i - b.i).map((x) => x.l));
  if (c.config.Tty) lines.push({ source: "devpts", target: "/dev/console", type: "devpts", options: "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666" });
  // The paths Docker masks and makes read-only (inspect's MaskedPaths / ReadonlyPaths).
  for (const p of ["bus", "fs", "irq", "sys", "sysrq-trigger"]) lines.push({ source: "proc", target: `/proc/${p}`, type: "proc", options: `ro,${sys}` });
  lines.push({ source: "tmpfs", target: "/proc/acpi", type: "tmpfs", options: "ro,relatime,inode64" });
  for (const p of ["interrupts", "kcore", "keys", "latency_stats", "timer_list"]) {
    lines.push({ source: "tmpfs", target: `/proc/${p}`, type: "tmpfs", options: "rw,nosuid,size=65536k,mode=755,inode64" });
  }
  lines.push({ source: "tmpfs", target: "/proc/scsi", type: "tmpfs", options: "ro,relatime,inode64" });
  lines.push({ source: "tmpfs", target: "/sys/firmware", type: "tmpfs", options: "ro,relatime,inode64" });
  return lines;
}

export function procMountsText(state: HostState, c: ContainerRecord): string {
  return mountTable(state, c).map((l) => `${l.source} ${l.target} ${l.type} ${l.options} 0 0\n`).join("");
}

/** /proc as a read-only mount whose files are made from the container record when first read. */
export function procMount(state: HostState, c: ContainerRecord, now: number): MountView {
  const tree = (): FileTree => ({
    "/": { type: "dir", mode: 0o555 },
    "/mounts": { type: "file", mode: 0o444, content: procMountsText(state, c) },
    "/meminfo": { type: "file", mode: 0o444, content: meminfoText() },
  });
  return { destination: "/proc", root: "/", fs: () => heavy().overlay.createOverlayFs([tree()], {}, { readOnly: true, now: () => now }) };
}
