// awk subset: BEGIN/END, /re/ and expression patterns, print/printf, fields, NR NF FS OFS,
// assignments, next, and the string functions length substr index toupper tolower.
import { type Applet } from "./context.js";
import { fail, lines, readInputs } from "./util.js";

type Tok = { k: "num"; v: number } | { k: "str"; v: string } | { k: "re"; v: string } | { k: "id"; v: string } | { k: "op"; v: string };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const ops = ["&&", "||", "==", "!=", "<=", ">=", "!~", "+=", "-=", "*=", "/=", "++", "--", "{", "}", "(", ")", ";", ",", "+", "-", "*", "/", "%", "<", ">", "!", "~", "=", "$", "\n", "?", ":"];
  while (i < src.length) {
    const c = src[i]!;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === '"') {
      let s = "";
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === "\\") {
          const n = src[++i]!;
          s += n === "n" ? "\n" : n === "t" ? "\t" : n;
          i++;
        } else s += src[i++];
      }
      i++;
      out.push({ k: "str", v: s });
      continue;
    }
    const prev = out[out.length - 1];
    const valueBefore = prev && (prev.k === "num" || prev.k === "str" || prev.k === "id" || (prev.k === "op" && (prev.v === ")" || prev.v === "$")));
    if (c === "/" && !valueBefore) {
      let s = "";
      i++;
      while (i < src.length && src[i] !== "/") {
        if (src[i] === "\\" && src[i + 1] === "/") {
          s += "/";
          i += 2;
        } else s += src[i++];
      }
      i++;
      out.push({ k: "re", v: s });
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ k: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_]\w*/.exec(src.slice(i));
    if (id) {
      out.push({ k: "id", v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = ops.find((o) => src.startsWith(o, i));
    if (!op) throw new Error(`syntax error at source line 1`);
    out.push({ k: "op", v: op });
    i += op.length;
  }
  return out;
}

type Val = string | number;
interface Env {
  vars: Map<string, Val>;
  fields: string[];
  out: (s: string) => void;
}

class Next {}

const num = (v: Val): number => (typeof v === "number" ? v : parseFloat(v) || 0);
const str = (v: Val): string => (typeof v === "number" ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)))) : v);

