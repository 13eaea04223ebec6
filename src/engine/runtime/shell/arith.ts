// $(( ... )): integer arithmetic with C precedence, variables by name, assignment operators.

export interface ArithScope {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithError extends Error {}

type Tok = { k: "num"; v: number } | { k: "id"; v: string } | { k: "op"; v: string };

const OPS = ["<<=", ">>=", "**", "<=", ">=", "==", "!=", "&&", "||", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "++", "--",
  "+", "-", "*", "/", "%", "<", ">", "!", "~", "(", ")", "?", ":", "=", "&", "|", "^", ","];

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0x[0-9a-fA-F]+|\d+)/.exec(src.slice(i));
    if (num) {
      const s = num[0];
      out.push({ k: "num", v: s.startsWith("0x") ? parseInt(s, 16) : s.length > 1 && s.startsWith("0") ? parseInt(s, 8) : Number(s) });
      i += s.length;
      continue;
    }
    const id = /^[A-Za-z_]\w*/.exec(src.slice(i));
    if (id) {
      out.push({ k: "id", v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError(`syntax error: ${src.slice(i)}`);
    out.push({ k: "op", v: op });
    i += op.length;
  }
  return out;
}

const BINARY: Array<string[]> = [
  ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"],
];

export function evalArith(src: string, scope: ArithScope): number {
  if (src.trim() === "") return 0;
  const toks = lex(src);
  let pos = 0;
  const peek = (): Tok | undefined => toks[pos];
  const isOp = (v: string): boolean => peek()?.k === "op" && peek()!.v === v;
  const varValue = (name: string): number => {
    const raw = scope.get(name) ?? "";
    if (raw.trim() === "") return 0;
    if (/^\s*-?\d+\s*$/.test(raw)) return Number(raw);
    return evalArith(raw, scope);
  };
  const wrap = (n: number): number => (Number.isFinite(n) ? Math.trunc(n) : 0);

  const assign = (): number => {
    const t = peek();
    const nx = toks[pos + 1];
    if (t?.k === "id" && nx?.k === "op" && ["=", "+=", "-=", "*=", "/=", "%="].includes(nx.v)) {
      pos += 2;
      const rhs = assign();
      const cur = varValue(t.v);
      const v = nx.v === "=" ? rhs : binop(nx.v.slice(0, -1), cur, rhs);
      scope.set(t.v, String(v));
      return v;
    }
    return ternary();
  };
  const ternary = (): number => {
    const c = binary(0);
    if (!isOp("?")) return c;
    pos++;
    const a = assign();
    if (!isOp(":")) throw new ArithError("expecting ':'");
    pos++;
    const b = assign();
    return c ? a : b;
  };
  const binary = (level: number): number => {
    if (level >= BINARY.length) return power();
    let left = binary(level + 1);
    while (peek()?.k === "op" && BINARY[level]!.includes(String(peek()!.v))) {
      const op = (toks[pos++] as { v: string }).v;
      const right = binary(level + 1);
      left = binop(op, left, right);
    }
    return left;
  };
  const power = (): number => {
    const base = unary();
    if (isOp("**")) {
      pos++;
      return wrap(base ** power());
    }
    return base;
  };
  const unary = (): number => {
    const t = peek();
    if (t?.k === "op") {
      if (t.v === "-") return pos++, -unary();
      if (t.v === "+") return pos++, unary();
      if (t.v === "!") return pos++, unary() ? 0 : 1;
      if (t.v === "~") return pos++, ~unary();
      if (t.v === "++" || t.v === "--") {
        pos++;
        const id = toks[pos++];
        if (id?.k !== "id") throw new ArithError("syntax error");
        const v = varValue(id.v) + (t.v === "++" ? 1 : -1);
        scope.set(id.v, String(v));
        return v;
      }
      if (t.v === "(") {
        pos++;
        const v = assign();
        if (!isOp(")")) throw new ArithError("missing ')'");
        pos++;
        return v;
      }
      throw new ArithError(`syntax error: operand expected (error token is "${t.v}")`);
    }
    if (!t) throw new ArithError("syntax error: operand expected");
    pos++;
    if (t.k === "num") return t.v;
    if (isOp("++") || isOp("--")) {
      const op = (toks[pos++] as { v: string }).v;
      const v = varValue(t.v);
      scope.set(t.v, String(v + (op === "++" ? 1 : -1)));
      return v;
    }
    return varValue(t.v);
  };
  const binop = (op: string, a: number, b: number): number => {
    switch (op) {
      case "+": return wrap(a + b);
      case "-": return wrap(a - b);
      case "*": return wrap(a * b);
      case "/":
      case "%":
        if (b === 0) throw new ArithError("divide by zero");
        return op === "/" ? wrap(a / b) : a % b;
      case "<": return a < b ? 1 : 0;
      case ">": return a > b ? 1 : 0;
      case "<=": return a <= b ? 1 : 0;
      case ">=": return a >= b ? 1 : 0;
      case "==": return a === b ? 1 : 0;
      case "!=": return a !== b ? 1 : 0;
      case "&&": return a && b ? 1 : 0;
      case "||": return a || b ? 1 : 0;
      case "&": return a & b;
      case "|": return a | b;
      case "^": return a ^ b;
      case "<<": return a << b;
      case ">>": return a >> b;
    }
    throw new ArithError(`bad operator ${op}`);
  };
  let v = assign();
  while (isOp(",")) {
    pos++;
    v = assign();
  }
  if (pos < toks.length) throw new ArithError("syntax error in expression");
  return v;
}
