// The real host's files as bind mounts see them: a read-only port the engine is given (the
// CLI passes one backed by node:fs; sandboxes may pass none). The engine reads through it
// lazily and boundedly, and never writes: writes through a bind mount land in the simulated
// host's own layer for that source (HostState.bindLayers).
import type { FileTree, LayerEntry } from "../fs/types.js";
import type { HostState } from "../model.js";

export interface HostFileStat {
  type: "file" | "dir" | "symlink" | "other";
  size: number;
  /** Permission bits. */
  mode: number;
  /** ms since the epoch. */
  mtime: number;
  /** Numeric owner, shown as is inside the container (no user namespace). */
  uid?: number;
  gid?: number;
}

/** Read-only access to the real host's files; `stat` follows symlinks, `lstat` does not. */
export interface HostFsPort {
  stat(path: string): HostFileStat | undefined;
  lstat?(path: string): HostFileStat | undefined;
  readdir(path: string): string[];
  readFile(path: string, maxBytes: number): Uint8Array;
  readlink?(path: string): string;
}

/** Bounds of what one bind mount reads from the host. */
const MAX_ENTRIES = 4000;
const MAX_FILE_BYTES = 1 << 20;
const MAX_TOTAL_BYTES = 16 << 20;
const MAX_DEPTH = 24;

const ports = new WeakMap<HostState, HostFsPort>();
/** Per view or transaction: one operation sees one reading of the host. */
const snapshots = new WeakMap<HostState, Map<string, FileTree>>();

/** Ties a host state (a view's or a transaction's) to the engine's port. */
export function bindHostFs(state: HostState, port: HostFsPort | undefined): void {
  if (port) ports.set(state, port);
}

export function hostFsOf(state: HostState): HostFsPort | undefined {
  return ports.get(state);
}

/** Whether the real host has something at `path` (false without a port). */
export function hostPathExists(state: HostState, path: string): boolean {
  try {
    return hostFsOf(state)?.stat(path) !== undefined;
  } catch {
    return false;
  }
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function fileContent(bytes: Uint8Array): { content: string; binary?: boolean } {
  try {
    return { content: decoder.decode(bytes) };
  } catch {
    let s = "";
    for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return { content: s, binary: true };
  }
}

/**
 * The host tree at `source` as a layer rooted at "/" (a single file becomes "/f"), read once
 * per operation. Beyond the bounds, files keep their size but not their bytes.
 */
export function hostSnapshot(state: HostState, source: string): FileTree {
  const port = hostFsOf(state);
  if (!port) return {};
  let cache = snapshots.get(state);
  if (!cache) snapshots.set(state, (cache = new Map()));
  const hit = cache.get(source);
  if (hit) return hit;
  const tree: FileTree = {};
  let entries = 0;
  let bytes = 0;
  const owner = (st: HostFileStat) => ({ ...(st.uid !== undefined ? { uid: st.uid } : {}), ...(st.gid !== undefined ? { gid: st.gid } : {}) });
  const entryOf = (path: string, st: HostFileStat): LayerEntry | undefined => {
    if (st.type === "dir") return { type: "dir", mode: st.mode, mtime: st.mtime, ...owner(st) };
    if (st.type === "symlink") {
      const target = port.readlink?.(path);
      return target === undefined ? undefined : { type: "symlink", target, mtime: st.mtime };
    }
    if (st.type !== "file") return undefined;
    const readable = st.size <= MAX_FILE_BYTES && bytes + st.size <= MAX_TOTAL_BYTES;
    const data = readable ? fileContent(port.readFile(path, MAX_FILE_BYTES)) : { content: "" };
    bytes += readable ? st.size : 0;
    return { type: "file", mode: st.mode, ...data, mtime: st.mtime, ...owner(st), ...(readable ? {} : { size: st.size }) };
  };
  const walk = (hostDir: string, rel: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    let names: string[];
    try {
      names = port.readdir(hostDir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (++entries > MAX_ENTRIES) return;
      const hostPath = hostDir === "/" ? `/${name}` : `${hostDir}/${name}`;
      const p = `${rel}/${name}`;
      try {
        const st = port.lstat ? port.lstat(hostPath) : port.stat(hostPath);
        const e = st && entryOf(hostPath, st);
        if (!e) continue;
        tree[p] = e;
        if (e.type === "dir") walk(hostPath, p, depth + 1);
      } catch {
        // Unreadable entries are left out, as a permission error would hide them.
      }
    }
  };
  try {
    const st = port.stat(source);
    if (st?.type === "dir") {
      tree["/"] = { type: "dir", mode: st.mode, mtime: st.mtime, ...owner(st) };
      walk(source, "", 0);
    } else if (st) {
      const e = entryOf(source, st);
      if (e) tree["/f"] = e;
    }
  } catch {
    // An unreadable source mounts as an empty directory.
  }
  cache.set(source, tree);
  return tree;
}

/** Whether the source is a single file (mounted as "/f" of its tree). */
export function hostSourceIsFile(state: HostState, source: string): boolean {
  try {
    const t = hostFsOf(state)?.stat(source)?.type;
    return t === "file";
  } catch {
    return false;
  }
}
