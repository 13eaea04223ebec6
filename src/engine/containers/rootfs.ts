// A container's filesystem: its image's layers (from the host's layer records or the
// catalogue) under its own writable layer.
import { heavy } from "../heavy.js";
import type { ContainerFs, FileTree } from "../fs/types.js";
import type { ContainerRecord, HostState } from "../model.js";
import { networkFiles } from "../network/etc-files.js";
import { MountedFs } from "../fs/mounts.js";
import { mountViews } from "../volumes/attach.js";

const EMPTY: FileTree = {};

export function layerFiles(state: HostState, diffId: string): FileTree {
  return state.layers[diffId]?.files ?? heavy().catalogue.getLayer(diffId)?.files ?? EMPTY;
}

export function containerFs(state: HostState, c: ContainerRecord, now: number): ContainerFs {
  const image = state.images[c.image];
  const lowers = (image?.layers ?? []).map((id) => layerFiles(state, id));
  lowers.push(initLayer(state, c));
  const root = heavy().overlay.createOverlayFs(lowers, c.rwLayer, { readOnly: c.hostConfig.ReadonlyRootfs, now: () => now });
  const mounts = mountViews(state, c, root, now);
  return mounts.length === 0 ? root : new MountedFs(root, mounts);
}

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
