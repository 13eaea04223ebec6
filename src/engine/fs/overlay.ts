// A container's filesystem: read-only image layers below, one writable layer on top.
// Writes mutate the `upper` tree passed in, so the engine can persist it as the container layer.
import { FsError, type ContainerFs, type FileEntry, type FileTree, type FsEntry } from "./types.js";
import { LayerIndex, buildIndex } from "./layer-index.js";
import { dirnameOf, isUnder } from "./path.js";

export interface OverlayOptions {
  readOnly?: boolean;
  /** Stamps mtimes of written entries; without it written entries carry no mtime. */
  now?: () => number;
}

/** Linux's limit on symlinks followed while resolving one path (MAXSYMLINKS). */
const MAX_SYMLINKS = 40;

/** Operations beyond the ContainerFs contract that chmod/touch use when available. */
export interface ExtendedFs extends ContainerFs {
  chmod(path: string, mode: number): void;
  utime(path: string, mtime: number): void;
}

export class OverlayFs implements ExtendedFs {
  private readonly lower: LayerIndex;
  private readonly merged: LayerIndex;
  private readonly readOnly: boolean;
  private readonly now?: () => number;

  constructor(lowers: FileTree[], private readonly upper: FileTree, options: OverlayOptions = {}) {
    this.lower = buildIndex(lowers);
    this.merged = this.lower.clone();
    this.merged.applyLayer(upper);
    this.readOnly = options.readOnly ?? false;
    this.now = options.now;
  }

  stat(path: string): FsEntry | undefined {
    try {
      return this.merged.get(this.walk(path, true));
    } catch {
      return undefined;
    }
  }

  lstat(path: string): FsEntry | undefined {
    try {
      return this.merged.get(this.walk(path, false));
    } catch {
      return undefined;
    }
  }

  readFile(path: string): string {
    const p = this.walk(path, true);
    const e = this.merged.get(p);
    if (!e) throw this.missing(p, path);
    if (e.type === "dir") throw new FsError("EISDIR", path);
    return e.type === "file" ? e.content : "";
  }

  writeFile(path: string, content: string, options: { append?: boolean; mode?: number; size?: number } = {}): void {
    this.guard(path);
    const p = this.walk(path, true);
    const old = this.merged.get(p);
    if (old?.type === "dir") throw new FsError("EISDIR", path);
    this.checkParent(p, path);
    const prev = old?.type === "file" ? old : undefined;
    const next = options.append ? (prev?.content ?? "") + content : content;
    const entry: FileEntry = { type: "file", mode: options.mode ?? prev?.mode ?? 0o644, content: next };
    // Appending or rewriting the same bytes keeps a placeholder binary runnable (chmod, touch).
    if (prev?.program && next === prev.content) entry.program = prev.program;
    if (prev?.size !== undefined && next === prev.content) entry.size = prev.size;
    if (options.size !== undefined) entry.size = options.size;
    if (prev?.uid !== undefined) entry.uid = prev.uid;
    if (prev?.gid !== undefined) entry.gid = prev.gid;
    this.stamp(entry, prev?.mtime);
    this.put(p, entry);
  }

  mkdir(path: string, options: { parents?: boolean; mode?: number } = {}): void {
    this.guard(path);
    const mode = options.mode ?? 0o755;
    if (options.parents) {
      const target = this.walk(path, true);
      let cur = "";
      for (const part of target.split("/").filter(Boolean)) {
        cur = this.walk(`${cur}/${part}`, true);
        const e = this.merged.get(cur);
        if (e?.type === "dir") continue;
        if (e) throw new FsError(cur === target ? "EEXIST" : "ENOTDIR", path);
        this.put(cur, this.stamp({ type: "dir", mode }));
      }
      return;
    }
    const p = this.walk(path, false);
    if (this.merged.get(p)) throw new FsError("EEXIST", path);
    this.checkParent(p, path);
    this.put(p, this.stamp({ type: "dir", mode }));
  }

  readdir(path: string): string[] {
    const p = this.walk(path, true);
    const e = this.merged.get(p);
    if (!e) throw this.missing(p, path);
    if (e.type !== "dir") throw new FsError("ENOTDIR", path);
    return this.merged.childNames(p);
  }

  remove(path: string, options: { recursive?: boolean } = {}): void {
    this.guard(path);
    const p = this.walk(path, false);
    const e = this.merged.get(p);
    if (!e) throw this.missing(p, path);
    if (p === "/") throw new FsError("EINVAL", path);
    if (e.type === "dir" && !options.recursive && this.merged.childNames(p).length > 0) {
      throw new FsError("ENOTEMPTY", path);
    }
    this.drop(p);
  }

  symlink(target: string, path: string): void {
    this.guard(path);
    const p = this.walk(path, false);
    if (this.merged.get(p)) throw new FsError("EEXIST", path);
    this.checkParent(p, path);
    this.put(p, this.stamp({ type: "symlink", target }));
  }

