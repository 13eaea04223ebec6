// A container's filesystem: its image's layers (from the host's layer records or the
// catalogue) under its own writable layer.
import { heavy } from "../heavy.js";
import type { ContainerFs, FileTree } from "../fs/types.js";
import type { ContainerRecord, HostState } from "../model.js";
import { networkFiles } from "../network/etc-files.js";
import { MountedFs } from "../fs/mounts.js";
import { mountViews } from "../volumes/attach.js";
import { procMount } from "./procfs.js";

const EMPTY: FileTree = {};

export function layerFiles(state: HostState, diffId: string): FileTree {
  return state.layers[diffId]?.files ?? heavy().catalogue.getLayer(diffId)?.files ?? EMPTY;
}

export function containerFs(state: HostState, c: ContainerRecord, now: number): ContainerFs {
  const image = state.images[c.image];
  const lowers = (image?.layers ?? []).map((id) => layerFiles(state, id));
  lowers.push(initLayer(state, c));
  const { createOverlayFs } = heavy().overlay;
  const root = createOverlayFs(lowers, c.rwLayer, { readOnly: c.hostConfig.ReadonlyRootfs, now: () => now });
  const mounts = mountViews(state, c, root, now);
  // Docker bind-mounts these files read-write, --read-only or not: they can be written but not
  // removed or renamed (EBUSY). A mount of the user's own at the same place wins.
  const writable = () => (c.hostConfig.ReadonlyRootfs ? createOverlayFs(lowers, c.rwLayer, { readOnly: false, now: () => now }) : root);
  for (const destination of ETC_MOUNTS) {
    if (!mounts.some((m) => m.destination === destination)) mounts.push({ destination, root: destination, fs: writable });
  }
  if (!mounts.some((m) => m.destination === "/proc")) mounts.push(procMount(state, c, now));
  return new MountedFs(root, mounts);
}

const ETC_MOUNTS = ["/etc/hostname", "/etc/hosts", "/etc/resolv.conf"];

/** What Docker bind-mounts into every container: hostname, hosts, resolv.conf (network/etc-files.ts). */
function initLayer(state: HostState, c: ContainerRecord): FileTree {
  const files = networkFiles(state, c);
  return {
    "/etc/hostname": { type: "file", mode: 0o644, content: files["/etc/hostname"]! },
    "/etc/hosts": { type: "file", mode: 0o644, content: files["/etc/hosts"]! },
    "/etc/resolv.conf": { type: "file", mode: 0o644, content: files["/etc/resolv.conf"]! },
    "/proc": { type: "dir", mode: 0o555 },
    "/sys": { type: "dir", mode: 0o555 },
    "/dev": { type: "dir", mode: 0o755 },
  };
}
