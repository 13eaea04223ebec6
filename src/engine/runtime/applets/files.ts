// File applets: cat touch mkdir rm rmdir cp mv ln chmod stat du df.
import type { ContainerFs, FsEntry } from "../../fs/types.js";
import { basenameOf, dirnameOf } from "../../fs/path.js";
import { type Applet, type CommandContext, abs, errText, parseFlags } from "./context.js";
import { CANT_OPEN, badOption, fail, readInputs, tryHelp, unknownFlag, wallNow } from "./util.js";
import { entrySize, modeString, ownerNames } from "./ls.js";

const cat: Applet = (ctx) => {
  const { flags, operands } = parseFlags(ctx.argv.slice(1));
  const bad = unknownFlag(flags, "nAbeEstTuv");
  if (bad) return badOption(ctx, bad);
  let failed = false;
  const files = operands.length ? operands : ["-"];
  for (const f of files) {
    let text: string;
    if (f === "-") text = ctx.stdin.readAll();
    else {
      const p = abs(ctx, f);
      if (ctx.state.fs.stat(p)?.type === "dir") {
        fail(ctx, ctx.flavor === "busybox" ? "read error: Is a directory" : `${f}: Is a directory`);
        failed = true;
        continue;
      }
      const r = readInputs(ctx, [f], CANT_OPEN);
      if (r.failed) {
        failed = true;
        continue;
      }
      text = r.texts[0]!.text;
    }
    if (flags.has("n")) {
      const ls = text.split("\n");
      const trailing = ls[ls.length - 1] === "";
      if (trailing) ls.pop();
      text = ls.map((l, i) => `${String(i + 1).padStart(6)}\t${l}`).join("\n") + (trailing ? "\n" : "");
    }
    ctx.io.out(text);
  }
  return failed ? 1 : 0;
};

const touch: Applet = (ctx) => {
  const { flags, operands } = parseFlags(ctx.argv.slice(1), "dtr");
  if (operands.length === 0) {
    fail(ctx, "missing file operand");
    tryHelp(ctx);
    return 1;
  }
  let st = 0;
  for (const f of operands) {
    const p = abs(ctx, f);
    try {
      const fs = ctx.state.fs as ContainerFs & { utime?: (p: string, t: number) => void };
      if (fs.stat(p)) {
        if (fs.utime) fs.utime(p, wallNow(ctx));
        else if (fs.stat(p)!.type === "file") fs.writeFile(p, "", { append: true });
      } else if (!flags.has("c")) fs.writeFile(p, "");
    } catch (e) {
      const why = errText(e, ctx.flavor);
      fail(ctx, ctx.flavor === "busybox" ? `${f}: ${why}` : `cannot touch '${f}': ${why}`);
      st = 1;
    }
  }
  return st;
};

const mkdir: Applet = (ctx) => {
  const { flags, values, operands } = parseFlags(ctx.argv.slice(1), "m");
  const bad = unknownFlag(flags, "pv");
  if (bad) return badOption(ctx, bad);
  if (operands.length === 0) {
    fail(ctx, "missing operand");
    tryHelp(ctx);
    return 1;
  }
  const mode = values.m && /^[0-7]+$/.test(values.m) ? parseInt(values.m, 8) : undefined;
  let st = 0;
  for (const d of operands) {
    try {
      ctx.state.fs.mkdir(abs(ctx, d), { parents: flags.has("p"), mode });
      if (flags.has("v")) ctx.io.out(ctx.flavor === "gnu" ? `mkdir: created directory '${d}'\n` : `created directory: '${d}'\n`);
    } catch (e) {
      const why = errText(e, ctx.flavor);
      fail(ctx, `${ctx.flavor === "busybox" ? "can't" : "cannot"} create directory '${d}': ${why}`);
      st = 1;
    }
  }
  return st;
};

