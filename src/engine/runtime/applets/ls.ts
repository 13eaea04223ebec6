// ls, with busybox's fixed-width long format (coreutils/ls.c) and GNU's aligned columns.
import type { ContainerFs, FsEntry } from "../../fs/types.js";
import { type Applet, type CommandContext, abs, groupLines, parseFlags, passwdLines } from "./context.js";
import { badOption, fail } from "./util.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const HALF_YEAR = (365.2425 / 2) * 24 * 3600 * 1000;

export function entrySize(e: FsEntry, _fs: ContainerFs, _path: string): number {
  if (e.type === "dir") return 4096;
  if (e.type === "symlink") return new TextEncoder().encode(e.target).length;
  return e.size ?? new TextEncoder().encode(e.content).length;
}

export function modeString(e: FsEntry): string {
  if (e.type === "symlink") return "lrwxrwxrwx";
  const m = e.mode;
  const t = e.type === "dir" ? "d" : "-";
  const rwx = (bits: number, special: boolean, ch: string): string =>
    (bits & 4 ? "r" : "-") + (bits & 2 ? "w" : "-") + (special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? "x" : "-");
  return t + rwx((m >> 6) & 7, (m & 0o4000) !== 0, "s") + rwx((m >> 3) & 7, (m & 0o2000) !== 0, "s") + rwx(m & 7, (m & 0o1000) !== 0, "t");
}

export function ownerNames(ctx: CommandContext, e: FsEntry): { user: string; group: string; uid: number; gid: number } {
  const uid = e.type === "symlink" ? 0 : (e.uid ?? 0);
  const gid = e.type === "symlink" ? 0 : (e.gid ?? 0);
  const user = passwdLines(ctx.state.fs).find((l) => l[2] === String(uid))?.[0] ?? (uid === 0 ? "root" : String(uid));
  const group = groupLines(ctx.state.fs).find((l) => l[2] === String(gid))?.[0] ?? (gid === 0 ? "root" : String(gid));
  return { user, group, uid, gid };
}

function dateString(ms: number, now: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2);
  const recent = ms <= now + 60_000 && now - ms < HALF_YEAR;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

/** 1K blocks as `total` counts them: 4K filesystem blocks. */
function blocks(e: FsEntry, size: number): number {
  if (e.type === "symlink") return 0;
  return Math.ceil(size / 4096) * 4;
}

