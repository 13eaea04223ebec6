// dd: block copies between files and devices (busybox coreutils/dd.c). Big outputs are stored
// as sized placeholders, as binaries are, so `bs=1M count=500` costs nothing in the state.
import type { FsEntry } from "../../fs/types.js";
import { type Applet, type CommandContext, NeverExits, abs, errText } from "./context.js";
import { GNU_LIST_WORDS, gnuMultiplier, gnuXferLine } from "./dd-gnu.js";
import { bbUsage } from "./net-common.js";
import { fail, tryHelp } from "./util.js";

/** Outputs up to this size keep their bytes; larger ones become placeholders. */
const KEEP_BYTES = 64 * 1024;
/**
 * What dd hands to stdout at most: a pipe reader (wc -c) sees all of a moderate stream, the
 * container's log only the start of one (logs are kept in the host state).
 */
const STDOUT_BYTES = { piped: 16 * 1024 * 1024, log: 1024 * 1024 };

/** libbb cwbkMG_suffixes. */
const SUFFIXES: Record<string, number> = { "": 1, c: 1, w: 2, b: 512, kD: 1000, k: 1024, K: 1024, MD: 1e6, M: 1024 ** 2, GD: 1e9, G: 1024 ** 3 };
const KEYWORDS = ["bs", "count", "seek", "skip", "if", "of", "status", "ibs", "obs", "conv", "iflag"];
const CONV = ["notrunc", "sync", "noerror", "fsync", "swab"];
/** GNU accepts more; those without an effect here are taken and ignored. */
const GNU_CONV = [...CONV, "ascii", "ebcdic", "ibm", "block", "unblock", "lcase", "ucase", "sparse", "excl", "nocreat", "fdatasync"];
const GNU_FLAGS = ["append", "direct", "directory", "dsync", "sync", "fullblock", "nonblock", "noatime", "nocache", "noctty", "nofollow", "count_bytes", "skip_bytes"];

/** A usage error; `help` adds GNU's "Try --help" line. */
class DdError extends Error {
  constructor(message: string, readonly help = false) {
    super(message);
  }
}

function num(ctx: CommandContext, val: string): number {
  const m = /^(\d+)([a-zA-Z]*)$/.exec(val);
  const mult = !m ? undefined : ctx.flavor === "gnu" ? gnuMultiplier(m[2]!) : SUFFIXES[m[2]!];
  if (!m || mult === undefined) throw new DdError(ctx.flavor === "gnu" ? `invalid number: '${val}'` : `invalid number '${val}'`);
  return Number(m[1]) * mult;
}

function words(ctx: CommandContext, val: string, allowed: string[], what: string): Set<string> {
  const out = new Set<string>();
  for (const w of val.split(",")) {
    if (allowed.includes(w)) out.add(w);
    else if (ctx.flavor === "gnu") throw new DdError(`${GNU_LIST_WORDS[what]}: '${w}'`, true);
    else throw new DdError(`invalid argument '${w}' to '${what}'`);
  }
  return out;
}

function cantOpen(ctx: CommandContext, f: string, why: string): number {
  fail(ctx, ctx.flavor === "gnu" ? `failed to open '${f}': ${why}` : `can't open '${f}': ${why}`);
  return 1;
}

/** Bytes of a stream: real text, or a run of `size` bytes standing for content we do not keep. */
type Data = { text: string } | { size: number; zero: boolean };

function sizeOf(d: Data): number {
  return "text" in d ? d.text.length : d.size;
}

/**
 * The first `n` bytes of an endless device. Random bytes are not text: files keep only their
 * size, and stdout gets them made up as it writes them.
 */
function device(name: string, n: number): Data {
  if (name === "zero") return n <= KEEP_BYTES ? { text: "\0".repeat(n) } : { size: n, zero: true };
  return { size: n, zero: false };
}

/** Below 0x80 only: pipes carry text, where a higher byte would count as two (wc -c). */
function randomBytes(ctx: CommandContext, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(ctx.state.proc.random() * 128));
  return s;
}

/** Text as bytes, one character per byte (UTF-8 text is counted as the kernel counts it). */
function toBytes(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  return Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join("");
}

function fromBytes(bytes: string): string {
  if (!/[^\x00-\x7f]/.test(bytes)) return bytes;
  return new TextDecoder().decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
}