const rm: Applet = (ctx) => {
  const { flags, operands } = parseFlags(ctx.argv.slice(1));
  const bad = unknownFlag(flags, "rRfivd");
  if (bad) return badOption(ctx, bad);
  const force = flags.has("f");
  const recursive = flags.has("r") || flags.has("R");
  if (operands.length === 0 && !force) {
    fail(ctx, "missing operand");
    tryHelp(ctx);
    return 1;
  }
  let st = 0;
  const fs = ctx.state.fs;
  for (const f of operands) {
    const p = abs(ctx, f);
    const e = fs.lstat(p);
    if (!e) {
      if (!force) {
        fail(ctx, `${ctx.flavor === "busybox" ? "can't" : "cannot"} remove '${f}': No such file or directory`);
        st = 1;
      }
      continue;
    }
    if (e.type === "dir" && !recursive && !flags.has("d")) {
      fail(ctx, ctx.flavor === "busybox" ? `'${f}' is a directory` : `cannot remove '${f}': Is a directory`);
      st = 1;
      continue;
    }
    if (ctx.flavor === "gnu" && recursive && (p === "/" || f === "/")) {
      fail(ctx, "it is dangerous to operate recursively on '/'");
      fail(ctx, "use --no-preserve-root to override this failsafe");
      st = 1;
      continue;
    }
    try {
      fs.remove(p, { recursive });
      if (flags.has("v")) ctx.io.out(ctx.flavor === "gnu" ? `removed '${f}'\n` : `removed '${f}'\n`);
    } catch (err) {
      const why = errText(err, ctx.flavor);
      fail(ctx, `${ctx.flavor === "busybox" ? "can't" : "cannot"} remove '${f}': ${why}`);
      st = 1;
    }
  }
  return st;
};

const rmdir: Applet = (ctx) => {
  const { flags, operands } = parseFlags(ctx.argv.slice(1));
  if (operands.length === 0) {
    fail(ctx, "missing operand");
    tryHelp(ctx);
    return 1;
  }
  let st = 0;
  for (const d of operands) {
    const p = abs(ctx, d);
    const e = ctx.state.fs.stat(p);
    try {
      if (!e) ctx.state.fs.readdir(p);
      else if (e.type !== "dir") throw Object.assign(new Error(), { code: "ENOTDIR" });
      else {
        ctx.state.fs.remove(p);
        if (flags.has("p")) {
          for (let up = dirnameOf(p); up !== "/" && ctx.state.fs.readdir(up).length === 0; up = dirnameOf(up)) ctx.state.fs.remove(up);
        }
      }
    } catch (err) {
      const why = (err as { code?: string }).code === "ENOTDIR" ? "Not a directory" : errText(err, ctx.flavor);
      fail(ctx, ctx.flavor === "busybox" ? `'${d}': ${why}` : `failed to remove '${d}': ${why}`);
      st = 1;
    }
  }
  return st;
};

/** Copies `from` (an entry and, for a directory, its tree) to `to`. */
function copyTree(fs: ContainerFs, from: string, to: string, entry: FsEntry, preserveLinks: boolean): void {
  if (entry.type === "symlink" && preserveLinks) {
    fs.symlink(entry.target, to);
    return;
  }
  const real = entry.type === "symlink" ? fs.stat(from) : entry;
  if (!real) return;
  if (real.type === "dir") {
    if (!fs.stat(to)) fs.mkdir(to, { mode: real.mode });
    for (const name of fs.readdir(from)) copyTree(fs, `${from}/${name}`, `${to}/${name}`, fs.lstat(`${from}/${name}`)!, preserveLinks);
    return;
  }
  if (real.type === "file") fs.writeFile(to, fs.readFile(from), { mode: real.mode });
}