function humanSize(n: number): string {
  if (n < 1024) return String(n);
  const units = ["K", "M", "G", "T"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return v < 10 ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[i]}` : `${Math.ceil(v)}${units[i]}`;
}

interface Item {
  name: string;
  path: string;
  entry: FsEntry;
}

export const ls: Applet = (ctx) => {
  const { flags, operands } = parseFlags(ctx.argv.slice(1));
  for (const f of flags) if (!"laA1dhRrtSFinCspe".includes(f)) return badOption(ctx, f, ctx.flavor === "gnu" ? 2 : 1);
  const fs = ctx.state.fs;
  const long = flags.has("l") || flags.has("n");
  const now = ctx.state.proc.startTime + ctx.state.now;
  const columns = !long && !flags.has("1") && (ctx.state.proc.tty || flags.has("C")) && !ctx.piped;
  let st = 0;
  const files: Item[] = [];
  const dirs: Item[] = [];
  for (const op of operands.length ? operands : ["."]) {
    const p = abs(ctx, op);
    const e = fs.lstat(p);
    const followed = e?.type === "symlink" && !long && !flags.has("d") ? fs.stat(p) : e?.type === "symlink" && long && op.endsWith("/") ? fs.stat(p) : e;
    if (!e) {
      fail(ctx, ctx.flavor === "busybox" ? `${op}: No such file or directory` : `cannot access '${op}': No such file or directory`);
      st = ctx.flavor === "gnu" ? 2 : 1;
      continue;
    }
    const shown = followed ?? e;
    if (shown.type === "dir" && !flags.has("d")) dirs.push({ name: op, path: p, entry: shown });
    else files.push({ name: op, path: p, entry: e });
  }
  const sortItems = (items: Item[]): Item[] => {
    const out = [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (flags.has("t")) out.sort((a, b) => mtime(b.entry) - mtime(a.entry));
    if (flags.has("S")) out.sort((a, b) => entrySize(b.entry, fs, b.path) - entrySize(a.entry, fs, a.path));
    if (flags.has("r")) out.reverse();
    return out;
  };
  const mtime = (e: FsEntry): number => e.mtime ?? ctx.state.proc.startTime;
  const suffix = (e: FsEntry): string => {
    if (!flags.has("F")) return "";
    if (e.type === "dir") return "/";
    if (e.type === "symlink") return "@";
    return e.mode & 0o111 ? "*" : "";
  };
  const render = (items: Item[], withTotal: boolean): void => {
    if (long) {
      const rows = items.map((it) => {
        const e = it.entry;
        const size = entrySize(e, fs, it.path);
        const o = ownerNames(ctx, e);
        const nlink = e.type === "dir" ? 2 + safeDirs(fs, it.path) : 1;
        const name = it.name + (e.type === "symlink" ? ` -> ${e.target}` : suffix(e));
        return {
          mode: modeString(e),
          nlink: String(nlink),
          user: flags.has("n") ? String(o.uid) : o.user,
          group: flags.has("n") ? String(o.gid) : o.group,
          size: flags.has("h") ? humanSize(size) : String(size),
          date: dateString(mtime(e), now),
          name,
          blocks: blocks(e, size),
        };
      });
      if (withTotal) ctx.io.out(`total ${rows.reduce((a, r) => a + r.blocks, 0)}\n`);
      if (ctx.flavor === "busybox") {
        for (const r of rows) ctx.io.out(`${r.mode} ${r.nlink.padStart(4)} ${r.user.padEnd(8)} ${r.group.padEnd(8)} ${r.size.padStart(9)} ${r.date} ${r.name}\n`);
      } else {
        const w = (k: "nlink" | "user" | "group" | "size"): number => Math.max(0, ...rows.map((r) => r[k].length));
        const [wn, wu, wg, ws] = [w("nlink"), w("user"), w("group"), w("size")];
        for (const r of rows) ctx.io.out(`${r.mode} ${r.nlink.padStart(wn)} ${r.user.padEnd(wu)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.date} ${r.name}\n`);
      }
      return;
    }
    const names = items.map((it) => it.name + suffix(it.entry));
    if (!columns) {
      for (const n of names) ctx.io.out(n + "\n");
      return;
    }
    ctx.io.out(layoutColumns(names, 80, ctx.flavor === "busybox"));
  };
  const listDir = (d: Item, header: boolean, first: boolean): void => {
    if (header) ctx.io.out(`${first ? "" : "\n"}${d.name}:\n`);
    let names: string[];
    try {
      names = fs.readdir(d.path);
    } catch {
      return;
    }
    const all = flags.has("a") ? [".", "..", ...names] : flags.has("A") ? names : names.filter((n) => !n.startsWith("."));
    const items = sortItems(
      all.map((n) => {
        const p = n === "." ? d.path : n === ".." ? d.path.replace(/\/[^/]*$/, "") || "/" : d.path === "/" ? `/${n}` : `${d.path}/${n}`;
        return { name: n, path: p, entry: n === "." || n === ".." ? fs.stat(p)! : fs.lstat(p)! };
      }),
    );
    render(items, long);
    if (flags.has("R")) {
      for (const it of items) {
        if (it.entry.type === "dir" && it.name !== "." && it.name !== "..") {
          listDir({ name: d.name === "/" ? `/${it.name}` : `${d.name}/${it.name}`, path: it.path, entry: it.entry }, true, false);
        }
      }
    }
  };
  if (files.length) render(sortItems(files), false);
  const sortedDirs = sortItems(dirs);
  const headers = files.length > 0 || dirs.length > 1 || flags.has("R") || st !== 0;
  sortedDirs.forEach((d, i) => listDir(d, headers, i === 0 && files.length === 0));
  return st;
};

function safeDirs(fs: ContainerFs, path: string): number {
  try {
    return fs.readdir(path).filter((n) => fs.lstat(path === "/" ? `/${n}` : `${path}/${n}`)?.type === "dir").length;
  } catch {
    return 0;
  }
}

/** Fills columns top to bottom, as ls -C does; busybox gives every column the same width. */
function layoutColumns(names: string[], width: number, uniform: boolean): string {
  if (names.length === 0) return "";
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) {
      const col = names.slice(c * rows, (c + 1) * rows);
      if (col.length) widths.push(Math.max(...col.map((n) => n.length)) + 2);
    }
    if (uniform) widths.fill(Math.max(...names.map((n) => n.length)) + 2);
    const total = widths.reduce((a, b) => a + b, 0) - 2;
    if (total <= width || cols === 1) {
      let out = "";
      for (let r = 0; r < rows; r++) {
        const parts: string[] = [];
        for (let c = 0; c < widths.length; c++) {
          const n = names[c * rows + r];
          if (n === undefined) continue;
          parts.push(c === widths.length - 1 || names[(c + 1) * rows + r] === undefined ? n : n.padEnd(widths[c]!));
        }
        out += parts.join("") + "\n";
      }
      return out;
    }
  }
  return names.join("\n") + "\n";
}
