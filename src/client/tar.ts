// Tar archives of file trees, Node-side (the engine only moves FileTrees). Entry names are
// relative, directories end with "/", as moby's archive package writes them; overlay
// whiteouts travel as ".wh." files. Unpacking refuses names and hard links that leave the
// archive (moby: pkg/archive breakoutError) and accepts gzip.
import { Buffer } from "node:buffer";
import { Readable } from "node:stream";
import { gunzipSync } from "node:zlib";
import tarStream from "tar-stream";
import type { FileEntry, FileTree, LayerEntry } from "../engine/fs/types.js";
import { entryMembers, walkOrder, writeTar, X_PROGRAM, X_SIZE } from "../engine/images/archive-tar.js";

/** One archive member: `path` is absolute-style inside the archive ("/etc/hosts"). */
export interface TarEntry {
  path: string;
  entry: LayerEntry;
}

export interface PackOptions {
  /** mtime (ms) of entries that carry none; default 0. */
  mtime0?: number;
}

export interface UnpackOptions {
  /** What to do with "/abs" names: refuse them (default) or read them as relative, as dockerd does. */
  absolute?: "reject" | "strip";
}

/** The archive cannot be read or would write outside its root. */
export class TarError extends Error {}

const WH = ".wh.";
const OPAQUE = ".wh..wh..opq";

function sortedEntries(tree: FileTree): TarEntry[] {
  return Object.keys(tree)
    .sort(walkOrder)
    .map((path) => ({ path, entry: tree[path]! }));
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

/** A relative name for `target` seen from directory `dir` ("/" or "/a/b"), for cleanName. */
function relJoin(dir: string, target: string): string {
  return dir === "/" ? target : `${dir.slice(1)}/${target}`;
}

function dirName(p: string): string {
  const i = p.lastIndexOf("/");
  return i <= 0 ? "/" : p.slice(0, i);
}

/** Bytes of a file's content: text as UTF-8, `binary` content one byte per character. */
export function contentBytes(e: FileEntry): Buffer {
  return Buffer.from(e.content, e.binary ? "latin1" : "utf8");
}

/**
 * Packs a tree (in directory-walk order) or entries (in order) into an uncompressed tar.
 * The bytes come from the engine's writer, the one that also makes layer tars, so a layer
 * packed here digests to its diff id.
 */
export async function pack(source: FileTree | TarEntry[], options: PackOptions = {}): Promise<Uint8Array> {
  const entries = Array.isArray(source) ? source : sortedEntries(source);
  return writeTar(entries.flatMap(({ path, entry }) => entryMembers(path, entry, options.mtime0 ?? 0)));
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Go's filepath.Clean of a relative name; undefined when it climbs out of the root. */
function cleanName(name: string, options: UnpackOptions): string | undefined {
  let n = name;
  if (n.startsWith("/")) {
    if (options.absolute !== "strip") throw new TarError(`invalid tar entry: absolute path ${JSON.stringify(name)}`);
    n = n.replace(/^\/+/, "");
  }
  const out: string[] = [];
  for (const part of n.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return "/" + out.join("/");
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function fileEntry(body: Buffer, mode: number, pax: Record<string, string> | null): FileEntry {
  let content: string;
  let binary = false;
  try {
    content = decoder.decode(body);
  } catch {
    content = body.toString("latin1");
    binary = true;
  }
  const e: FileEntry = { type: "file", mode, content };
  if (binary) e.binary = true;
  if (pax?.[X_PROGRAM]) e.program = pax[X_PROGRAM];
  if (pax?.[X_SIZE] && /^\d+$/.test(pax[X_SIZE])) e.size = Number(pax[X_SIZE]);
  return e;
}

/** Reads a tar (or gzipped tar) into entries in archive order; refuses members that leave the root. */
export async function unpack(input: Uint8Array, options: UnpackOptions = {}): Promise<TarEntry[]> {
  let bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new TarError("unexpected EOF");
    }
  }
  const out: TarEntry[] = [];
  const files = new Map<string, FileEntry>();
  const extract = tarStream.extract();
  try {
    for await (const member of Readable.from([bytes]).pipe(extract)) {
      const h = member.header as tarStream.Headers & { pax?: Record<string, string> | null };
      const chunks: Buffer[] = [];
      for await (const c of member) chunks.push(c as Buffer);
      const path = cleanName(h.name, options);
      if (path === undefined) throw new TarError(`${JSON.stringify(h.name)} is outside of the archive root`);
      if (path === "/") continue;
      const mtime = h.mtime ? h.mtime.getTime() : undefined;
      const base = baseName(path);
      const mode = (h.mode ?? 0o644) & 0o7777;
      const owner: { uid?: number; gid?: number } = {};
      if (h.uid) owner.uid = h.uid;
      if (h.gid) owner.gid = h.gid;
      if (base === OPAQUE) {
        // The marker follows its directory's own entry: keep that entry's mode and time.
        const dir = dirName(path);
        const prev = [...out].reverse().find((e) => e.path === dir)?.entry;
        out.push({ path: dir, entry: prev?.type === "dir" ? { ...prev, opaque: true } : { type: "dir", mode: 0o755, opaque: true } });
        continue;
      }
      if (base.startsWith(WH)) {
        const dir = dirName(path);
        out.push({ path: `${dir === "/" ? "" : dir}/${base.slice(WH.length)}`, entry: { type: "whiteout" } });
        continue;
      }
      switch (h.type) {
        case "directory":
          out.push({ path, entry: { type: "dir", mode, ...owner, ...(mtime !== undefined ? { mtime } : {}) } });
          break;
        case "symlink": {
          const target = h.linkname ?? "";
          if (!target.startsWith("/") && cleanName(relJoin(dirName(path), target), options) === undefined) {
            throw new TarError(`invalid symlink ${JSON.stringify(path)} -> ${JSON.stringify(target)}`);
          }
          out.push({ path, entry: { type: "symlink", target, ...(mtime !== undefined ? { mtime } : {}) } });
          break;
        }
        case "link": {
          const target = cleanName(h.linkname ?? "", { absolute: "strip" });
          const linked = target === undefined ? undefined : files.get(target);
          if (!linked) throw new TarError(`invalid hardlink ${JSON.stringify(path)} -> ${JSON.stringify(h.linkname ?? "")}`);
          out.push({ path, entry: { ...linked } });
          files.set(path, linked);
          break;
        }
        case "file":
        case "contiguous-file":
        case undefined:
        case null: {
          const e = fileEntry(Buffer.concat(chunks), mode, h.pax ?? null);
          Object.assign(e, owner);
          if (mtime !== undefined) e.mtime = mtime;
          out.push({ path, entry: e });
          files.set(path, e);
          break;
        }
        default:
          // Devices and fifos have no place in the simulated filesystem.
          break;
      }
    }
  } catch (error) {
    if (error instanceof TarError) throw error;
    throw new TarError(/Invalid tar header|Unexpected end/i.test((error as Error).message) ? "archive/tar: invalid tar header" : "unexpected EOF");
  }
  return out;
}

/** Entries as a tree (later members win, as extraction overwrites). */
export function toTree(entries: TarEntry[]): FileTree {
  const tree: FileTree = {};
  for (const { path, entry } of entries) tree[path] = entry;
  return tree;
}

/** A member of an archive read as raw bytes (docker load's outer archive). */
export interface RawMember {
  /** Clean relative path ("blobs/sha256/..."). */
  path: string;
  type: "file" | "dir" | "symlink" | "link" | "other";
  bytes: Uint8Array;
  linkname?: string;
}

function gunzipped(input: Uint8Array): Buffer {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes);
  } catch {
    throw new TarError("unexpected EOF");
  }
}