export const awk: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  let fs = " ";
  const assigns: Array<[string, string]> = [];
  while (args.length && args[0]!.startsWith("-") && args[0] !== "-") {
    const a = args.shift()!;
    if (a === "-F") fs = args.shift() ?? " ";
    else if (a.startsWith("-F")) fs = a.slice(2);
    else if (a === "-v") {
      const [k, ...v] = (args.shift() ?? "").split("=");
      assigns.push([k!, v.join("=")]);
    }
  }
  const program = args.shift();
  if (program === undefined) {
    fail(ctx, "usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]");
    return 1;
  }
  let toks: Tok[];
  try {
    toks = lex(program);
  } catch (e) {
    fail(ctx, (e as Error).message);
    return 2;
  }
  const env: Env = { vars: new Map<string, Val>([["FS", fs === "t" ? "\t" : fs], ["OFS", " "], ["NR", 0], ["NF", 0]]), fields: [], out: ctx.io.out };
  for (const [k, v] of assigns) env.vars.set(k, v);
  let pos = 0;
  const peek = (): Tok | undefined => toks[pos];
  const isOp = (v: string): boolean => peek()?.k === "op" && (peek() as { v: string }).v === v;
  const skipNl = (): void => {
    while (isOp("\n") || isOp(";")) pos++;
  };

  // Parsing builds closures.
  type Expr = () => Val;
  type Stmt = () => void;
  const setVar = (name: string, v: Val): void => {
    if (name === "NF") env.fields = env.fields.slice(0, num(v) + 1);
    env.vars.set(name, v);
  };
  const getVar = (name: string): Val => (name === "NF" ? env.fields.length - 1 : (env.vars.get(name) ?? ""));
  const setField = (i: number, v: Val): void => {
    while (env.fields.length <= i) env.fields.push("");
    env.fields[i] = str(v);
    if (i > 0) env.fields[0] = env.fields.slice(1).join(str(env.vars.get("OFS") ?? " "));
    else splitFields(env.fields[0]!);
  };
  const splitFields = (line: string): void => {
    const sep = str(env.vars.get("FS") ?? " ");
    const parts = sep === " " ? line.trim().split(/\s+/).filter(Boolean) : line.split(sep.length === 1 ? sep : new RegExp(sep));
    env.fields = [line, ...(line === "" ? [] : parts)];
  };

  const primary = (): Expr => {
    const t = toks[pos++];
    if (!t) throw new Error("syntax error");
    if (t.k === "num") return () => t.v;
    if (t.k === "str") return () => t.v;
    if (t.k === "re") {
      const re = new RegExp(t.v);
      return () => (re.test(env.fields[0] ?? "") ? 1 : 0);
    }
    if (t.k === "op" && t.v === "$") {
      const e = primary();
      return () => env.fields[num(e())] ?? "";
    }
    if (t.k === "op" && t.v === "(") {
      const e = expr();
      pos++;
      return e;
    }
    if (t.k === "op" && t.v === "!") {
      const e = unaryE();
      return () => (num(e()) || str(e()) !== "" && str(e()) !== "0" && num(e()) !== 0 ? 0 : 1);
    }
    if (t.k === "op" && t.v === "-") {
      const e = unaryE();
      return () => -num(e());
    }
    if (t.k === "id") {
      if (isOp("(")) {
        pos++;
        const argsE: Expr[] = [];
        while (!isOp(")")) {
          argsE.push(expr());
          if (isOp(",")) pos++;
        }
        pos++;
        const fn = t.v;
        return () => {
          const a = argsE.map((e) => e());
          switch (fn) {
            case "length":
              return str(a[0] ?? env.fields[0] ?? "").length;
            case "substr": {
              const s = str(a[0] ?? "");
              const start = Math.max(1, Math.round(num(a[1] ?? 1)));
              return a[2] === undefined ? s.slice(start - 1) : s.substr(start - 1, Math.round(num(a[2])));
            }
            case "index":
              return str(a[0] ?? "").indexOf(str(a[1] ?? "")) + 1;
            case "toupper":
              return str(a[0] ?? "").toUpperCase();
            case "tolower":
              return str(a[0] ?? "").toLowerCase();
            case "int":
              return Math.trunc(num(a[0] ?? 0));
          }
          return "";
        };
      }
      if (t.v === "length") return () => (env.fields[0] ?? "").length;
      const name = t.v;
      if (isOp("++") || isOp("--")) {
        const d = (toks[pos++] as { v: string }).v === "++" ? 1 : -1;
        return () => {
          const v = num(getVar(name));
          setVar(name, v + d);
          return v;
        };
      }
      return () => getVar(name);
    }
    throw new Error("syntax error");
  };
  const unaryE = (): Expr => primary();
  const binLevel = (ops: string[], next: () => Expr, apply: (op: string, a: Val, b: Val) => Val): (() => Expr) => () => {
    let left = next();
    while (peek()?.k === "op" && ops.includes((peek() as { v: string }).v)) {
      const op = (toks[pos++] as { v: string }).v;
      const right = next();
      const l = left;
      left = () => apply(op, l(), right());
    }
    return left;
  };
  const mulE = binLevel(["*", "/", "%"], unaryE, (op, a, b) => (op === "*" ? num(a) * num(b) : op === "/" ? num(a) / num(b) : num(a) % num(b)));
  const addE = binLevel(["+", "-"], mulE, (op, a, b) => (op === "+" ? num(a) + num(b) : num(a) - num(b)));
  const startsValue = (): boolean => {
    const t = peek();
    if (!t) return false;
    if (t.k === "num" || t.k === "str" || t.k === "id") return !(t.k === "id" && t.v === "in");
    return t.k === "op" && (t.v === "$" || t.v === "(" || t.v === "!" || t.v === "-");
  };
  const concatE = (): Expr => {
    let left = addE();
    while (startsValue() && !isOp("-")) {
      const right = addE();
      const l = left;
      left = () => str(l()) + str(right());
    }
    return left;
  };
  const cmpE = binLevel(["<", ">", "<=", ">=", "==", "!=", "~", "!~"], concatE, (op, a, b) => {
    if (op === "~" || op === "!~") return new RegExp(str(b)).test(str(a)) === (op === "~") ? 1 : 0;
    const numeric = (v: Val): boolean => typeof v === "number" || /^\s*-?\d+(\.\d+)?\s*$/.test(v);
    const [x, y]: Val[] = numeric(a) && numeric(b) ? [num(a), num(b)] : [str(a), str(b)];
    const r = op === "<" ? x < y : op === ">" ? x > y : op === "<=" ? x <= y : op === ">=" ? x >= y : op === "==" ? x === y : x !== y;
    return r ? 1 : 0;
  });
  const truthy = (v: Val): boolean => (typeof v === "number" ? v !== 0 : v !== "");
  const andE = binLevel(["&&"], cmpE, (_op, a, b) => (truthy(a) && truthy(b) ? 1 : 0));
  const orE = binLevel(["||"], andE, (_op, a, b) => (truthy(a) || truthy(b) ? 1 : 0));
  function expr(): Expr {
    const t = peek();
    const nx = toks[pos + 1];
    if (t?.k === "id" && nx?.k === "op" && ["=", "+=", "-=", "*=", "/="].includes(nx.v)) {
      pos += 2;
      const rhs = expr();
      return () => {
        const cur = num(getVar(t.v));
        const r = rhs();
        const v = nx.v === "=" ? r : nx.v === "+=" ? cur + num(r) : nx.v === "-=" ? cur - num(r) : nx.v === "*=" ? cur * num(r) : cur / num(r);
        setVar(t.v, v);
        return v;
      };
    }
    if (t?.k === "op" && t.v === "$") {
      const save = pos;
      pos++;
      const idx = primary();
      if (isOp("=")) {
        pos++;
        const rhs = expr();
        return () => {
          const v = rhs();
          setField(num(idx()), v);
          return v;
        };
      }
      pos = save;
    }
    return orE();
  }
  const block = (): Stmt => {
    pos++; // {
    const stmts: Stmt[] = [];
    skipNl();
    while (!isOp("}")) {
      stmts.push(statement());
      skipNl();
    }
    pos++;
    return () => stmts.forEach((s) => s());
  };
  const statement = (): Stmt => {
    const t = peek();
    if (t?.k === "op" && t.v === "{") return block();
    if (t?.k === "id" && (t.v === "print" || t.v === "printf")) {
      pos++;
      const list: Expr[] = [];
      while (peek() && !isOp(";") && !isOp("\n") && !isOp("}")) {
        list.push(expr());
        if (isOp(",")) pos++;
      }
      if (t.v === "print") return () => env.out((list.length ? list.map((e) => str(e())) : [env.fields[0] ?? ""]).join(str(env.vars.get("OFS") ?? " ")) + "\n");
      return () => {
        const [f, ...rest] = list.map((e) => e());
        let k = 0;
        env.out(str(f ?? "").replace(/%(-?\d*)(?:\.(\d+))?([sdfcx%])/g, (_m, w: string, p: string | undefined, c: string) => {
          if (c === "%") return "%";
          const v = rest[k++] ?? "";
          let s = c === "d" ? String(Math.trunc(num(v))) : c === "f" ? num(v).toFixed(p ? Number(p) : 6) : c === "x" ? Math.trunc(num(v)).toString(16) : c === "c" ? str(v).slice(0, 1) : p ? str(v).slice(0, Number(p)) : str(v);
          const width = Math.abs(Number(w || 0));
          s = w.startsWith("-") ? s.padEnd(width) : s.padStart(width);
          return s;
        }));
      };
    }
    if (t?.k === "id" && t.v === "next") {
      pos++;
      return () => {
        throw new Next();
      };
    }
    if (t?.k === "id" && t.v === "if") {
      pos += 2;
      const cond = expr();
      pos++;
      skipNl();
      const then = statement();
      skipNl();
      let other: Stmt | undefined;
      if (peek()?.k === "id" && (peek() as { v: string }).v === "else") {
        pos++;
        skipNl();
        other = statement();
      }
      return () => (truthy(cond()) ? then() : other?.());
    }
    const e = expr();
    return () => void e();
  };
  const rules: Array<{ kind: "begin" | "end" | "main"; pattern?: Expr; action?: Stmt }> = [];
  try {
    skipNl();
    while (pos < toks.length) {
      const t = peek()!;
      if (t.k === "id" && (t.v === "BEGIN" || t.v === "END")) {
        pos++;
        rules.push({ kind: t.v === "BEGIN" ? "begin" : "end", action: block() });
      } else if (isOp("{")) rules.push({ kind: "main", action: block() });
      else {
        const pattern = expr();
        rules.push({ kind: "main", pattern, action: isOp("{") ? block() : undefined });
      }
      skipNl();
    }
  } catch {
    ctx.io.err(`awk: cmd. line:1: ${program}\nawk: cmd. line:1: syntax error\n`);
    return 2;
  }
  for (const r of rules) if (r.kind === "begin") r.action!();
  const hasMain = rules.some((r) => r.kind !== "begin");
  let failed = false;
  if (hasMain) {
    // busybox: xfopen_stdin (perror path, exit 1); Debian's awk is mawk: "cannot open F (why)", exit 2.
    const read = readInputs(ctx, args, { bb: (f, why) => `${f}: ${why}`, gnu: (f, why) => `cannot open ${f} (${why})` });
    failed = read.failed;
    for (const line of read.texts.flatMap((t) => lines(t.text))) {
      env.vars.set("NR", num(env.vars.get("NR") ?? 0) + 1);
      splitFields(line);
      try {
        for (const r of rules) {
          if (r.kind !== "main") continue;
          if (r.pattern && !truthy(r.pattern())) continue;
          if (r.action) r.action();
          else env.out((env.fields[0] ?? "") + "\n");
        }
      } catch (e) {
        if (!(e instanceof Next)) throw e;
      }
    }
  }
  for (const r of rules) if (r.kind === "end") r.action!();
  return failed ? (ctx.flavor === "busybox" ? 1 : 2) : 0;
};
