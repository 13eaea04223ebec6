// Small applets: echo printf env printenv hostname sleep true false yes seq basename dirname
// pwd id whoami uname.
import { basenameOf, dirnameOf } from "../../fs/path.js";
import { type Applet, type CommandContext, NeverExits, groupLines, passwdLines } from "./context.js";
import { KERNEL, badOption, fail, tryHelp, unescape } from "./util.js";

const echo: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0]!)) {
    const f = args.shift()!;
    if (f.includes("n")) newline = false;
    for (const ch of f.slice(1)) {
      if (ch === "e") escapes = true;
      if (ch === "E") escapes = false;
    }
  }
  let text = args.join(" ");
  if (escapes) {
    const r = unescape(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  ctx.io.out(text + (newline ? "\n" : ""));
  return 0;
};

function formatOne(spec: string, arg: string | undefined, ctx: CommandContext, bad: { failed: boolean }): string {
  const m = /^%([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([a-zA-Z%])$/.exec(spec)!;
  const flags = m[1]!;
  const width = m[2] ? Number(m[2]) : 0;
  const prec = m[3] !== undefined ? Number(m[3]) : undefined;
  const conv = m[4]!;
  let s: string;
  const num = (): number => {
    if (arg === undefined || arg === "") return 0;
    if (/^'./.test(arg) || /^"./.test(arg)) return arg.charCodeAt(1);
    const n = Number(arg);
    if (Number.isNaN(n)) {
      ctx.io.err(`${ctx.name}: ${ctx.flavor === "busybox" ? `invalid number '${arg}'` : `${arg}: invalid number`}\n`);
      bad.failed = true;
      return 0;
    }
    return n;
  };
  switch (conv) {
    case "s":
      s = arg ?? "";
      if (prec !== undefined) s = s.slice(0, prec);
      break;
    case "b":
      s = unescape(arg ?? "", false).text;
      break;
    case "c":
      s = (arg ?? "").slice(0, 1);
      break;
    case "d":
    case "i":
    case "u": {
      const n = Math.trunc(num());
      s = String(Math.abs(n));
      if (prec !== undefined) s = s.padStart(prec, "0");
      s = (n < 0 ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "") + s;
      break;
    }
    case "x":
    case "X":
    case "o": {
      const n = Math.trunc(num());
      s = n.toString(conv === "o" ? 8 : 16);
      if (conv === "X") s = s.toUpperCase();
      break;
    }
    case "f":
    case "F":
    case "e":
    case "g": {
      const n = num();
      s = conv === "e" ? n.toExponential(prec ?? 6) : conv === "g" ? String(Number(n.toPrecision(prec ?? 6))) : n.toFixed(prec ?? 6);
      if (n >= 0 && flags.includes("+")) s = "+" + s;
      break;
    }
    case "%":
      return "%";
    default:
      s = "";
  }
  if (s.length < width) {
    if (flags.includes("-")) s = s.padEnd(width);
    else if (flags.includes("0") && /[dioxXfeg]/.test(conv)) {
      const sign = /^[-+ ]/.test(s) ? s[0]! : "";
      s = sign + s.slice(sign.length).padStart(width - sign.length, "0");
    } else s = s.padStart(width);
  }
  return s;
}

const printf: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === "--") args.shift();
  const format = args.shift();
  if (format === undefined) {
    if (ctx.shell === "bash") {
      fail(ctx, "usage: printf [-v var] format [arguments]");
      return 2;
    }
    if (ctx.flavor === "busybox") fail(ctx, "missing operand"); // busybox prints its usage here
    else {
      fail(ctx, "missing operand");
      tryHelp(ctx);
    }
    return 1;
  }
  const bad = { failed: false };
  let out = "";
  const specRe = /%[-+ #0]*(?:\d+|\*)?(?:\.\d+)?[a-zA-Z%]/g;
  do {
    let consumed = 0;
    let last = 0;
    const fmt = format;
    let stop = false;
    for (const m of fmt.matchAll(specRe)) {
      const lit = unescape(fmt.slice(last, m.index), false);
      out += lit.text;
      if (lit.stop) {
        stop = true;
        break;
      }
      last = m.index! + m[0].length;
      if (m[0] === "%%") {
        out += "%";
        continue;
      }
      let spec = m[0];
      if (spec.includes("*")) spec = spec.replace("*", String(Number(args.shift() ?? 0)));
      out += formatOne(spec, args.shift(), ctx, bad);
      consumed++;
    }
    if (stop) break;
    out += unescape(fmt.slice(last), false).text;
    if (consumed === 0) break;
  } while (args.length > 0);
  ctx.io.out(out);
  return bad.failed ? 1 : 0;
};

const env: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  let vars: Record<string, string> = { ...ctx.env };
  while (args.length > 0) {
    const a = args[0]!;
    if (a === "-i" || a === "-") {
      vars = {};
      args.shift();
    } else if (a === "-u") {
      args.shift();
      delete vars[args.shift() ?? ""];
    } else if (a === "--") {
      args.shift();
      break;
    } else if (a.startsWith("-") && a.length > 1) {
      return badOption(ctx, a[1]!, 125);
    } else break;
  }
  while (args.length > 0 && /^[^=]+=/.test(args[0]!)) {
    const a = args.shift()!;
    const eq = a.indexOf("=");
    vars[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (args.length === 0) {
    ctx.io.out(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(""));
    return 0;
  }
  const r = ctx.exec(args, { env: vars, cwd: ctx.cwd, stdin: ctx.stdin, io: ctx.io, piped: ctx.piped, ppid: ctx.shellPid });
  if (r.ok) return r.code;
  if (ctx.flavor === "busybox") fail(ctx, `can't execute '${args[0]}': ${r.reason === "permission-denied" ? "Permission denied" : "No such file or directory"}`);
  else fail(ctx, `'${args[0]}': ${r.reason === "permission-denied" ? "Permission denied" : "No such file or directory"}`);
  return r.reason === "permission-denied" ? 126 : 127;
};

const printenv: Applet = (ctx) => {
  const names = ctx.argv.slice(1);
  if (names.length === 0) {
    ctx.io.out(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(""));
    return 0;
  }
  let st = 0;
  for (const n of names) {
    if (n in ctx.env) ctx.io.out(ctx.env[n] + "\n");
    else st = 1;
  }
  return st;
};

const hostname: Applet = (ctx) => {
  ctx.io.out(ctx.state.proc.hostname + "\n");
  return 0;
};

/** Seconds of one sleep operand ("1.5", "2m", "1h", "1d"); NaN when invalid. */
function duration(arg: string): number {
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return NaN;
  const mult = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]!]!;
  return Number(m[1]) * mult;
}

const sleep: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    fail(ctx, "missing operand");
    tryHelp(ctx);
    return 1;
  }
  let total = 0;
  for (const a of args) {
    if (a === "inf" || a === "infinity") throw new NeverExits();
    const s = duration(a);
    if (Number.isNaN(s)) {
      fail(ctx, ctx.flavor === "busybox" ? `invalid number '${a}'` : `invalid time interval '${a}'`);
      tryHelp(ctx);
      return 1;
    }
    total += s;
  }
  ctx.state.advance(total * 1000);
  return 0;
};