  rename(from: string, to: string): void {
    this.guard(from);
    const f = this.walk(from, false);
    const t = this.walk(to, false);
    const fe = this.merged.get(f);
    if (!fe) throw this.missing(f, from);
    if (f === t) return;
    if (isUnder(t, f) || f === "/") throw new FsError("EINVAL", to);
    const te = this.merged.get(t);
    if (te?.type === "dir") {
      if (fe.type !== "dir") throw new FsError("EISDIR", to);
      if (this.merged.childNames(t).length > 0) throw new FsError("ENOTEMPTY", to);
    } else if (te && fe.type === "dir") {
      throw new FsError("ENOTDIR", to);
    }
    this.checkParent(t, to);
    const moved: Array<[string, FsEntry]> = [["", fe]];
    for (const d of this.merged.descendants(f)) moved.push([d.slice(f.length), this.merged.get(d)!]);
    if (te) this.drop(t);
    this.drop(f);
    for (const [rel, e] of moved) this.put(t + rel, { ...e });
  }

  resolve(path: string, cwd = "/"): string {
    return this.walk(path, true, cwd);
  }

  chmod(path: string, mode: number): void {
    this.guard(path);
    const p = this.walk(path, true);
    const e = this.merged.get(p);
    if (!e) throw this.missing(p, path);
    if (e.type === "symlink") return;
    this.put(p, { ...e, mode });
  }

  utime(path: string, mtime: number): void {
    this.guard(path);
    const p = this.walk(path, true);
    const e = this.merged.get(p);
    if (!e) throw this.missing(p, path);
    this.put(p, { ...e, mtime });
  }

  /** Canonical path of `path`: `.`/`..` applied after each symlink is expanded, as the kernel does. */
  private walk(path: string, followLast: boolean, cwd = "/"): string {
    const full = path.startsWith("/") ? path : `${cwd}/${path}`;
    const todo = full.split("/").filter((c) => c !== "" && c !== ".").reverse();
    const cur: string[] = [];
    let hops = 0;
    while (todo.length > 0) {
      const comp = todo.pop()!;
      if (comp === "..") {
        cur.pop();
        continue;
      }
      const candidate = `/${[...cur, comp].join("/")}`;
      const e = this.merged.get(candidate);
      const last = todo.length === 0;
      if (e?.type === "symlink" && (!last || followLast)) {
        if (++hops > MAX_SYMLINKS) throw new FsError("ELOOP", path);
        if (e.target.startsWith("/")) cur.length = 0;
        todo.push(...e.target.split("/").filter((c) => c !== "" && c !== ".").reverse());
        continue;
      }
      cur.push(comp);
    }
    return `/${cur.join("/")}`;
  }

  private checkParent(p: string, original: string): void {
    const parent = this.merged.get(dirnameOf(p));
    if (!parent) throw new FsError("ENOENT", original);
    if (parent.type !== "dir") throw new FsError("ENOTDIR", original);
  }

  /** ENOTDIR when a component on the way is a file, else ENOENT. */
  private missing(p: string, original: string): FsError {
    let dir = dirnameOf(p);
    while (dir !== "/" && !this.merged.has(dir)) dir = dirnameOf(dir);
    const e = this.merged.get(dir);
    return new FsError(e && e.type !== "dir" ? "ENOTDIR" : "ENOENT", original);
  }

  private guard(path: string): void {
    if (this.readOnly) throw new FsError("EROFS", path);
  }

  private stamp<T extends FsEntry>(entry: T, fallback?: number): T {
    const t = this.now?.() ?? fallback;
    if (t !== undefined) entry.mtime = t;
    return entry;
  }

  private put(p: string, entry: FsEntry): void {
    const prior = this.upper[p];
    if (entry.type === "dir" && prior?.type === "whiteout" && this.lower.get(p)?.type === "dir") {
      (entry as { opaque?: boolean }).opaque = true;
    }
    this.upper[p] = entry;
    this.merged.set(p, entry);
  }

  private drop(p: string): void {
    this.merged.delete(p);
    for (const key of Object.keys(this.upper)) {
      if (key === p || isUnder(key, p)) delete this.upper[key];
    }
    if (this.lower.has(p)) this.upper[p] = { type: "whiteout" };
  }
}

export function createOverlayFs(lowers: FileTree[], upper: FileTree, options?: OverlayOptions): OverlayFs {
  return new OverlayFs(lowers, upper, options);
}

export type ChangeKind = "A" | "C" | "D";
export interface Change {
  kind: ChangeKind;
  path: string;
}

/** What `docker diff` lists: the container layer against the image, parents of changes as C. */
export function diffLayer(lowers: FileTree[], upper: FileTree): Change[] {
  const lower = buildIndex(lowers);
  const changes = new Map<string, ChangeKind>();
  const mark = (p: string, kind: ChangeKind): void => {
    if (!changes.has(p)) changes.set(p, kind);
  };
  for (const [p, e] of Object.entries(upper)) {
    if (e.type === "whiteout") {
      if (lower.has(p)) changes.set(p, "D");
    } else {
      changes.set(p, lower.has(p) ? "C" : "A");
      if (e.type === "dir" && e.opaque) {
        for (const name of lower.childNames(p)) {
          const child = `${p}/${name}`;
          if (!(child in upper)) changes.set(child, "D");
        }
      }
    }
    for (let d = dirnameOf(p); d !== "/"; d = dirnameOf(d)) mark(d, lower.has(d) ? "C" : "A");
  }
  return [...changes].map(([path, kind]) => ({ kind, path })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The union of layers as one tree of visible entries (for export, cp and commit). */
export function flattenLayers(layers: FileTree[]): Map<string, FsEntry> {
  return new Map(buildIndex(layers).entries);
}

