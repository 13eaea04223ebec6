// File trees of image layers and container layers. Paths are absolute, normalised
// ("/etc/hosts", never "/etc/" or "etc/hosts"); the root "/" is implicit.

export interface FileEntry {
  type: "file";
  /** File mode bits, e.g. 0o644, 0o755. */
  mode: number;
  /** Text content. Binaries are placeholders: empty content plus `program`. */
  content: string;
  /** Name of the simulated program that runs when this file is executed (see runtime/types.ts). */
  program?: string;
  /** Size reported by ls/du when it differs from content length (placeholder binaries). */
  size?: number;
  uid?: number;
  gid?: number;
  /** Modification time, ms since the epoch; absent means the layer's own time. */
  mtime?: number;
  /** Content is raw bytes, one character per byte (latin1), not UTF-8 text (copied-in binaries). */
  binary?: boolean;
}

export interface DirEntry {
  type: "dir";
  mode: number;
  uid?: number;
  gid?: number;
  mtime?: number;
  /** Set on an upper-layer directory that replaces (does not merge with) the lower one. */
  opaque?: boolean;
}

export interface SymlinkEntry {
  type: "symlink";
  target: string;
  mtime?: number;
}

/** Marks a path deleted in an upper layer (overlayfs whiteout). */
export interface WhiteoutEntry {
  type: "whiteout";
}

export type FsEntry = FileEntry | DirEntry | SymlinkEntry;
export type LayerEntry = FsEntry | WhiteoutEntry;

/** One layer: absolute path -> entry. Parent directories may be implicit. */
export type FileTree = Record<string, LayerEntry>;

/** Errno-style failure of a filesystem operation; `code` is what the applets translate. */
export class FsError extends Error {
  constructor(
    readonly code: "ENOENT" | "EEXIST" | "ENOTDIR" | "EISDIR" | "ENOTEMPTY" | "EROFS" | "EACCES" | "EINVAL" | "ELOOP" | "EBUSY",
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
  }
}

/** A container's view of its filesystem: image layers below, its own writable layer on top. */
export interface ContainerFs {
  /** Follows symlinks; undefined when missing. */
  stat(path: string): FsEntry | undefined;
  /** Does not follow a final symlink. */
  lstat(path: string): FsEntry | undefined;
  readFile(path: string): string;
  /** `size`: the file is a sized placeholder (dd's output): `content` stands for that many bytes. */
  writeFile(path: string, content: string, options?: { append?: boolean; mode?: number; size?: number }): void;
  mkdir(path: string, options?: { parents?: boolean; mode?: number }): void;
  /** Names (not paths) of the directory's children, sorted. */
  readdir(path: string): string[];
  remove(path: string, options?: { recursive?: boolean }): void;
  symlink(target: string, path: string): void;
  rename(from: string, to: string): void;
  /** Resolves `.`/`..`/symlinks to a canonical absolute path (no existence check of the last part). */
  resolve(path: string, cwd?: string): string;
}
