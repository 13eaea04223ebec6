// A very small evaluator for `node -e`, `python -c` and `php -r` one-liners: literals,
// arithmetic, comparisons, string concatenation and the print call of each language.

export type Lang = "js" | "py" | "php";

export type Value = number | string | boolean | null | undefined | Value[] | { float: number };

/** A program's predefined names: values, or objects whose members are (`process` with `version`). */
export type Globals = Record<string, Value | { members: Record<string, Value> }>;

/** The value of a predefined name, dotted names reaching into an object's members. */
function globalValue(globals: Globals, name: string): { found: boolean; value?: Value } {
  const dot = name.indexOf(".");
  const entry = globals[dot < 0 ? name : name.slice(0, dot)];
  const isObject = typeof entry === "object" && entry !== null && "members" in entry;
  if (dot < 0) return isObject || !(name in globals) ? { found: false } : { found: true, value: entry as Value };
  const member = name.slice(dot + 1);
  return isObject && member in entry.members ? { found: true, value: entry.members[member] } : { found: false };
}

export class EvalError extends Error {
  constructor(readonly kind: "SyntaxError" | "ReferenceError" | "NameError", message: string) {
    super(message);
  }
}

type Tok = { t: "num" | "str" | "id" | "op"; v: string };

function tokenize(src: string, lang: Lang): Tok[] {
  const toks: Tok[] = [];
  const re = /\s+|(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)|([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)|(\*\*|\/\/|===|!==|==|!=|<=|>=|&&|\|\||[-+*/%(),<>![\].])/gy;
  let pos = 0;
  while (pos < src.length) {
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) throw new EvalError("SyntaxError", `Invalid or unexpected token`);
    pos = re.lastIndex;
    if (m[1]) toks.push({ t: "num", v: m[1] });
    else if (m[2]) toks.push({ t: "str", v: m[2] });
    else if (m[3]) toks.push({ t: "id", v: m[3] });
    else if (m[4]) toks.push({ t: "op", v: lang === "py" && m[4] === "//" ? "//" : m[4] });
  }
  return toks;
}

function unquote(s: string): string {
  return s.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: "\n", t: "\t", r: "\r" })[c] ?? c);
}

const isFloat = (v: Value): v is { float: number } => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: Value): number => (isFloat(v) ? v.float : typeof v === "boolean" ? Number(v) : (v as number));

class Parser {
  private pos = 0;
  constructor(private toks: Tok[], private lang: Lang, private vars: Globals) {}

  done(): boolean {
    return this.pos >= this.toks.length;
  }
  peek(): Tok | undefined {
    return this.toks[this.pos];
  }
  eat(v: string): boolean {
    if (this.peek()?.v === v && this.peek()?.t === "op") {
      this.pos++;
      return true;
    }
    return false;
  }
  expect(v: string): void {
    if (!this.eat(v)) throw new EvalError("SyntaxError", this.done() ? "Unexpected end of input" : `Unexpected token '${this.peek()!.v}'`);
  }