function copyOrMove(ctx: CommandContext, move: boolean): number {
  const { flags, operands } = parseFlags(ctx.argv.slice(1));
  const bad = unknownFlag(flags, move ? "finTuv" : "rRafpPdLHvinsTu");
  if (bad) return badOption(ctx, bad);
  const fs = ctx.state.fs;
  if (operands.length < 2) {
    if (operands.length === 0) fail(ctx, "missing file operand");
    else fail(ctx, `missing destination file operand after '${operands[0]}'`);
    tryHelp(ctx);
    return 1;
  }
  const dest = operands[operands.length - 1]!;
  const sources = operands.slice(0, -1);
  const destPath = abs(ctx, dest);
  const destIsDir = fs.stat(destPath)?.type === "dir";
  if (sources.length > 1 && !destIsDir) {
    fail(ctx, ctx.flavor === "busybox" ? `'${dest}' is not a directory` : `target '${dest}': Not a directory`);
    return 1;
  }
  const recursive = flags.has("r") || flags.has("R") || flags.has("a");
  let st = 0;
  for (const src of sources) {
    const sp = abs(ctx, src);
    const e = fs.lstat(sp);
    const target = destIsDir ? `${destPath === "/" ? "" : destPath}/${basenameOf(sp)}` : destPath;
    if (!e) {
      const why = "No such file or directory";
      if (move) fail(ctx, ctx.flavor === "busybox" ? `can't rename '${src}': ${why}` : `cannot stat '${src}': ${why}`);
      else fail(ctx, ctx.flavor === "busybox" ? `can't stat '${src}': ${why}` : `cannot stat '${src}': ${why}`);
      st = 1;
      continue;
    }
    try {
      if (move) {
        fs.rename(sp, target);
        continue;
      }
      if (e.type === "dir" && !recursive) {
        fail(ctx, ctx.flavor === "busybox" ? `omitting directory '${src}'` : `-r not specified; omitting directory '${src}'`);
        st = 1;
        continue;
      }
      copyTree(fs, sp, target, e, recursive && !flags.has("L"));
    } catch (err) {
      const why = errText(err, ctx.flavor);
      if (move) fail(ctx, ctx.flavor === "busybox" ? `can't rename '${src}': ${why}` : `cannot move '${src}' to '${dest}': ${why}`);
      else fail(ctx, ctx.flavor === "busybox" ? `can't create '${target}': ${why}` : `cannot create regular file '${dest}': ${why}`);
      st = 1;
    }
  }
  return st;
}

const ln: Applet = (ctx) => {
  const { flags, operands } = parseFlags(ctx.argv.slice(1));
  const fs = ctx.state.fs;
  if (operands.length === 0) {
    fail(ctx, "missing file operand");
    tryHelp(ctx);
    return 1;
  }
  const target = operands[0]!;
  const link = operands[1] ?? basenameOf(target);
  let lp = abs(ctx, link);
  if (fs.stat(lp)?.type === "dir" && !flags.has("n")) lp = `${lp}/${basenameOf(target)}`;
  try {
    if (flags.has("f") && fs.lstat(lp)) fs.remove(lp);
    if (flags.has("s")) fs.symlink(target, lp);
    else {
      const e = fs.stat(abs(ctx, target));
      if (!e) {
        // A missing source is named, not the link (coreutils/ln.c stats it first).
        fail(ctx, ctx.flavor === "busybox" ? `${target}: No such file or directory` : `failed to access '${target}': No such file or directory`);
        return 1;
      }
      if (e.type === "file") fs.writeFile(lp, e.content, { mode: e.mode });
    }
  } catch (err) {
    const why = errText(err, ctx.flavor);
    if (ctx.flavor === "busybox") fail(ctx, `${link}: ${why}`);
    else fail(ctx, `failed to create ${flags.has("s") ? "symbolic" : "hard"} link '${link}': ${why}`);
    return 1;
  }
  return 0;
};

function applyMode(spec: string, old: number, isDir: boolean): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = old;
  for (const clause of spec.split(",")) {
    const m = /^([ugoa]*)([+=-])([rwxXst]*)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] || "a";
    let bits = 0;
    for (const p of m[3]!) {
      if (p === "r") bits |= 0o444;
      if (p === "w") bits |= 0o222;
      if (p === "x" || (p === "X" && (isDir || old & 0o111))) bits |= 0o111;
    }
    let mask = 0;
    if (who.includes("u") || who.includes("a")) mask |= 0o700;
    if (who.includes("g") || who.includes("a")) mask |= 0o070;
    if (who.includes("o") || who.includes("a")) mask |= 0o007;
    bits &= mask;
    if (m[2] === "+") mode |= bits;
    else if (m[2] === "-") mode &= ~bits;
    else mode = (mode & ~mask) | bits;
  }
  return mode;
}