const yes: Applet = (ctx) => {
  const text = (ctx.argv.length > 1 ? ctx.argv.slice(1).join(" ") : "y") + "\n";
  // Bounded: a pipe reader sees plenty; on a terminal or log it never ends.
  ctx.io.out(text.repeat(ctx.piped ? 10_000 : 1_000));
  if (!ctx.piped) throw new NeverExits();
  return 0;
};

const seq: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  let sep = "\n";
  let width = false;
  while (args[0]?.startsWith("-") && !/^-\d/.test(args[0])) {
    const a = args.shift()!;
    if (a === "-s") sep = args.shift() ?? "\n";
    else if (a === "-w") width = true;
  }
  const nums = args.map(Number);
  if (args.length === 0 || args.length > 3 || nums.some(Number.isNaN)) {
    if (args.length === 0) fail(ctx, "missing operand");
    else fail(ctx, `invalid floating point argument: '${args[nums.findIndex(Number.isNaN)] ?? args[3]}'`);
    tryHelp(ctx);
    return 1;
  }
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
  const decimals = Math.max(...args.slice(0, args.length === 3 ? 2 : 1).map((a) => (a.split(".")[1] ?? "").length));
  const out: string[] = [];
  if (step !== 0) {
    for (let i = 0, v = first; step > 0 ? v <= last + 1e-9 : v >= last - 1e-9; i++, v = first + i * step) {
      out.push(v.toFixed(decimals));
      if (out.length > 100_000) break;
    }
  }
  const w = width ? Math.max(...out.map((s) => s.length)) : 0;
  if (out.length) ctx.io.out(out.map((s) => s.padStart(w, "0")).join(sep) + "\n");
  return 0;
};

const basename: Applet = (ctx) => {
  const [path, suffix] = ctx.argv.slice(1);
  if (path === undefined) {
    fail(ctx, "missing operand");
    tryHelp(ctx);
    return 1;
  }
  let b = path === "" ? "" : basenameOf(path);
  if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
  ctx.io.out(b + "\n");
  return 0;
};

const dirname: Applet = (ctx) => {
  const path = ctx.argv[1];
  if (path === undefined) {
    fail(ctx, "missing operand");
    tryHelp(ctx);
    return 1;
  }
  const trimmed = path.replace(/(.)\/+$/, "$1");
  ctx.io.out((trimmed.includes("/") ? dirnameOf(trimmed) : ".") + "\n");
  return 0;
};

const pwd: Applet = (ctx) => {
  ctx.io.out(ctx.cwd + "\n");
  return 0;
};

