// find xargs which test/[ expr.
import type { FsEntry } from "../../fs/types.js";
import { globToRegex } from "../shell/pattern.js";
import { type Applet, type CommandContext, abs } from "./context.js";
import { fail, lines } from "./util.js";
import { findOnPath } from "./which.js";

const which: Applet = (ctx) => {
  // Nothing to look up: busybox prints its usage, Debian's which just fails.
  if (ctx.argv.slice(1).filter((a) => a !== "-a").length === 0) return 1;
  let st = 0;
  const all = ctx.argv.includes("-a");
  for (const n of ctx.argv.slice(1).filter((a) => a !== "-a")) {
    const p = n.includes("/") ? (ctx.state.fs.stat(abs(ctx, n))?.type === "file" ? n : undefined) : findOnPath(ctx.state.fs, n, ctx.env.PATH);
    if (p) ctx.io.out(p + "\n");
    else st = 1;
    void all;
  }
  return st;
};

/** test / [ : POSIX expression evaluation (shell builtins share it). */
const test: Applet = (ctx) => {
  let args = ctx.argv.slice(1);
  const words = testWords(ctx);
  if (ctx.name === "[") {
    if (args[args.length - 1] !== "]") {
      fail(ctx, words.missing);
      return 2;
    }
    args = args.slice(0, -1);
  }
  const fs = ctx.state.fs;
  const fileTest = (op: string, f: string): boolean => {
    const p = abs(ctx, f);
    const e = op === "-h" || op === "-L" ? fs.lstat(p) : fs.stat(p);
    switch (op) {
      case "-e":
        return !!e;
      case "-f":
        return e?.type === "file";
      case "-d":
        return e?.type === "dir";
      case "-h":
      case "-L":
        return e?.type === "symlink";
      case "-s":
        return e?.type === "file" ? (e.size ?? e.content.length) > 0 : !!e && e.type !== "symlink";
      case "-r":
      case "-w":
        return !!e;
      case "-x":
        return !!e && e.type !== "symlink" && (e.mode & 0o111) !== 0;
      case "-p":
      case "-S":
      case "-b":
      case "-c":
        return false;
    }
    return false;
  };
  const unaryOps = ["-e", "-f", "-d", "-h", "-L", "-s", "-r", "-w", "-x", "-p", "-S", "-b", "-c", "-n", "-z", "-t"];
  let pos = 0;
  const bad = (msg: string): never => {
    throw new TestError(msg);
  };
  const intOf = (s: string): number => {
    if (!/^\s*-?\d+\s*$/.test(s)) bad(words.number(s));
    return Number(s);
  };
  const primary = (): boolean => {
    const a = args[pos];
    if (a === undefined) return bad("argument expected");
    if (a === "!") {
      pos++;
      return !primary();
    }
    if (a === "(" ) {
      pos++;
      const v = orExpr();
      if (args[pos] !== ")") bad("')' expected");
      pos++;
      return v;
    }
    const next = args[pos + 1];
    if (next !== undefined && ["=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">"].includes(next) && args[pos + 2] !== undefined) {
      const b = args[pos + 2]!;
      pos += 3;
      switch (next) {
        case "=":
        case "==":
          return a === b;
        case "!=":
          return a !== b;
        case "<":
          return a < b;
        case ">":
          return a > b;
        case "-eq":
          return intOf(a) === intOf(b);
        case "-ne":
          return intOf(a) !== intOf(b);
        case "-lt":
          return intOf(a) < intOf(b);
        case "-le":
          return intOf(a) <= intOf(b);
        case "-gt":
          return intOf(a) > intOf(b);
        case "-ge":
          return intOf(a) >= intOf(b);
      }
    }
    if (unaryOps.includes(a) && next !== undefined) {
      pos += 2;
      if (a === "-n") return next !== "";
      if (a === "-z") return next === "";
      if (a === "-t") return false;
      return fileTest(a, next);
    }
    pos++;
    return a !== "";
  };
  const andExpr = (): boolean => {
    let v = primary();
    while (args[pos] === "-a") {
      pos++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[pos] === "-o") {
      pos++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  try {
    if (args.length === 0) return 1;
    const v = orExpr();
    if (pos < args.length) bad(words.extra(args, pos));
    return v ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      fail(ctx, e.message);
      return 2;
    }
    throw e;
  }
};

class TestError extends Error {}

/**
 * test's complaints: busybox (coreutils/test.c), bash's and dash's builtins, GNU coreutils.
 * An operand left over after parsing is `extra`.
 */
function testWords(ctx: CommandContext): { missing: string; number: (s: string) => string; extra: (args: string[], pos: number) => string } {
  const who = ctx.shell ?? (ctx.flavor === "busybox" ? "ash" : "coreutils");
  switch (who) {
    case "ash":
      return { missing: "missing ]", number: (s) => `${s}: bad number`, extra: (a, p) => `${a[p]}: unknown operand` };
    case "bash":
      return {
        missing: "missing `]'",
        number: (s) => `${s}: integer expression expected`,
        extra: (a) =>
          a.length === 2 ? `${a[0]}: unary operator expected` : a.length === 3 ? `${a[1]}: binary operator expected` : "too many arguments",
      };
    case "dash":
      return { missing: "missing ]", number: (s) => `Illegal number: ${s}`, extra: (a, p) => `${a[p]}: unexpected operator` };
    default:
      return { missing: "missing ']'", number: (s) => `invalid integer '${s}'`, extra: (a, p) => `extra argument '${a[p]}'` };
  }
}

const expr: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  let pos = 0;
  const isInt = (s: string): boolean => /^-?\d+$/.test(s);
  const atom = (): string => {
    const a = args[pos++];
    if (a === undefined) throw new TestError("syntax error");
    if (a === "(") {
      const v = orE();
      pos++;
      return v;
    }
    if (a === "length") return String((args[pos++] ?? "").length);
    return a;
  };
  const colon = (): string => {
    let v = atom();
    while (args[pos] === ":") {
      pos++;
      const re = new RegExp("^(?:" + atom() + ")");
      const m = re.exec(v);
      v = m ? (m[1] ?? String(m[0].length)) : m === null && /\(/.test(re.source.slice(4)) ? "" : "0";
    }
    return v;
  };
  const mul = (): string => {
    let v = colon();
    while (["*", "/", "%"].includes(args[pos] ?? "")) {
      const op = args[pos++]!;
      const r = colon();
      if (!isInt(v) || !isInt(r)) throw new TestError("non-integer argument");
      if (op !== "*" && Number(r) === 0) throw new TestError("division by zero");
      v = String(op === "*" ? Number(v) * Number(r) : op === "/" ? Math.trunc(Number(v) / Number(r)) : Number(v) % Number(r));
    }
    return v;
  };
  const add = (): string => {
    let v = mul();
    while (["+", "-"].includes(args[pos] ?? "")) {
      const op = args[pos++]!;
      const r = mul();
      if (!isInt(v) || !isInt(r)) throw new TestError("non-integer argument");
      v = String(op === "+" ? Number(v) + Number(r) : Number(v) - Number(r));
    }
    return v;
  };
  const cmp = (): string => {
    let v = add();
    while (["=", "!=", "<", "<=", ">", ">="].includes(args[pos] ?? "")) {
      const op = args[pos++]!;
      const r = add();
      const [a, b]: Array<number | string> = isInt(v) && isInt(r) ? [Number(v), Number(r)] : [v, r];
      const res = op === "=" ? a === b : op === "!=" ? a !== b : op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
      v = res ? "1" : "0";
    }
    return v;
  };
  const andE = (): string => {
    let v = cmp();
    while (args[pos] === "&") {
      pos++;
      const r = cmp();
      v = v !== "" && v !== "0" && r !== "" && r !== "0" ? v : "0";
    }
    return v;
  };
  const orE = (): string => {
    let v = andE();
    while (args[pos] === "|") {
      pos++;
      const r = andE();
      v = v !== "" && v !== "0" ? v : r !== "" && r !== "0" ? r : "0";
    }
    return v;
  };
  try {
    if (args.length === 0) throw new TestError("missing operand");
    const v = orE();
    if (pos < args.length) throw new TestError("syntax error");
    ctx.io.out(v + "\n");
    return v === "" || v === "0" ? 1 : 0;
  } catch (e) {
    if (e instanceof TestError) {
      fail(ctx, e.message);
      return 2;
    }
    throw e;
  }
};

const find: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  const roots: string[] = [];
  while (args.length && !args[0]!.startsWith("-") && args[0] !== "!" && args[0] !== "(") roots.push(args.shift()!);
  if (roots.length === 0) roots.push(".");
  type Pred = (path: string, shown: string, e: FsEntry, depth: number) => boolean;
  const preds: Pred[] = [];
  let maxDepth = Infinity;
  let minDepth = 0;
  let printed = false;
  let negate = false;
  const execs: string[][] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = args[i + 1];
    const add = (p: Pred): void => {
      const neg = negate;
      preds.push(neg ? (...x) => !p(...x) : p);
      negate = false;
    };
    switch (a) {
      case "!":
      case "-not":
        negate = true;
        break;
      case "-name":
      case "-iname": {
        const re = globToRegex(a === "-iname" ? v!.toLowerCase() : v!);
        add((_p, shown) => re.test(a === "-iname" ? shown.split("/").pop()!.toLowerCase() : shown.split("/").pop()!));
        i++;
        break;
      }
      case "-path": {
        const re = globToRegex(v!);
        add((_p, shown) => re.test(shown));
        i++;
        break;
      }
      case "-type": {
        const t = v === "d" ? "dir" : v === "l" ? "symlink" : "file";
        add((_p, _s, e) => e.type === t);
        i++;
        break;
      }
      case "-maxdepth":
        maxDepth = Number(v);
        i++;
        break;
      case "-mindepth":
        minDepth = Number(v);
        i++;
        break;
      case "-empty":
        add((p, _s, e) => (e.type === "dir" ? ctx.state.fs.readdir(p).length === 0 : e.type === "file" && e.content === "" && !e.size));
        break;
      case "-print":
        printed = true;
        break;
      case "-exec": {
        const end = args.indexOf(";", i);
        const endPlus = args.indexOf("+", i);
        const stop = end >= 0 ? end : endPlus;
        execs.push(args.slice(i + 1, stop));
        printed = true;
        i = stop;
        break;
      }
      case "-a":
      case "-and":
        break;
      default:
        fail(ctx, ctx.flavor === "busybox" ? `unrecognized: ${a}` : `unknown predicate \`${a}'`);
        return 1;
    }
  }
  let st = 0;
  const fs = ctx.state.fs;
  const found: string[] = [];
  const visit = (p: string, shown: string, depth: number): void => {
    const e = fs.lstat(p);
    if (!e) return;
    if (depth >= minDepth && preds.every((f) => f(p, shown, e, depth))) found.push(shown);
    if (e.type === "dir" && depth < maxDepth) {
      for (const n of fs.readdir(p)) visit(p === "/" ? `/${n}` : `${p}/${n}`, shown.endsWith("/") ? shown + n : `${shown}/${n}`, depth + 1);
    }
  };
  for (const r of roots) {
    const p = abs(ctx, r);
    if (!fs.lstat(p)) {
      fail(ctx, ctx.flavor === "busybox" ? `${r}: No such file or directory` : `'${r}': No such file or directory`);
      st = 1;
      continue;
    }
    visit(p, r, 0);
  }
  if (execs.length === 0 || !printed) ctx.io.out(found.map((f) => f + "\n").join(""));
  for (const cmd of execs) {
    for (const f of found) {
      ctx.exec(cmd.map((c) => c.replace("{}", f)), { env: ctx.env, cwd: ctx.cwd, stdin: ctx.stdin, io: ctx.io, piped: ctx.piped, ppid: ctx.shellPid });
    }
  }
  return st;
};

