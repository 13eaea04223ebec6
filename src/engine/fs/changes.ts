// A container's filesystem seen from outside: its changes (GET /containers/{id}/changes),
// the whole tree (export), one path's archive and stat (docker cp out), and extraction into
// it (docker cp in). moby: daemon/changes.go, daemon/export.go, daemon/archive*.go.
import { heavy } from "../heavy.js";
import { EngineError, invalidParameter, notFound } from "../errors.js";
import { containerFs, layerFiles } from "../containers/rootfs.js";
import type { ContainerRecord, HostState } from "../model.js";
import { basenameOf, dirnameOf, isUnder, normalizePath } from "./path.js";
import { FsError, type FileTree, type FsEntry, type LayerEntry } from "./types.js";
import { underMount } from "../volumes/attach.js";

/** api/types/container FilesystemChange: Kind 0 modified, 1 added, 2 deleted. */
export interface FilesystemChange {
  Path: string;
  Kind: 0 | 1 | 2;
}

/** Files Docker bind-mounts into every container: writes to them never reach the layer. */
const BIND_MOUNTED = ["/etc/hosts", "/etc/hostname", "/etc/resolv.conf"];
/** Mount points of the kernel filesystems, which the changes walk skips. */
const KERNEL_DIRS = ["/dev", "/proc", "/sys"];

function excluded(c: ContainerRecord, path: string): boolean {
  if (BIND_MOUNTED.includes(path)) return true;
  if (KERNEL_DIRS.some((d) => path === d || isUnder(path, d))) return true;
  return underMount(c, path);
}

export function imageLowers(state: HostState, c: ContainerRecord): FileTree[] {
  return (state.images[c.image]?.layers ?? []).map((id) => layerFiles(state, id));
}

/** The writable layer without what mounts and bind-mounted files hide from it. */
export function visibleRwLayer(c: ContainerRecord): FileTree {
  const out: FileTree = {};
  for (const [p, e] of Object.entries(c.rwLayer)) if (!excluded(c, p)) out[p] = e;
  return out;
}

const KINDS = { C: 0, A: 1, D: 2 } as const;

/** docker diff: the writable layer against the image, parents of changes as modified, by path. */
export function containerChanges(state: HostState, c: ContainerRecord): FilesystemChange[] {
  return heavy()
    .overlay.diffLayer(imageLowers(state, c), visibleRwLayer(c))
    .map((ch) => ({ Path: ch.path, Kind: KINDS[ch.kind] }));
}

/** What the init layer leaves in the rootfs: empty mount points (moby: daemon/initlayer). */
const INIT_LAYER: FileTree = {
  "/.dockerenv": { type: "file", mode: 0o755, content: "" },
  "/dev": { type: "dir", mode: 0o755 },
  "/dev/console": { type: "file", mode: 0o755, content: "" },
  "/dev/pts": { type: "dir", mode: 0o755 },
  "/dev/shm": { type: "dir", mode: 0o755 },
  "/etc": { type: "dir", mode: 0o755 },
  "/etc/hostname": { type: "file", mode: 0o755, content: "" },
  "/etc/hosts": { type: "file", mode: 0o755, content: "" },
  "/etc/mtab": { type: "symlink", target: "/proc/mounts" },
  "/etc/resolv.conf": { type: "file", mode: 0o755, content: "" },
  "/proc": { type: "dir", mode: 0o755 },
  "/sys": { type: "dir", mode: 0o755 },
};

/** docker export: the merged rootfs (image, init layer, writable layer), without mounts. */
export function exportTree(state: HostState, c: ContainerRecord): FileTree {
  const merged = heavy().overlay.flattenLayers([...imageLowers(state, c), INIT_LAYER, visibleRwLayer(c)]);
  const tree: FileTree = {};
  for (const [p, e] of merged) if (p !== "/") tree[p] = e;
  return tree;
}

/** api/types/container PathStat, with the mode as a kind plus permission bits. */
export interface PathStat {
  name: string;
  size: number;
  type: "file" | "dir" | "symlink";
  mode: number;
  mtime: number;
  linkTarget: string;
}

/** An archive of one path: the entry itself and, for a directory, what lies below it. */
export interface PathArchive {
  stat: PathStat;
  /** First component of every archive member ("." for a directory's contents). */
  name: string;
  root: FsEntry;
  /** Entries below a directory, keyed relative to it ("/conf.d/default.conf"). */
  below: FileTree;
}

const fileNotFound = (path: string, container: string) => notFound(`Could not find the file ${path} in container ${container}`);

function sizeOf(e: FsEntry): number {
  if (e.type === "file") return e.size ?? new TextEncoder().encode(e.content).length;
  return e.type === "symlink" ? e.target.length : 4096;
}