export interface UserIdentity {
  uid: number;
  gid: number;
  name?: string;
  group?: string;
  groups: Array<{ gid: number; name: string }>;
}

/** Resolves ctx user ("", name, uid, uid:gid) against /etc/passwd and /etc/group. */
export function identity(ctx: CommandContext, user?: string): UserIdentity | { unknown: string } {
  const spec = user ?? (ctx.state.proc.user || "0");
  const [u, g] = spec.split(":");
  const passwd = passwdLines(ctx.state.fs);
  const groups = groupLines(ctx.state.fs);
  let entry = passwd.find((l) => l[0] === u) ?? passwd.find((l) => l[2] === u);
  if (!entry && (u === "0" || u === "root")) entry = ["root", "x", "0", "0"];
  if (!entry && !/^\d+$/.test(u ?? "")) return { unknown: u ?? "" };
  const uid = entry ? Number(entry[2]) : Number(u);
  const gid = g !== undefined ? Number(groups.find((l) => l[0] === g)?.[2] ?? g) : entry ? Number(entry[3]) : uid;
  const gname = groups.find((l) => l[2] === String(gid))?.[0] ?? (gid === 0 ? "root" : undefined);
  const list: Array<{ gid: number; name: string }> = [];
  if (gname) list.push({ gid, name: gname });
  const name = entry?.[0];
  if (name) {
    for (const l of groups) {
      const members = (l[3] ?? "").split(",");
      if (members.includes(name) && Number(l[2]) !== gid) list.push({ gid: Number(l[2]), name: l[0]! });
    }
  }
  return { uid, gid, name, group: gname, groups: list };
}

const id: Applet = (ctx) => {
  // `id USER` reports that user from /etc/passwd instead of the caller.
  const operand = ctx.argv.slice(1).find((a) => !a.startsWith("-"));
  const known = operand === undefined || passwdLines(ctx.state.fs).some((l) => l[0] === operand || l[2] === operand);
  const who = known ? identity(ctx, operand) : { unknown: operand };
  if ("unknown" in who) {
    fail(ctx, ctx.flavor === "busybox" ? `unknown user ${who.unknown}` : `'${who.unknown}': no such user`);
    return 1;
  }
  const flag = ctx.argv.slice(1).find((a) => a.startsWith("-"));
  if (flag === "-u") ctx.io.out(`${who.uid}\n`);
  else if (flag === "-g") ctx.io.out(`${who.gid}\n`);
  else if (flag === "-un" || flag === "-nu") ctx.io.out(`${who.name ?? who.uid}\n`);
  else if (flag === "-G") ctx.io.out(`${(who.groups.length ? who.groups.map((g) => g.gid) : [who.gid]).join(" ")}\n`);
  else {
    const n = (v: number, name?: string): string => (name ? `${v}(${name})` : `${v}`);
    const groups = who.groups.length ? `groups=${who.groups.map((g) => n(g.gid, g.name)).join(",")}` : ctx.flavor === "gnu" ? `groups=${who.gid}` : "";
    ctx.io.out(`uid=${n(who.uid, who.name)} gid=${n(who.gid, who.group)}${groups ? " " + groups : ""}\n`);
  }
  return 0;
};

const whoami: Applet = (ctx) => {
  const who = identity(ctx);
  if ("unknown" in who || !who.name) {
    const uid = "unknown" in who ? who.unknown : who.uid;
    fail(ctx, ctx.flavor === "busybox" ? `unknown uid ${uid}` : `cannot find name for user ID ${uid}`);
    return 1;
  }
  ctx.io.out(who.name + "\n");
  return 0;
};

const uname: Applet = (ctx) => {
  const flags = new Set(ctx.argv.slice(1).flatMap((a) => (a.startsWith("-") ? [...a.slice(1)] : [])));
  for (const f of flags) if (!"asnrvmpio".includes(f)) return badOption(ctx, f);
  const all = flags.has("a");
  const parts: string[] = [];
  if (all || flags.has("s") || flags.size === 0) parts.push(KERNEL.sysname);
  if (all || flags.has("n")) parts.push(ctx.state.proc.hostname);
  if (all || flags.has("r")) parts.push(KERNEL.release);
  if (all || flags.has("v")) parts.push(KERNEL.version);
  if (all || flags.has("m")) parts.push(KERNEL.machine);
  if (!all && flags.has("p")) parts.push(ctx.flavor === "busybox" ? "unknown" : "unknown");
  if (!all && flags.has("i")) parts.push("unknown");
  if (all || flags.has("o")) parts.push("GNU/Linux");
  ctx.io.out(parts.join(" ") + "\n");
  return 0;
};

export const BASIC: Record<string, Applet> = {
  echo,
  printf,
  env,
  printenv,
  hostname,
  sleep,
  true: () => 0,
  false: () => 1,
  yes,
  seq,
  basename,
  dirname,
  pwd,
  id,
  whoami,
  uname,
};