/** A file's bytes: a placeholder binary (size without content) reads as that many bytes. */
function fileData(e: FsEntry & { type: "file" }): Data {
  const text = e.binary ? e.content : toBytes(e.content);
  const size = e.size ?? text.length;
  return size === text.length ? { text } : { size, zero: false };
}

function slice(d: Data, from: number, to: number): Data {
  if ("text" in d) return { text: d.text.slice(from, to) };
  return { size: Math.max(0, Math.min(d.size, to) - from), zero: d.zero };
}

/** Output file after writing `data` at `at` over `old` (kept beyond the write when not truncating). */
function overlay(old: Data, at: number, data: Data, keepTail: boolean): Data {
  const end = at + sizeOf(data);
  const total = Math.max(keepTail ? sizeOf(old) : 0, end);
  if ("text" in old && "text" in data && total <= KEEP_BYTES) {
    const head = old.text.slice(0, at).padEnd(at, "\0");
    return { text: head + data.text + (keepTail ? old.text.slice(end) : "") };
  }
  return { size: total, zero: false };
}

/** busybox make_human_readable_str(v, 1, 0): one decimal, units of 1024. */
export function humanSize(v: number): string {
  if (v === 0) return "0";
  const units = ["", "K", "M", "G", "T", "P", "E"];
  let u = 0;
  let frac = 0;
  while (v >= 1024) {
    frac = Math.floor(((v % 1024) * 10 + 512) / 1024);
    v = Math.floor(v / 1024);
    u++;
  }
  if (frac >= 10) {
    v++;
    frac = 0;
  }
  return u === 0 ? String(v) : `${v}.${frac}${units[u]}`;
}

/** Virtual seconds a copy takes: devices and the page cache are fast, urandom less so. */
function duration(ctx: CommandContext, bytes: number, source: string): number {
  const rate = source === "/dev/urandom" || source === "/dev/random" ? 380 * 1024 ** 2 : source === "/dev/zero" ? 1.3 * 1024 ** 3 : 950 * 1024 ** 2;
  const jitter = 0.85 + ctx.state.proc.random() * 0.3;
  return Math.max(0.000021, (0.000045 + bytes / rate) * jitter);
}

