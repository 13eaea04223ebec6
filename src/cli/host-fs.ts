// The real host's files for bind mounts, read-only: the engine asks, node:fs answers. Nothing
// here writes; writes through a bind mount stay in the simulated host (engine/volumes).
import { closeSync, fstatSync, lstatSync, openSync, readSync, readdirSync, readlinkSync, statSync } from "node:fs";
import type { Stats } from "node:fs";
import type { HostFileStat, HostFsPort } from "../engine/volumes/host-files.js";

function toStat(st: Stats): HostFileStat {
  const type = st.isDirectory() ? "dir" : st.isSymbolicLink() ? "symlink" : st.isFile() ? "file" : "other";
  return { type, size: st.size, mode: st.mode & 0o7777, mtime: st.mtimeMs, uid: st.uid, gid: st.gid };
}

export function nodeHostFs(): HostFsPort {
  return {
    stat: (p) => {
      const st = statSync(p, { throwIfNoEntry: false });
      return st ? toStat(st) : undefined;
    },
    lstat: (p) => {
      const st = lstatSync(p, { throwIfNoEntry: false });
      return st ? toStat(st) : undefined;
    },
    readdir: (p) => readdirSync(p),
    readFile: (p, maxBytes) => {
      const fd = openSync(p, "r");
      try {
        const buf = Buffer.alloc(Math.min(maxBytes, fstatSync(fd).size));
        const n = readSync(fd, buf, 0, buf.length, 0);
        return new Uint8Array(buf.buffer, buf.byteOffset, n);
      } finally {
        closeSync(fd);
      }
    },
    readlink: (p) => readlinkSync(p),
  };
}