/**
 * Reads a tar (or gzipped tar) member by member, keeping file bytes as they are. Names that
 * are absolute or climb out of the root are refused, as are links that leave it.
 */
export async function readMembers(input: Uint8Array): Promise<RawMember[]> {
  const bytes = gunzipped(input);
  const out: RawMember[] = [];
  const extract = tarStream.extract();
  try {
    for await (const member of Readable.from([bytes]).pipe(extract)) {
      const h = member.header;
      const chunks: Buffer[] = [];
      for await (const c of member) chunks.push(c as Buffer);
      const clean = cleanName(h.name, {});
      if (clean === undefined) throw new TarError(`${JSON.stringify(h.name)} is outside of the archive root`);
      const path = clean.slice(1);
      if (path === "") continue;
      const linkname = h.linkname ?? "";
      let type: RawMember["type"] = "other";
      if (h.type === "directory") type = "dir";
      else if (h.type === "file" || h.type === "contiguous-file" || !h.type) type = "file";
      else if (h.type === "symlink" || h.type === "link") {
        type = h.type;
        const base = h.type === "symlink" ? dirName(clean) : "/";
        if (linkname.startsWith("/") || cleanName(relJoin(base, linkname), {}) === undefined) {
          throw new TarError(`invalid ${h.type === "symlink" ? "symlink" : "hardlink"} ${JSON.stringify(path)} -> ${JSON.stringify(linkname)}`);
        }
      }
      out.push({ path, type, bytes: new Uint8Array(Buffer.concat(chunks)), ...(type === "symlink" || type === "link" ? { linkname } : {}) });
    }
  } catch (error) {
    if (error instanceof TarError) throw error;
    throw new TarError(/Invalid tar header/i.test((error as Error).message) ? "archive/tar: invalid tar header" : "unexpected EOF");
  }
  return out;
}

/** Regular files by path, with hard and symbolic links inside the archive resolved to their bytes. */
export function filesOf(members: RawMember[]): Record<string, Uint8Array> {
  const byPath = new Map(members.map((m) => [m.path, m]));
  const resolve = (m: RawMember, depth: number): Uint8Array | undefined => {
    if (m.type === "file") return m.bytes;
    if (depth > 16 || !m.linkname) return undefined;
    const base = m.type === "symlink" ? dirName(`/${m.path}`) : "/";
    const target = cleanName(relJoin(base, m.linkname), {})?.slice(1);
    const next = target === undefined ? undefined : byPath.get(target);
    return next ? resolve(next, depth + 1) : undefined;
  };
  const files: Record<string, Uint8Array> = {};
  for (const m of members) {
    const b = resolve(m, 0);
    if (b) files[m.path] = b;
  }
  return files;
}

/** Whether bytes (already gunzipped) are a tar: the ustar magic, or the end-of-archive blocks alone. */
export function looksLikeTar(bytes: Uint8Array): boolean {
  if (bytes.length < 512) return false;
  const magic = Buffer.from(bytes.subarray(257, 262)).toString("latin1");
  if (magic === "ustar") return true;
  return bytes.length >= 1024 && bytes.length % 512 === 0 && bytes.subarray(0, 1024).every((b) => b === 0);
}

/** gunzips when gzipped; undefined when the gzip stream is broken. */
export function inflate(bytes: Uint8Array): Uint8Array | undefined {
  try {
    return new Uint8Array(gunzipped(bytes));
  } catch {
    return undefined;
  }
}

export { isGzip };
