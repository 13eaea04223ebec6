// A container's filesystem with its mounts: each path goes to the mount whose destination is
// the longest prefix of it, else to the root filesystem (image layers + writable layer), as
// the kernel's mount table decides. A mount point cannot be removed (EBUSY) and a rename
// across mounts copies, as mv does after EXDEV.
import type { ExtendedFs } from "./overlay.js";
import { dirnameOf, isUnder, normalizePath } from "./path.js";
import { FsError, type ContainerFs, type FsEntry } from "./types.js";

export interface MountView {
  /** Normalised absolute path in the container. */
  destination: string;
  /** Where the mount's root lies in its own fs: "/" for a directory, "/f" for a single file. */
  root: string;
  /** Built on first use: a bind mount reads the host only when touched. */
  fs: () => ContainerFs;
}

type Fs = ContainerFs & Partial<Pick<ExtendedFs, "chmod" | "utime">>;

interface Route {
  fs: Fs;
  /** The path inside `fs`. */
  p: string;
  /** The container path the route was made for (symlinks in the root fs resolved). */
  abs: string;
  mount?: MountView;
}

export class MountedFs implements ContainerFs {
  private readonly mounts: MountView[];
  private readonly built = new Map<MountView, Fs>();

  constructor(
    private readonly rootFs: Fs,
    mounts: MountView[],
  ) {
    this.mounts = [...mounts].sort((a, b) => b.destination.length - a.destination.length);
  }

  stat(path: string): FsEntry | undefined {
    try {
      const r = this.route(path, true);
      return r.fs.stat(r.p);
    } catch {
      return undefined;
    }
  }

  lstat(path: string): FsEntry | undefined {
    try {
      const r = this.route(path, false);
      return r.fs.lstat(r.p);
    } catch {
      return undefined;
    }
  }

  readFile(path: string): string {
    return this.on(path, true, (r) => r.fs.readFile(r.p));
  }

  writeFile(path: string, content: string, options?: { append?: boolean; mode?: number; size?: number }): void {
    this.on(path, true, (r) => r.fs.writeFile(r.p, content, options));
  }

  mkdir(path: string, options?: { parents?: boolean; mode?: number }): void {
    this.on(path, !!options?.parents, (r) => r.fs.mkdir(r.p, options));
  }

  readdir(path: string): string[] {
    return this.on(path, true, (r) => {
      const names = r.fs.readdir(r.p);
      // Mount points show in their parent even where the parent's fs has no such entry.
      const extra = this.mounts.filter((m) => m.destination !== "/" && dirnameOf(m.destination) === r.abs).map((m) => m.destination.slice(r.abs === "/" ? 1 : r.abs.length + 1));
      return extra.length === 0 ? names : [...new Set([...names, ...extra])].sort();
    });
  }

  remove(path: string, options: { recursive?: boolean } = {}): void {
    this.on(path, false, (r) => {
      if (r.mount && r.p === r.mount.root) {
        if (options.recursive) this.clear(r.mount);
        throw new FsError("EBUSY", path);
      }
      const below = r.mount ? [] : this.mounts.filter((m) => isUnder(m.destination, r.abs));
      if (below.length === 0 || !options.recursive) return r.fs.remove(r.p, options);
      // rm -rf over mount points empties them and removes the rest, then reports the busy ones.
      for (const m of below) this.clear(m);
      this.removeAround(r.abs, below);
      throw new FsError("EBUSY", path);
    });
  }

  symlink(target: string, path: string): void {
    this.on(path, false, (r) => r.fs.symlink(target, r.p));
  }

  rename(from: string, to: string): void {
    const f = this.wrap(from, () => this.route(from, false));
    const t = this.wrap(to, () => this.route(to, false));
    if (f.mount && f.p === f.mount.root) throw new FsError("EBUSY", from);
    if (f.fs === t.fs) return this.wrap(from, () => f.fs.rename(f.p, t.p));
    this.wrap(from, () => {
      const entry = f.fs.lstat(f.p);
      if (!entry) throw new FsError("ENOENT", from);
      if (t.fs.lstat(t.p)) t.fs.remove(t.p, { recursive: entry.type === "dir" });
      copyTree(f.fs, f.p, t.fs, t.p);
      f.fs.remove(f.p, { recursive: true });
    });
  }