const chmod: Applet = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => a !== "-R" && a !== "-v" && a !== "-f");
  const recursive = ctx.argv.includes("-R");
  const [spec, ...files] = args;
  if (!spec || files.length === 0) {
    fail(ctx, spec ? `missing operand after '${spec}'` : "missing operand");
    tryHelp(ctx);
    return 1;
  }
  const fs = ctx.state.fs as ContainerFs & { chmod?: (p: string, m: number) => void };
  let st = 0;
  const apply = (p: string, shown: string): void => {
    const e = fs.stat(p);
    if (!e) {
      fail(ctx, ctx.flavor === "busybox" ? `${shown}: No such file or directory` : `cannot access '${shown}': No such file or directory`);
      st = 1;
      return;
    }
    if (e.type === "symlink") return;
    const mode = applyMode(spec, e.mode, e.type === "dir");
    if (mode === undefined) {
      fail(ctx, ctx.flavor === "busybox" ? `invalid mode '${spec}'` : `invalid mode: '${spec}'`);
      st = 1;
      return;
    }
    try {
      if (fs.chmod) fs.chmod(p, mode);
      else if (e.type === "file") fs.writeFile(p, e.content, { mode });
    } catch (err) {
      fail(ctx, ctx.flavor === "busybox" ? `${shown}: ${errText(err, ctx.flavor)}` : `changing permissions of '${shown}': ${errText(err, ctx.flavor)}`);
      st = 1;
    }
    if (recursive && e.type === "dir") for (const n of fs.readdir(p)) apply(`${p}/${n}`, `${shown}/${n}`);
  };
  for (const f of files) apply(abs(ctx, f), f);
  return st;
};

const stat: Applet = (ctx) => {
  const { flags, values, operands } = parseFlags(ctx.argv.slice(1), "cf");
  const fs = ctx.state.fs;
  if (operands.length === 0) {
    fail(ctx, "missing operand");
    tryHelp(ctx);
    return 1;
  }
  let st = 0;
  for (const f of operands) {
    const p = abs(ctx, f);
    const e = flags.has("L") ? fs.stat(p) : fs.lstat(p);
    if (!e) {
      fail(ctx, ctx.flavor === "busybox" ? `can't stat '${f}': No such file or directory` : `cannot statx '${f}': No such file or directory`);
      st = 1;
      continue;
    }
    const size = entrySize(e, fs, p);
    const { user, group, uid, gid } = ownerNames(ctx, e);
    const mode = modeString(e);
    const octal = ((e.type === "symlink" ? 0o777 : e.mode) & 0o7777).toString(8).padStart(4, "0");
    if (values.c !== undefined) {
      const map: Record<string, string> = { n: f, s: String(size), a: octal.replace(/^0/, ""), A: mode, U: user, G: group, u: String(uid), g: String(gid), F: kind(e, size) };
      ctx.io.out(values.c.replace(/%(.)/g, (_m, c: string) => map[c] ?? `%${c}`) + "\n");
      continue;
    }
    const t = new Date(e.mtime ?? ctx.state.proc.startTime).toISOString().replace("T", " ").replace("Z", "");
    const stamp = `${t.slice(0, 19)}.${t.slice(20, 23)}000000 +0000`;
    const name = e.type === "symlink" ? `'${f}' -> '${e.target}'` : f;
    ctx.io.out(
      `  File: ${ctx.flavor === "gnu" ? name : name.replace(/'/g, "")}\n` +
        `  Size: ${String(size).padEnd(15)} Blocks: ${String(Math.ceil(size / 4096) * 8).padEnd(10)} IO Block: 4096   ${kind(e, size)}\n` +
        `Device: 0,${ctx.flavor === "gnu" ? "64" : "64"}\tInode: ${inode(p)}     Links: ${e.type === "dir" ? 2 : 1}\n` +
        `Access: (${octal}/${mode})  Uid: (${String(uid).padStart(5)}/${user.padStart(8)})   Gid: (${String(gid).padStart(5)}/${group.padStart(8)})\n` +
        `Access: ${stamp}\nModify: ${stamp}\nChange: ${stamp}\n` +
        (ctx.flavor === "gnu" ? ` Birth: -\n` : ""),
    );
  }
  return st;
};

function kind(e: FsEntry, size: number): string {
  if (e.type === "dir") return "directory";
  if (e.type === "symlink") return "symbolic link";
  return size === 0 ? "regular empty file" : "regular file";
}

function inode(path: string): number {
  let h = 7;
  for (const c of path) h = (h * 31 + c.charCodeAt(0)) % 1_000_000;
  return 100_000 + h;
}

/** Apparent disk usage in 1K blocks, like du: files round up to 4K blocks. */
function usage(fs: ContainerFs, p: string, e: FsEntry, onDir?: (p: string, kb: number) => void): number {
  if (e.type === "symlink") return 0;
  if (e.type === "file") return Math.ceil(entrySize(e, fs, p) / 4096) * 4;
  let kb = 4;
  for (const n of fs.readdir(p)) {
    const child = p === "/" ? `/${n}` : `${p}/${n}`;
    kb += usage(fs, child, fs.lstat(child)!, onDir);
  }
  onDir?.(p, kb);
  return kb;
}

