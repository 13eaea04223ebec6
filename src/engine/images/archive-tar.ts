// A small, deterministic tar writer (POSIX ustar headers, PAX records when a name or link
// does not fit, and for extended attributes), as Go's archive/tar writes them for moby's
// layer and save archives. Layer tars are what layer diff ids digest, so the same tree and
// time must always give the same bytes.
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex } from "@noble/hashes/utils";
import type { FileEntry, FileTree, LayerEntry } from "../fs/types.js";

export interface TarMember {
  /** Relative name; directories end with "/". */
  name: string;
  type: "file" | "dir" | "symlink";
  mode: number;
  uid?: number;
  gid?: number;
  /** ms since the epoch (written in whole seconds). */
  mtime: number;
  linkname?: string;
  body?: Uint8Array;
  /** Extra PAX records (e.g. SCHILY.xattr.*). */
  pax?: Record<string, string>;
}

const BLOCK = 512;
const WH = ".wh.";
const OPAQUE = ".wh..wh..opq";
/** Placeholder binaries keep what makes them runnable in extended attributes. */
export const X_PROGRAM = "SCHILY.xattr.user.mockdocker.program";
export const X_SIZE = "SCHILY.xattr.user.mockdocker.size";

const utf8 = new TextEncoder();

/** Content as bytes: text as UTF-8, `binary` content one byte per character. */
export function fileBytes(e: FileEntry): Uint8Array {
  if (!e.binary) return utf8.encode(e.content);
  const out = new Uint8Array(e.content.length);
  for (let i = 0; i < e.content.length; i++) out[i] = e.content.charCodeAt(i) & 0xff;
  return out;
}

function octal(n: number, width: number): string {
  return Math.max(0, Math.floor(n)).toString(8).padStart(width - 1, "0").slice(-(width - 1));
}

function put(block: Uint8Array, offset: number, width: number, text: string): void {
  const bytes = utf8.encode(text);
  block.set(bytes.subarray(0, width), offset);
}

/** ustar splits a long name at a "/" into prefix (155) and name (100). */
function splitUstar(name: string): [string, string] | undefined {
  const bytes = utf8.encode(name);
  if (bytes.length <= 100) return ["", name];
  if (bytes.length !== name.length) return undefined;
  for (let i = Math.min(name.length - 1, 155); i > 0; i--) {
    if (name[i] === "/" && name.length - i - 1 <= 100 && name.length - i - 1 > 0) return [name.slice(0, i), name.slice(i + 1)];
  }
  return undefined;
}