/** moby container.ResolvePath: a final symlink is followed only when the path ends in "/" or "/.". */
function locate(state: HostState, c: ContainerRecord, now: number, ref: string, path: string) {
  const fs = containerFs(state, c, now);
  const abs = normalizePath(path);
  const followLast = path.endsWith("/") || path.endsWith("/.") || abs === "/";
  let resolved: string;
  try {
    const parent = fs.resolve(dirnameOf(abs));
    resolved = followLast ? fs.resolve(abs) : parent === "/" ? `/${basenameOf(abs)}` : `${parent}/${basenameOf(abs)}`;
  } catch {
    throw fileNotFound(path, ref);
  }
  const entry = followLast ? fs.stat(resolved) : fs.lstat(resolved);
  if (!entry) throw fileNotFound(path, ref);
  if (path.endsWith("/") && entry.type !== "dir") throw invalidParameter(`not a directory`);
  return { fs, abs, resolved, entry };
}

export function statPath(state: HostState, c: ContainerRecord, now: number, ref: string, path: string): PathStat {
  const { abs, entry } = locate(state, c, now, ref, path);
  return {
    name: abs === "/" ? "/" : basenameOf(abs),
    size: sizeOf(entry),
    type: entry.type,
    mode: entry.type === "symlink" ? 0o777 : entry.mode,
    mtime: entry.mtime ?? c.created,
    linkTarget: entry.type === "symlink" ? entry.target : "",
  };
}

/** GET /containers/{id}/archive: the path's stat and entries, named after the requested base. */
export function archivePath(state: HostState, c: ContainerRecord, now: number, ref: string, path: string): PathArchive {
  const located = locate(state, c, now, ref, path);
  const stat = statPath(state, c, now, ref, path);
  const { fs, resolved, entry } = located;
  const contents = path.endsWith("/.") || normalizePath(path) === "/";
  const below: FileTree = {};
  if (entry.type === "dir") {
    const walk = (dir: string, rel: string): void => {
      for (const name of fs.readdir(dir)) {
        const p = dir === "/" ? `/${name}` : `${dir}/${name}`;
        const e = fs.lstat(p);
        if (!e) continue;
        below[`${rel}/${name}`] = e;
        if (e.type === "dir") walk(p, `${rel}/${name}`);
      }
    };
    walk(resolved, "");
  }
  return { stat, name: contents ? "." : basenameOf(normalizePath(path)), root: entry, below };
}

export interface ExtractOptions {
  /** -a: keep the archive's uid/gid; otherwise entries belong to root. */
  copyUIDGID: boolean;
}

/** PUT /containers/{id}/archive: writes entries (keyed relative to `dir`) into the container. */
export function extractToDir(state: HostState, c: ContainerRecord, now: number, ref: string, dir: string, entries: FileTree, opts: ExtractOptions): void {
  const abs = normalizePath(dir);
  const toMount = underMount(c, abs);
  if (c.hostConfig.ReadonlyRootfs && !toMount) throw new EngineError("container rootfs is marked read-only", 403);
  const fs = containerFs(state, c, now);
  const base = (() => {
    try {
      return fs.resolve(abs);
    } catch {
      throw fileNotFound(dir, ref);
    }
  })();
  const target = fs.stat(base);
  if (!target) throw fileNotFound(dir, ref);
  if (target.type !== "dir") throw invalidParameter("extraction point is not a directory");
  try {
    for (const rel of Object.keys(entries).sort()) {
      const e = entries[rel]!;
      const p = base === "/" ? rel : `${base}${rel}`;
      if (e.type === "whiteout") continue;
      writeEntry(fs, c, p, e, opts);
    }
  } catch (error) {
    if (error instanceof FsError && error.code === "EROFS") {
      throw new EngineError(toMount ? "mounted volume is marked read-only" : "container rootfs is marked read-only", 403);
    }
    if (error instanceof FsError) throw new EngineError(`${error.code === "ENOTDIR" ? "not a directory" : "no such file or directory"}: ${error.path}`, 500);
    throw error;
  }
}

function writeEntry(fs: ReturnType<typeof containerFs>, c: ContainerRecord, p: string, e: LayerEntry, opts: ExtractOptions): void {
  const old = fs.lstat(p);
  if (old?.type === "dir" && e.type !== "dir") throw invalidParameter(`cannot overwrite directory "${p}" with non-directory "${p}"`);
  if (old && old.type !== "dir" && e.type === "dir") throw invalidParameter(`cannot overwrite non-directory "${p}" with directory "${p}"`);
  if (!fs.stat(dirnameOf(p))) fs.mkdir(dirnameOf(p), { parents: true });
  if (e.type === "dir") {
    if (!old) fs.mkdir(p, { mode: e.mode });
  } else if (e.type === "symlink") {
    if (old) fs.remove(p);
    fs.symlink(e.target, p);
  } else if (e.type === "file") {
    if (old) fs.remove(p);
    fs.writeFile(p, e.content, { mode: e.mode });
  }
  // The writable layer keeps what the fs interface cannot say: program, size, mtime, owner.
  const written = c.rwLayer[p];
  if (written && written.type === e.type) {
    const copy = { ...e } as Record<string, unknown>;
    if (!opts.copyUIDGID) {
      delete copy.uid;
      delete copy.gid;
    }
    if (written.type === "dir" && written.opaque) copy.opaque = true;
    c.rwLayer[p] = copy as unknown as LayerEntry;
  }
}