function human(kb: number): string {
  const units = ["K", "M", "G", "T"];
  let v = kb;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (i === 0 && kb < 1024) return kb === 0 ? "0" : `${kb}.0K`.replace(/^(\d{2,})\.0K$/, "$1K");
  return v < 10 ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[i]}` : `${Math.ceil(v)}${units[i]}`;
}

const du: Applet = (ctx) => {
  const { flags, operands } = parseFlags(ctx.argv.slice(1), "d");
  const fs = ctx.state.fs;
  const fmt = (kb: number): string => (flags.has("h") ? human(kb) : String(kb));
  let st = 0;
  for (const f of operands.length ? operands : ["."]) {
    const p = abs(ctx, f);
    const e = fs.lstat(p);
    if (!e) {
      fail(ctx, ctx.flavor === "busybox" ? `${f}: No such file or directory` : `cannot access '${f}': No such file or directory`);
      st = 1;
      continue;
    }
    const rel = (q: string): string => (q === p ? f : f.replace(/\/$/, "") + q.slice(p === "/" ? 0 : p.length));
    const total = usage(fs, p, e, flags.has("s") ? undefined : (d, kb) => d !== p && ctx.io.out(`${fmt(kb)}\t${rel(d)}\n`));
    ctx.io.out(`${fmt(total)}\t${f}\n`);
  }
  return st;
};

const df: Applet = (ctx) => {
  const h = ctx.argv.includes("-h");
  const total = 61_255_492;
  const used = 9_876_544;
  const avail = total - used - 3_128_684;
  const pct = `${Math.ceil((used / (used + avail)) * 100)}%`;
  const rows: string[][] = [
    ["overlay", total, used, avail, pct, "/"],
    ["tmpfs", 65536, 0, 65536, "0%", "/dev"],
    ["shm", 65536, 0, 65536, "0%", "/dev/shm"],
    ["/dev/sda1", total, used, avail, pct, "/etc/hosts"],
  ].map((r) => r.map((c) => (typeof c === "number" ? (h ? human(c) : String(c)) : c)));
  const operands = ctx.argv.slice(1).filter((a) => !a.startsWith("-"));
  let shown = rows;
  let status = 0;
  if (operands.length > 0) {
    shown = [];
    for (const o of operands) {
      const p = abs(ctx, o);
      if (!ctx.state.fs.stat(p)) {
        // Both df's print perror(path) and go on (coreutils/df.c).
        fail(ctx, `${o}: No such file or directory`);
        status = 1;
        continue;
      }
      const row = [...rows].reverse().find((r) => r[5] === "/" || p === r[5] || p.startsWith(`${r[5]}/`));
      if (row) shown.push(row);
    }
    if (shown.length === 0) return status;
  }
  if (ctx.flavor === "busybox") {
    ctx.io.out(`Filesystem           ${h ? "     Size      Used Available" : "1K-blocks      Used Available"} Use% Mounted on\n`);
    for (const r of shown) ctx.io.out(`${r[0]!.padEnd(20)} ${r[1]!.padStart(9)} ${r[2]!.padStart(9)} ${r[3]!.padStart(9)} ${r[4]!.padStart(4)} ${r[5]}\n`);
  } else {
    ctx.io.out(`Filesystem     ${h ? " Size  Used Avail" : "1K-blocks    Used Available"} Use% Mounted on\n`);
    for (const r of shown) ctx.io.out(`${r[0]!.padEnd(14)} ${r[1]!.padStart(h ? 5 : 9)} ${r[2]!.padStart(h ? 5 : 7)} ${r[3]!.padStart(h ? 5 : 9)} ${r[4]!.padStart(4)} ${r[5]}\n`);
  }
  return status;
};

export const FILES: Record<string, Applet> = {
  cat,
  touch,
  mkdir,
  rm,
  rmdir,
  cp: (ctx) => copyOrMove(ctx, false),
  mv: (ctx) => copyOrMove(ctx, true),
  ln,
  chmod,
  stat,
  du,
  df,
};

export { human };
