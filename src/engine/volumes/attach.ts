// A container's mounts at work: the file trees behind them (volumes, the bind layers over the
// host's files, tmpfs), their mount/unmount events at start and stop (moby: daemon/
// volumes_unix.go setupMounts, container UnmountVolumes), and what removing a container does
// to its volumes (daemon/mounts.go removeMountPoints).
import { emitEvent } from "../events.js";
import type { MountView } from "../fs/mounts.js";
import type { ContainerFs, FileTree } from "../fs/types.js";
import { heavy } from "../heavy.js";
import type { Tx } from "../host.js";
import type { ContainerRecord, HostState } from "../model.js";
import { hostSnapshot } from "./host-files.js";
import { destroyVolume, volumeUsers } from "./store.js";
import { isUnder } from "../fs/path.js";

const TMPFS_ROOT: FileTree = { "/": { type: "dir", mode: 0o1777 } };

function tmpfsTree(c: ContainerRecord, dest: string): FileTree {
  const all = (c.tmpfsFiles ??= {});
  return (all[dest] ??= structuredClone(TMPFS_ROOT));
}

/** The mounts of a container's filesystem, each built on first use. */
export function mountViews(state: HostState, c: ContainerRecord, rootfs: ContainerFs, now: number): MountView[] {
  const overlay = () => heavy().overlay;
  const views: MountView[] = [];
  const view = (destination: string, build: (readOnly: boolean) => ContainerFs, readOnly: boolean, file = false) =>
    views.push({ destination, root: file ? "/f" : "/", fs: () => build(readOnly) });
  for (const m of c.mounts) {
    if (m.Type === "volume") {
      const files = state.volumes[m.Name ?? ""]?.files ?? {};
      view(m.Destination, (ro) => overlay().createOverlayFs([], files, { readOnly: ro, now: () => now }), !m.RW);
    } else if (m.Type === "bind") {
      const upper = ((state.bindLayers ??= {})[m.Source] ??= {});
      const file = rootfs.lstat(m.Destination)?.type === "file";
      view(m.Destination, (ro) => overlay().createOverlayFs([hostSnapshot(state, m.Source)], upper, { readOnly: ro, now: () => now }), !m.RW, file);
    } else if (m.Type === "tmpfs") {
      view(m.Destination, (ro) => overlay().createOverlayFs([], tmpfsTree(c, m.Destination), { readOnly: ro, now: () => now }), !m.RW);
    }
  }
  for (const [dest, opts] of Object.entries(c.hostConfig.Tmpfs ?? {})) {
    const ro = opts.split(",").includes("ro");
    view(dest, (r) => overlay().createOverlayFs([], tmpfsTree(c, dest), { readOnly: r, now: () => now }), ro);
  }
  return views;
}

/** Volume mount events as the container starts. */
export function mountVolumes(tx: Tx, c: ContainerRecord, at: number): void {
  for (const m of c.mounts) {
    if (m.Type !== "volume" || !m.Name) continue;
    emitEvent(tx.state, at, "volume", "mount", m.Name, {
      container: c.id,
      destination: m.Destination,
      driver: m.Driver ?? "local",
      propagation: m.Propagation,
      "read/write": String(m.RW),
    });
  }
}

/** As the main process ends: tmpfs contents are gone, volumes are unmounted. */
export function unmountVolumes(tx: Tx, c: ContainerRecord, at: number): void {
  delete c.tmpfsFiles;
  for (const m of c.mounts) {
    if (m.Type !== "volume" || !m.Name) continue;
    emitEvent(tx.state, at, "volume", "unmount", m.Name, { container: c.id, driver: m.Driver ?? "local" });
  }
}

/**
 * removeMountPoints with rm: a container's anonymous volumes go with it unless another
 * container still uses them; named volumes always stay.
 */
export function removeAnonymousVolumes(tx: Tx, c: ContainerRecord, at = tx.now): void {
  for (const m of c.mounts) {
    if (m.Type !== "volume" || !m.Name) continue;
    const v = tx.state.volumes[m.Name];
    if (!v || !v.anonymous) continue;
    if (volumeUsers(tx.state, v.name, c).length > 0) continue;
    destroyVolume(tx, v, at);
  }
}

/** Whether a container path lies in one of the container's mounts (or HostConfig.Tmpfs). */
export function underMount(c: ContainerRecord, path: string): boolean {
  const dests = [...c.mounts.map((m) => m.Destination), ...Object.keys(c.hostConfig.Tmpfs ?? {})];
  return dests.some((d) => path === d || isUnder(path, d));
}