  expr(): Value {
    return this.or();
  }
  private or(): Value {
    let l = this.and();
    while (this.eat("||") || (this.peek()?.v === "or" && this.pos++)) l = l || this.and();
    return l;
  }
  private and(): Value {
    let l = this.cmp();
    while (this.eat("&&") || (this.peek()?.v === "and" && this.pos++)) l = l && this.cmp();
    return l;
  }
  private cmp(): Value {
    const l = this.add();
    const op = this.peek();
    if (op?.t === "op" && ["===", "!==", "==", "!=", "<", ">", "<=", ">="].includes(op.v)) {
      this.pos++;
      const r = this.add();
      const a = typeof l === "string" ? l : num(l);
      const b = typeof r === "string" ? r : num(r);
      switch (op.v) {
        case "===": case "==": return a === b;
        case "!==": case "!=": return a !== b;
        case "<": return a < b;
        case ">": return a > b;
        case "<=": return a <= b;
        default: return a >= b;
      }
    }
    return l;
  }
  private add(): Value {
    let l = this.mul();
    for (;;) {
      if (this.eat("+")) l = this.plus(l, this.mul());
      else if (this.eat("-")) l = this.arith(l, this.mul(), (a, b) => a - b);
      else if (this.lang === "php" && this.eat(".")) l = phpString(l) + phpString(this.mul());
      else return l;
    }
  }
  private plus(l: Value, r: Value): Value {
    if (typeof l === "string" || typeof r === "string") {
      if (this.lang === "py" && typeof l !== typeof r) throw new EvalError("SyntaxError", "TypeError: can only concatenate str (not \"int\") to str");
      return this.lang === "js" ? show(l, "js", false) + show(r, "js", false) : String(l) + String(r);
    }
    return this.arith(l, r, (a, b) => a + b);
  }
  private arith(l: Value, r: Value, f: (a: number, b: number) => number, float = false): Value {
    const v = f(num(l), num(r));
    if (this.lang === "py" && (float || isFloat(l) || isFloat(r))) return { float: v };
    return v;
  }
  private mul(): Value {
    let l = this.unary();
    for (;;) {
      if (this.eat("*")) l = this.arith(l, this.unary(), (a, b) => a * b);
      else if (this.eat("/")) l = this.arith(l, this.unary(), (a, b) => a / b, true);
      else if (this.eat("//")) l = this.arith(l, this.unary(), (a, b) => Math.floor(a / b));
      else if (this.eat("%")) l = this.arith(l, this.unary(), (a, b) => (this.lang === "py" ? ((a % b) + b) % b : a % b));
      else return l;
    }
  }
  private unary(): Value {
    if (this.eat("-")) return this.arith(0, this.unary(), (a, b) => a - b);
    if (this.eat("+")) return this.unary();
    if (this.eat("!") || (this.peek()?.v === "not" && this.pos++)) return !this.unary();
    return this.pow();
  }
  private pow(): Value {
    const base = this.atom();
    if (this.eat("**")) return this.arith(base, this.unary(), (a, b) => a ** b);
    return base;
  }
  private atom(): Value {
    const t = this.toks[this.pos++];
    if (!t) throw new EvalError("SyntaxError", "Unexpected end of input");
    if (t.t === "num") return this.lang === "py" && /[.e]/.test(t.v) ? { float: Number(t.v) } : Number(t.v);
    if (t.t === "str") {
      if (t.v.startsWith("`")) return t.v.slice(1, -1).replace(/\$\{([^}]*)\}/g, (_, e: string) => show(evaluate(e, this.lang, this.vars), "js", false));
      return unquote(t.v);
    }
    if (t.t === "op" && t.v === "(") {
      const v = this.expr();
      this.expect(")");
      return v;
    }
    if (t.t === "op" && t.v === "[") {
      const items: Value[] = [];
      while (!this.eat("]")) {
        items.push(this.expr());
        if (!this.eat(",")) {
          this.expect("]");
          break;
        }
      }
      return items;
    }
    if (t.t === "id") {
      const predefined = globalValue(this.vars, t.v);
      if (predefined.found) return predefined.value;
      const consts: Record<Lang, Record<string, Value>> = {
        js: { true: true, false: false, null: null, undefined: undefined },
        py: { True: true, False: false, None: null },
        php: { true: true, false: false, null: null, TRUE: true, FALSE: false, NULL: null },
      };
      if (t.v in consts[this.lang]) return consts[this.lang][t.v];
      if (this.lang === "php" && t.v === "PHP_EOL") return "\n";
      throw new EvalError(this.lang === "py" ? "NameError" : "ReferenceError", this.lang === "py" ? `name '${t.v}' is not defined` : `${t.v} is not defined`);
    }
    throw new EvalError("SyntaxError", `Unexpected token '${t.v}'`);
  }
  /** Comma-separated arguments up to `)`. */
  args(): Value[] {
    const out: Value[] = [];
    if (this.eat(")")) return out;
    for (;;) {
      out.push(this.expr());
      if (this.eat(")")) return out;
      this.expect(",");
    }
  }
}

function phpString(v: Value): string {
  if (v === true) return "1";
  if (v === false || v === null || v === undefined) return "";
  return show(v, "php", false);
}