  resolve(path: string, cwd = "/"): string {
    const r = this.wrap(path, () => this.route(normalizePath(path, cwd), true));
    if (!r.mount) return r.fs.resolve(r.p);
    const inner = r.fs.resolve(r.p);
    if (r.mount.root !== "/") return r.mount.destination;
    return inner === "/" ? r.mount.destination : `${r.mount.destination === "/" ? "" : r.mount.destination}${inner}`;
  }

  chmod(path: string, mode: number): void {
    this.on(path, true, (r) => r.fs.chmod?.(r.p, mode));
  }

  utime(path: string, mtime: number): void {
    this.on(path, true, (r) => r.fs.utime?.(r.p, mtime));
  }

  private fsOf(m: MountView): Fs {
    let fs = this.built.get(m);
    if (!fs) this.built.set(m, (fs = m.fs() as Fs));
    return fs;
  }

  private mountFor(abs: string): MountView | undefined {
    return this.mounts.find((m) => abs === m.destination || isUnder(abs, m.destination));
  }

  private into(m: MountView, abs: string): Route {
    const rest = abs === m.destination ? "" : abs.slice(m.destination === "/" ? 0 : m.destination.length);
    const p = m.root === "/" ? rest || "/" : `${m.root}${rest}`;
    return { fs: this.fsOf(m), p, abs, mount: m };
  }

  /** Lexically first, then with the root fs's symlinks resolved (a link may lead into a mount). */
  private route(path: string, followLast: boolean): Route {
    const abs = normalizePath(path);
    const direct = this.mountFor(abs);
    if (direct) return this.into(direct, abs);
    let resolved = abs;
    try {
      if (followLast) resolved = this.rootFs.resolve(abs);
      else if (abs !== "/") {
        const parent = this.rootFs.resolve(dirnameOf(abs));
        resolved = `${parent === "/" ? "" : parent}/${abs.slice(abs.lastIndexOf("/") + 1)}`;
      }
    } catch {
      resolved = abs;
    }
    const via = resolved !== abs ? this.mountFor(resolved) : undefined;
    if (via) return this.into(via, resolved);
    return { fs: this.rootFs, p: abs, abs: resolved };
  }

  /** Runs an operation on the routed path; errors name the container path. */
  private on<T>(path: string, followLast: boolean, op: (r: Route) => T): T {
    return this.wrap(path, () => op(this.route(path, followLast)));
  }

  private wrap<T>(path: string, op: () => T): T {
    try {
      return op();
    } catch (e) {
      if (e instanceof FsError && e.path !== path) throw new FsError(e.code, path);
      throw e;
    }
  }

  /** Empties a mount (its root stays); a read-only one refuses. */
  private clear(m: MountView): void {
    const fs = this.fsOf(m);
    if (m.root !== "/") return;
    for (const name of fs.readdir("/")) fs.remove(`/${name}`, { recursive: true });
  }

  /** Removes everything under `dir` in the root fs except the way to the mount points. */
  private removeAround(dir: string, mounts: MountView[]): void {
    for (const name of this.rootFs.readdir(dir)) {
      const p = dir === "/" ? `/${name}` : `${dir}/${name}`;
      if (mounts.some((m) => m.destination === p)) continue;
      if (mounts.some((m) => isUnder(m.destination, p))) this.removeAround(p, mounts);
      else this.rootFs.remove(p, { recursive: true });
    }
  }
}

/** Copies an entry (and what lies below a directory) from one fs to another. */
function copyTree(from: Fs, src: string, to: Fs, dst: string): void {
  const e = from.lstat(src);
  if (!e) return;
  if (e.type === "symlink") return to.symlink(e.target, dst);
  if (e.type === "file") {
    to.writeFile(dst, from.readFile(src), { mode: e.mode });
    return;
  }
  to.mkdir(dst, { mode: e.mode });
  for (const name of from.readdir(src)) copyTree(from, `${src === "/" ? "" : src}/${name}`, to, `${dst === "/" ? "" : dst}/${name}`);
}