const dd: Applet = (ctx) => {
  const opts: Record<string, string> = {};
  for (const arg of ctx.argv.slice(1)) {
    if (arg === "--") continue;
    const eq = arg.indexOf("=");
    if ((eq < 0 || !KEYWORDS.includes(arg.slice(0, eq))) && ctx.flavor === "gnu") {
      fail(ctx, `unrecognized operand '${arg}'`);
      tryHelp(ctx);
      return 1;
    }
    if (eq < 0 || !KEYWORDS.includes(arg.slice(0, eq))) return bbUsage(ctx, "dd [if=FILE] [of=FILE] [ibs=N obs=N/bs=N] [count=N] [skip=N] [seek=N]");
    opts[arg.slice(0, eq)] = arg.slice(eq + 1);
  }
  let ibs = 512;
  let obs = 512;
  let count: number | undefined;
  let seek = 0;
  let skip = 0;
  let conv = new Set<string>();
  let status = "";
  try {
    if (opts.ibs !== undefined) ibs = num(ctx, opts.ibs);
    if (opts.obs !== undefined) obs = num(ctx, opts.obs);
    const gnu = ctx.flavor === "gnu";
    if (opts.conv !== undefined) conv = words(ctx, opts.conv, gnu ? GNU_CONV : CONV, "conv");
    if (opts.iflag !== undefined) words(ctx, opts.iflag, gnu ? GNU_FLAGS : ["skip_bytes", "fullblock"], "iflag");
    if (opts.bs !== undefined) ibs = obs = num(ctx, opts.bs);
    if (opts.count !== undefined) count = num(ctx, opts.count);
    if (opts.seek !== undefined) seek = num(ctx, opts.seek);
    if (opts.skip !== undefined) skip = num(ctx, opts.skip);
    if (opts.status !== undefined) status = [...words(ctx, opts.status, gnu ? ["none", "noxfer", "progress"] : ["none", "noxfer"], "status")][0]!;
    for (const k of ["bs", "ibs", "obs"]) {
      if (opts[k] === undefined || num(ctx, opts[k]!) >= 1) continue;
      throw new DdError(ctx.flavor === "gnu" ? `invalid number: '${opts[k]}'` : `number ${opts[k]} is not in 1..9223372036854775807 range`);
    }
  } catch (e) {
    if (!(e instanceof DdError)) throw e;
    fail(ctx, e.message);
    if (e.help) tryHelp(ctx);
    return 1;
  }
  const fs = ctx.state.fs;
  const inName = opts.if;
  const outName = opts.of;
  const want = count === undefined ? Infinity : count * ibs;
  const from = skip * (opts.iflag?.includes("skip_bytes") ? 1 : ibs);

  // The input, opened first as dd does.
  let input: Data;
  const dev = inName === undefined ? undefined : /^\/dev\/(zero|u?random)$/.exec(inName)?.[1];
  if (dev) {
    // An endless device with no count runs until the output is full or dd is stopped.
    if (want === Infinity) throw new NeverExits();
    input = device(dev === "zero" ? "zero" : "random", want);
  } else if (inName === undefined || inName === "-" || inName === "/dev/stdin") {
    input = slice({ text: toBytes(ctx.stdin.readAll()) }, from, from + want);
  } else if (inName === "/dev/null") {
    input = { text: "" };
  } else {
    const e = fs.stat(abs(ctx, inName));
    if (!e) {
      return cantOpen(ctx, inName, "No such file or directory");
    }
    if (e.type !== "file") {
      fail(ctx, ctx.flavor === "gnu" ? `error reading '${inName}': Is a directory` : `${inName}: Is a directory`);
      return 1;
    }
    input = slice(fileData(e), from, from + want);
  }

  const read = sizeOf(input);
  const inFull = Math.floor(read / ibs);
  const inPart = read % ibs ? 1 : 0;
  let data = input;
  // conv=sync pads the last short block with NULs.
  if (conv.has("sync") && inPart) {
    const padded = (inFull + 1) * ibs;
    data = "text" in data && padded <= KEEP_BYTES ? { text: data.text.padEnd(padded, "\0") } : { size: padded, zero: false };
  }
  const written = sizeOf(data);
  const [outFull, outPart] = ibs === obs && !conv.has("sync") ? [inFull, inPart] : [Math.floor(written / obs), written % obs ? 1 : 0];

  // The output: stdout, the bit bucket, or a file (created, truncated unless seek/notrunc).
  if (outName === undefined || outName === "-" || outName === "/dev/stdout") {
    const n = "text" in data ? data.text.length : Math.min(data.size, ctx.piped ? STDOUT_BYTES.piped : STDOUT_BYTES.log);
    if ("text" in data) ctx.io.out(fromBytes(data.text));
    else ctx.io.out(data.zero ? "\0".repeat(n) : n <= KEEP_BYTES ? randomBytes(ctx, n) : "\x8f".repeat(n));
  } else if (outName !== "/dev/null") {
    const p = abs(ctx, outName);
    const old = fs.stat(p);
    if (old?.type === "dir") {
      return cantOpen(ctx, outName, "Is a directory");
    }
    const at = seek * obs;
    const prev: Data = old?.type === "file" ? fileData(old) : { text: "" };
    // O_TRUNC without seek; ftruncate(seek * obs) with it; neither with conv=notrunc.
    const base = conv.has("notrunc") ? prev : seek ? slice(prev, 0, at) : { text: "" };
    const result = overlay(base, at, data, true);
    try {
      if ("text" in result) fs.writeFile(p, fromBytes(result.text));
      else fs.writeFile(p, "", { size: result.size });
    } catch (e) {
      return cantOpen(ctx, outName, errText(e, ctx.flavor));
    }
  }

  const seconds = duration(ctx, written, inName ?? "");
  ctx.state.advance(seconds * 1000);
  if (status === "none") return 0;
  ctx.io.err(`${inFull}+${inPart} records in\n${outFull}+${outPart} records out\n`);
  if (status === "noxfer") return 0;
  if (ctx.flavor === "gnu") ctx.io.err(gnuXferLine(written, seconds));
  else ctx.io.err(`${written} bytes (${humanSize(written)}B) copied, ${seconds.toFixed(6)} seconds, ${humanSize(Math.floor(written / seconds))}B/s\n`);
  return 0;
};

export const DD: Record<string, Applet> = { dd };