function header(name: string, prefix: string, typeflag: string, m: { mode: number; uid?: number; gid?: number; mtime: number; linkname?: string }, size: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  put(h, 0, 100, name);
  put(h, 100, 8, octal(m.mode & 0o7777, 8));
  put(h, 108, 8, octal(m.uid ?? 0, 8));
  put(h, 116, 8, octal(m.gid ?? 0, 8));
  put(h, 124, 12, octal(size, 12));
  put(h, 136, 12, octal(m.mtime / 1000, 12));
  h.fill(0x20, 148, 156);
  put(h, 156, 1, typeflag);
  put(h, 157, 100, m.linkname ?? "");
  put(h, 257, 8, "ustar\u000000");
  put(h, 329, 8, octal(0, 8));
  put(h, 337, 8, octal(0, 8));
  put(h, 345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  put(h, 148, 8, `${octal(sum, 7)}\u0000 `);
  return h;
}

/** One "len key=value\n" record; the length counts itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const n = utf8.encode(body).length;
  let len = n + String(n).length;
  if (String(len).length !== String(n).length) len = n + String(len).length;
  return `${len}${body}`;
}

function padded(bytes: Uint8Array): Uint8Array[] {
  const rest = bytes.length % BLOCK;
  return rest === 0 ? [bytes] : [bytes, new Uint8Array(BLOCK - rest)];
}

/** The tar bytes of the members, in the order given, ended by two zero blocks. */
export function writeTar(members: readonly TarMember[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const m of members) {
    const records: Record<string, string> = { ...(m.pax ?? {}) };
    let split = splitUstar(m.name);
    if (!split) {
      records.path = m.name;
      split = ["", m.name.slice(-100)];
    }
    let linkname = m.linkname;
    if (linkname !== undefined && utf8.encode(linkname).length > 100) {
      records.linkpath = linkname;
      linkname = "";
    }
    const keys = Object.keys(records).sort();
    if (keys.length > 0) {
      const body = utf8.encode(keys.map((k) => paxRecord(k, records[k]!)).join(""));
      const base = m.name.replace(/\/$/, "").split("/").pop() ?? "";
      const paxName = `PaxHeaders.0/${base}`.slice(0, 100);
      parts.push(header(paxName, "", "x", { mode: 0o644, mtime: m.mtime }, body.length), ...padded(body));
    }
    const body = m.type === "file" ? (m.body ?? new Uint8Array(0)) : new Uint8Array(0);
    const flag = m.type === "dir" ? "5" : m.type === "symlink" ? "2" : "0";
    parts.push(header(split[1], split[0], flag, { ...m, ...(linkname !== undefined ? { linkname } : {}) }, body.length));
    if (body.length > 0) parts.push(...padded(body));
  }
  parts.push(new Uint8Array(2 * BLOCK));
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Path order of a directory walk (filepath.Walk): component by component. */
export function walkOrder(a: string, b: string): number {
  const pa = a.split("/");
  const pb = b.split("/");
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
}

function dirName(p: string): string {
  const i = p.lastIndexOf("/");
  return i <= 0 ? "" : p.slice(1, i);
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

/** The tar members of one entry at an absolute path; whiteouts become ".wh." files. */
export function entryMembers(path: string, entry: LayerEntry, mtime0: number): TarMember[] {
  const rel = path.replace(/^\/+/, "");
  if (rel === "") return [];
  const mtime = ("mtime" in entry && entry.mtime !== undefined ? entry.mtime : undefined) ?? mtime0;
  const owner = { uid: "uid" in entry ? (entry.uid ?? 0) : 0, gid: "gid" in entry ? (entry.gid ?? 0) : 0 };
  switch (entry.type) {
    case "whiteout": {
      const dir = dirName(path);
      return [{ name: `${dir ? `${dir}/` : ""}${WH}${baseName(path)}`, type: "file", mode: 0o644, mtime: mtime0 }];
    }
    case "dir": {
      const out: TarMember[] = [{ name: `${rel}/`, type: "dir", mode: entry.mode, mtime, ...owner }];
      if (entry.opaque) out.push({ name: `${rel}/${OPAQUE}`, type: "file", mode: 0o644, mtime });
      return out;
    }
    case "symlink":
      return [{ name: rel, type: "symlink", linkname: entry.target, mode: 0o777, mtime }];
    case "file": {
      const pax: Record<string, string> = {};
      if (entry.program) pax[X_PROGRAM] = entry.program;
      if (entry.size !== undefined) pax[X_SIZE] = String(entry.size);
      const m: TarMember = { name: rel, type: "file", mode: entry.mode, mtime, ...owner, body: fileBytes(entry) };
      if (Object.keys(pax).length > 0) m.pax = pax;
      return [m];
    }
  }
}

/** A tree's members in walk order; entries without an mtime get `mtime0` (ms). */
export function treeMembers(tree: FileTree, mtime0: number): TarMember[] {
  return Object.keys(tree)
    .sort(walkOrder)
    .flatMap((p) => entryMembers(p, tree[p]!, mtime0));
}

/** The uncompressed layer tar of a tree. */
export function layerTar(tree: FileTree, mtime0: number): Uint8Array {
  return writeTar(treeMembers(tree, mtime0));
}

export function digestBytes(bytes: Uint8Array): string {
  return `sha256:${bytesToHex(sha256(bytes))}`;
}

/** The diff id of a layer: the sha256 of its uncompressed tar. */
export function layerDiffId(tree: FileTree, mtime0: number): string {
  return digestBytes(layerTar(tree, mtime0));
}