const xargs: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  let n = Infinity;
  let replace: string | undefined;
  while (args[0]?.startsWith("-")) {
    const a = args.shift()!;
    if (a === "-n") n = Number(args.shift());
    else if (a.startsWith("-n")) n = Number(a.slice(2));
    else if (a === "-I") replace = args.shift();
    else if (a === "-0" || a === "-r" || a === "-t") continue;
  }
  const cmd = args.length ? args : ["echo"];
  const input = ctx.stdin.readAll();
  const items = replace ? lines(input) : input.split(/\s+/).filter(Boolean);
  if (items.length === 0 && !ctx.argv.includes("-r") && ctx.flavor === "gnu") items.length = 0;
  let st = 0;
  const run = (argv: string[]): void => {
    const r = ctx.exec(argv, { env: ctx.env, cwd: ctx.cwd, stdin: ctx.stdin, io: ctx.io, piped: ctx.piped, ppid: ctx.shellPid });
    if (!r.ok) {
      fail(ctx, ctx.flavor === "busybox" ? `${argv[0]}: No such file or directory` : `${argv[0]}: No such file or directory`);
      st = 127;
    } else if (r.code !== 0) st = 123;
  };
  if (replace) for (const it of items) run(cmd.map((c) => c.split(replace!).join(it)));
  else if (items.length === 0) run(cmd);
  else for (let i = 0; i < items.length; i += n === Infinity ? items.length : n) run([...cmd, ...items.slice(i, i + (n === Infinity ? items.length : n))]);
  return st;
};

export const MISC: Record<string, Applet> = { which, test, "[": test, expr, find, xargs };

export type { CommandContext };
