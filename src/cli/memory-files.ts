// The host's files for in-process sandboxes: text files in a map the caller can read, bytes
// and directories beside it. Directories holding a file exist implicitly, as does /tmp.
import type { HostFiles, HostStat } from "./types.js";

const enoent = (op: string, p: string) => Object.assign(new Error(`${op} ${p}: no such file or directory`), { code: "ENOENT" });

function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

export function memoryHostFiles(text: Map<string, string>, cwd = "/"): HostFiles {
  const bytes = new Map<string, Uint8Array>();
  const dirs = new Set<string>(["/", "/tmp"]);
  const links = new Map<string, string>();
  const mtimes = new Map<string, number>();
  const modes = new Map<string, number>();
  const isDir = (p: string) => dirs.has(p) || [...text.keys(), ...links.keys(), ...dirs].some((k) => k.startsWith(p === "/" ? "/" : `${p}/`) && k !== p);
  const abs = (p: string) => normalize(p.startsWith("/") ? p : `${cwd}/${p}`);
  const follow = (p: string): string => {
    let cur = abs(p);
    for (let i = 0; i < 40 && links.has(cur); i++) {
      const t = links.get(cur)!;
      cur = t.startsWith("/") ? normalize(t) : normalize(`${cur}/../${t}`);
    }
    return cur;
  };
  const files: HostFiles = {
    readText: (p) => {
      const t = text.get(abs(p));
      if (t === undefined) throw enoent("open", p);
      return t;
    },
    exists: (p) => text.has(abs(p)) || isDir(abs(p)) || links.has(abs(p)),
    writeNew: (p, content) => {
      if (text.has(abs(p))) throw Object.assign(new Error(`open ${p}: file exists`), { code: "EEXIST" });
      text.set(abs(p), content);
    },
    remove: (p) => {
      text.delete(abs(p));
      bytes.delete(abs(p));
    },
    readBytes: (p) => {
      const a = follow(p);
      const b = bytes.get(a);
      if (b) return b;
      const t = text.get(a);
      if (t === undefined) throw enoent("open", p);
      return new TextEncoder().encode(t);
    },
    writeBytes: (p, data, mode) => {
      const a = follow(p);
      bytes.set(a, data);
      text.set(a, new TextDecoder().decode(data));
      if (mode !== undefined) modes.set(a, mode);
    },
    stat: (p, doFollow) => {
      const a = doFollow ? follow(p) : abs(p);
      const mtime = mtimes.get(a) ?? 0;
      if (links.has(a)) return { type: "symlink", mode: 0o777, size: links.get(a)!.length, mtime, target: links.get(a)! };
      if (text.has(a)) return { type: "file", mode: modes.get(a) ?? 0o644, size: files.readBytes!(a).length, mtime };
      if (isDir(a)) return { type: "dir", mode: modes.get(a) ?? 0o755, size: 4096, mtime } satisfies HostStat;
      return undefined;
    },
    readdir: (p) => {
      const a = follow(p);
      const prefix = a === "/" ? "/" : `${a}/`;
      const names = new Set<string>();
      for (const k of [...text.keys(), ...links.keys(), ...dirs]) {
        if (k.startsWith(prefix) && k !== a) names.add(k.slice(prefix.length).split("/")[0]!);
      }
      return [...names].sort();
    },
    mkdir: (p, mode) => {
      dirs.add(abs(p));
      if (mode !== undefined) modes.set(abs(p), mode);
    },
    symlink: (target, p) => void links.set(abs(p), target),
    utime: (p, mtime) => void mtimes.set(follow(p), mtime),
    resolve: (p) => abs(p),
  };
  return files;
}