/** How a print call shows a value; `nested` is inside an array. */
export function show(v: Value, lang: Lang, nested: boolean): string {
  if (isFloat(v)) return Number.isInteger(v.float) && Math.abs(v.float) < 1e16 ? v.float.toFixed(1) : String(v.float);
  if (Array.isArray(v)) {
    const inner = v.map((x) => show(x, lang, true));
    if (lang === "js") return inner.length ? `[ ${inner.join(", ")} ]` : "[]";
    return `[${inner.join(", ")}]`;
  }
  if (typeof v === "string") return nested ? `'${v}'` : v;
  if (typeof v === "boolean") return lang === "py" ? (v ? "True" : "False") : lang === "php" ? (v ? "1" : "") : String(v);
  if (v === null) return lang === "py" ? "None" : lang === "php" ? "" : "null";
  if (v === undefined) return "undefined";
  if (Object.is(v, -0)) return "-0";
  return String(v);
}

export function evaluate(src: string, lang: Lang, vars: Globals = {}): Value {
  const p = new Parser(tokenize(src, lang), lang, vars);
  const v = p.expr();
  if (!p.done()) throw new EvalError("SyntaxError", `Unexpected token '${p.peek()!.v}'`);
  return v;
}

/** Splits a program into statements at top-level `;` and newlines. */
export function statements(src: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote = "";
  let depth = 0;
  for (const ch of src) {
    if (quote) {
      cur += ch;
      if (ch === quote && !cur.endsWith("\\" + ch)) quote = "";
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    if (ch === ")" || ch === "]" || ch === "}") depth--;
    if ((ch === ";" || ch === "\n") && depth <= 0) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode?: number;
  error?: EvalError;
  /** The statement that failed, for the error report. */
  failed?: string;
}

/** Runs statements: print calls write, `exit` calls stop, plain expressions are evaluated and dropped. */
type CallKind = "out" | "err" | "exit";

/** The calls a statement may start with: bare (`print`) or an object's methods (`sys` `exit`). */
const CALLS: Record<Lang, Record<string, CallKind | Record<string, CallKind>>> = {
  js: { console: { log: "out", info: "out", error: "err", warn: "err" }, process: { exit: "exit" } },
  py: { print: "out", exit: "exit", sys: { exit: "exit" } },
  php: { echo: "out", print: "out", exit: "exit", die: "exit" },
};

function callKind(lang: Lang, name: string): CallKind | undefined {
  const dot = name.indexOf(".");
  const entry = CALLS[lang][dot < 0 ? name : name.slice(0, dot)];
  if (dot < 0) return typeof entry === "string" ? entry : undefined;
  return typeof entry === "object" ? entry[name.slice(dot + 1)] : undefined;
}

/** `node -p`: the expression's value, shown as a print call shows it. */
export function printValue(src: string, lang: Lang, vars: Globals = {}): RunResult {
  try {
    return { stdout: `${show(evaluate(src, lang, vars), lang, false)}\n`, stderr: "" };
  } catch (e) {
    if (e instanceof EvalError) return { stdout: "", stderr: "", error: e, failed: src };
    throw e;
  }
}

export function runProgram(src: string, lang: Lang, vars: Globals = {}): RunResult {
  const res: RunResult = { stdout: "", stderr: "" };
  for (const stmt of statements(src)) {
    if (lang === "py" && /^(import|from)\s/.test(stmt)) continue;
    if (lang === "php" && /^<\?php\b|^\?>$/.test(stmt)) continue;
    try {
      const toks = tokenize(stmt, lang);
      const head = toks[0];
      const kind = head?.t === "id" ? callKind(lang, head.v) : undefined;
      if (kind && lang === "php" && (head!.v === "echo" || head!.v === "print") && toks[1]?.v !== "(") {
        const p = new Parser(toks.slice(1), lang, vars);
        const parts: Value[] = [p.expr()];
        while (p.eat(",")) parts.push(p.expr());
        res.stdout += parts.map(phpString).join("");
        continue;
      }
      if (kind && toks[1]?.v === "(") {
        const p = new Parser(toks.slice(2), lang, vars);
        const args = p.args();
        if (kind === "exit") {
          res.exitCode = typeof args[0] === "number" ? args[0] : 0;
          return res;
        }
        const text = lang === "php" ? args.map(phpString).join("") : args.map((a) => show(a, lang, false)).join(" ") + "\n";
        if (kind === "out") res.stdout += text;
        else res.stderr += text;
        continue;
      }
      evaluate(stmt, lang, vars);
    } catch (e) {
      if (e instanceof EvalError) {
        res.error = e;
        res.failed = stmt;
        return res;
      }
      throw e;
    }
  }
  return res;
}
