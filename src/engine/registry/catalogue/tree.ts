// Small constructors for layer file trees. Binaries are placeholders: no content, a
// `program` the runtime dispatches on, and the size `ls` should report.
import type { DirEntry, FileEntry, FileTree, SymlinkEntry } from "../../fs/types.js";

export const dir = (mode = 0o755, uid?: number, gid?: number): DirEntry =>
  uid === undefined ? { type: "dir", mode } : { type: "dir", mode, uid, gid: gid ?? uid };

export const file = (content: string, mode = 0o644): FileEntry => ({ type: "file", mode, content });

export const bin = (program: string, size: number, mode = 0o755): FileEntry => ({
  type: "file",
  mode,
  content: "",
  program,
  size,
});

/** An executable script: readable text, run by a simulated program. */
export const script = (program: string, content: string): FileEntry => ({
  type: "file",
  mode: 0o755,
  content,
  program,
});

export const link = (target: string): SymlinkEntry => ({ type: "symlink", target });

/** Directories with the given mode (default 0755). */
export function dirs(paths: string[], mode = 0o755): FileTree {
  const t: FileTree = {};
  for (const p of paths) t[p] = dir(mode);
  return t;
}

/** The same placeholder binary under several names in one directory (busybox hardlinks). */
export function applets(dirPath: string, names: readonly string[], program: string, size: number): FileTree {
  const t: FileTree = {};
  for (const n of names) t[`${dirPath}/${n}`] = bin(program, size);
  return t;
}

/** Symlinks `dirPath/name` -> target for each name (alpine's busybox links). */
export function links(dirPath: string, names: readonly string[], target: string): FileTree {
  const t: FileTree = {};
  for (const n of names) t[`${dirPath}/${n}`] = link(target);
  return t;
}

/** Lines joined with a trailing newline, as text files end. */
export const lines = (...ls: string[]): string => ls.join("\n") + "\n";

export const merge = (...trees: FileTree[]): FileTree => Object.assign({}, ...trees) as FileTree;

/** A non-executable file whose bytes we do not keep (libraries, archives, data). */
export const blob = (size: number, mode = 0o644): FileEntry => ({ type: "file", mode, content: "", size });

/** /etc/passwd or /etc/group with lines appended, as useradd/groupadd leave them. */
export const appendLines = (base: string, ...add: string[]): string => base + lines(...add);
