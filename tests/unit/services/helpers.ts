// A tiny in-memory ContainerFs and a ProcessContext builder for the service tests.
import type { ContainerFs, FsEntry } from "../../../src/engine/fs/types.js";
import { FsError } from "../../../src/engine/fs/types.js";
import type { NetworkAccess, ProcessContext, ProcessResult } from "../../../src/engine/runtime/types.js";

function norm(path: string, cwd = "/"): string {
  const abs = path.startsWith("/") ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const seg of abs.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return "/" + out.join("/");
}

export class MemFs implements ContainerFs {
  readonly entries = new Map<string, FsEntry>([["/", { type: "dir", mode: 0o755 }]]);
  readOnly = false;

  constructor(files: Record<string, string | FsEntry> = {}) {
    for (const [p, v] of Object.entries(files)) {
      const e: FsEntry = typeof v === "string" ? { type: "file", mode: 0o644, content: v } : v;
      this.ensureParents(p);
      this.entries.set(p, e);
    }
  }
  private ensureParents(path: string): void {
    const parts = path.split("/").filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const p = "/" + parts.slice(0, i).join("/");
      if (!this.entries.has(p)) this.entries.set(p, { type: "dir", mode: 0o755 });
    }
  }
  private guard(path: string): void {
    if (this.readOnly) throw new FsError("EROFS", path);
  }
  stat(path: string) {
    let e = this.entries.get(norm(path));
    let hops = 0;
    while (e?.type === "symlink" && hops++ < 8) e = this.entries.get(norm(e.target));
    return e;
  }
  lstat(path: string) {
    return this.entries.get(norm(path));
  }
  readFile(path: string): string {
    const e = this.stat(path);
    if (!e) throw new FsError("ENOENT", path);
    if (e.type !== "file") throw new FsError("EISDIR", path);
    return e.content;
  }
  writeFile(path: string, content: string, options?: { append?: boolean; mode?: number }): void {
    this.guard(path);
    const p = norm(path);
    const parent = p.slice(0, p.lastIndexOf("/")) || "/";
    if (this.stat(parent)?.type !== "dir") throw new FsError("ENOENT", path);
    const old = this.entries.get(p);
    const prev = old?.type === "file" ? old.content : "";
    this.entries.set(p, { type: "file", mode: options?.mode ?? (old?.type === "file" ? old.mode : 0o644), content: options?.append ? prev + content : content });
  }
  mkdir(path: string, options?: { parents?: boolean; mode?: number }): void {
    this.guard(path);
    const p = norm(path);
    if (this.entries.has(p)) {
      if (options?.parents) return;
      throw new FsError("EEXIST", path);
    }
    if (options?.parents) this.ensureParents(p);
    else if (this.stat(p.slice(0, p.lastIndexOf("/")) || "/")?.type !== "dir") throw new FsError("ENOENT", path);
    this.entries.set(p, { type: "dir", mode: options?.mode ?? 0o755 });
  }
  readdir(path: string): string[] {
    const p = norm(path);
    if (this.stat(p)?.type !== "dir") throw new FsError("ENOTDIR", path);
    const prefix = p === "/" ? "/" : p + "/";
    const names = new Set<string>();
    for (const k of this.entries.keys()) {
      if (k !== p && k.startsWith(prefix)) names.add(k.slice(prefix.length).split("/")[0]!);
    }
    return [...names].sort();
  }
  remove(path: string, options?: { recursive?: boolean }): void {
    this.guard(path);
    const p = norm(path);
    if (!this.entries.has(p)) throw new FsError("ENOENT", path);
    const children = [...this.entries.keys()].filter((k) => k.startsWith(p + "/"));
    if (children.length && !options?.recursive) throw new FsError("ENOTEMPTY", path);
    for (const k of children) this.entries.delete(k);
    this.entries.delete(p);
  }
  symlink(target: string, path: string): void {
    this.entries.set(norm(path), { type: "symlink", target });
  }
  rename(from: string, to: string): void {
    const e = this.entries.get(norm(from));
    if (!e) throw new FsError("ENOENT", from);
    this.entries.delete(norm(from));
    this.entries.set(norm(to), e);
  }
  resolve(path: string, cwd?: string): string {
    return norm(path, cwd);
  }
}

export const START = Date.UTC(2025, 5, 1, 10, 0, 0);

export function makeCtx(argv: string[], over: Partial<ProcessContext> = {}): ProcessContext {
  let seed = 1;
  return {
    argv,
    env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
    workdir: "/",
    user: "",
    hostname: "abc123",
    fs: new MemFs(),
    pid: 1,
    tty: false,
    startTime: START,
    processes: [],
    random: () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    },
    ...over,
  };
}

export function stdout(r: ProcessResult): string {
  return r.output.filter((c) => c.stream === "stdout").map((c) => c.text).join("");
}

export function stderr(r: ProcessResult): string {
  return r.output.filter((c) => c.stream === "stderr").map((c) => c.text).join("");
}

/** A network where `hosts` resolve and `answer` serves HTTP. */
export function network(hosts: Record<string, string>, answer?: NetworkAccess["httpGet"]): NetworkAccess {
  return {
    resolve: (h) => hosts[h],
    httpGet: answer ?? (() => undefined),
  };
}
