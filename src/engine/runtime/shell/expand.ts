// Word expansion: tilde, parameters, command substitution, arithmetic, field splitting,
// pathname expansion and quote removal, in POSIX order.
import type { ContainerFs } from "../../fs/types.js";
import { ArithError, evalArith } from "./arith.js";
import { expandGlob, globToRegex, hasGlob } from "./pattern.js";

export interface ExpandHost {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** $?, $$, $#, $!, $-, $0..$9 */
  special(name: string): string | undefined;
  positional(): string[];
  /** Runs a command substitution and returns its stdout. */
  commandSubst(script: string): string;
  fs: ContainerFs;
  cwd: string;
}

/** An expansion error that aborts the command (`${x:?msg}`, bad arithmetic). */
export class ExpansionError extends Error {}

/** A piece of a word: text plus whether quoting protects it from splitting and globbing. */
interface Piece {
  text: string;
  quoted: boolean;
  /** Unquoted expansion result: subject to field splitting. */
  split: boolean;
  /** Field boundary from "$@". */
  brk?: boolean;
}

/** Expands words into fields (argv). */
export function expandWords(raws: string[], host: ExpandHost): string[] {
  const out: string[] = [];
  for (const raw of raws) out.push(...expandFields(raw, host));
  return out;
}

/** Expands one word without field splitting or globbing (assignments, redirection targets). */
export function expandWord(raw: string, host: ExpandHost): string {
  return pieces(raw, host, false).map((p) => p.text).join("");
}

/** A case pattern: quoted parts match literally. */
export function expandPattern(raw: string, host: ExpandHost): RegExp {
  const { text, esc } = flatten(pieces(raw, host, false));
  return globToRegex(text, esc);
}

function flatten(ps: Piece[]): { text: string; esc: boolean[] } {
  let text = "";
  const esc: boolean[] = [];
  for (const p of ps) {
    text += p.text;
    for (let i = 0; i < p.text.length; i++) esc.push(p.quoted);
  }
  return { text, esc };
}

function expandFields(raw: string, host: ExpandHost): string[] {
  const ps = pieces(raw, host, false);
  const ifs = host.getVar("IFS") ?? " \t\n";
  const fields: Array<{ ps: Piece[]; keep: boolean }> = [];
  let cur: { ps: Piece[]; keep: boolean } = { ps: [], keep: false };
  const flush = (): void => {
    if (cur.ps.some((p) => p.text !== "") || cur.keep) fields.push(cur);
    cur = { ps: [], keep: false };
  };
  for (const p of ps) {
    if (p.brk) {
      flush();
      cur.keep = true;
      continue;
    }
    if (!p.split || ifs === "") {
      cur.ps.push(p);
      if (p.quoted) cur.keep = true;
      continue;
    }
    let buf = "";
    for (const ch of p.text) {
      if (ifs.includes(ch)) {
        if (buf !== "") cur.ps.push({ text: buf, quoted: false, split: false });
        buf = "";
        if (cur.ps.length > 0 || !/\s/.test(ch)) flush();
      } else buf += ch;
    }
    if (buf !== "") cur.ps.push({ text: buf, quoted: false, split: false });
  }
  flush();
  const out: string[] = [];
  for (const f of fields) {
    const { text, esc } = flatten(f.ps);
    if (hasGlob(text, esc)) {
      const matches = expandGlob(host.fs, host.cwd, text, esc);
      if (matches.length > 0) {
        out.push(...matches);
        continue;
      }
    }
    out.push(text);
  }
  return out;
}

function pieces(raw: string, host: ExpandHost, inDq: boolean): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  const lit = (text: string, quoted: boolean): void => {
    out.push({ text, quoted, split: false });
  };
  if (!inDq && raw.startsWith("~")) {
    const m = /^~([A-Za-z0-9_.-]*)(?=\/|$)/.exec(raw);
    if (m && m[1] === "") {
      lit(host.getVar("HOME") ?? "/root", true);
      i = 1;
    }
  }
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === "\\") {
      const n = raw[i + 1];
      if (n === undefined) {
        lit("\\", inDq);
        i++;
      } else if (n === "\n") i += 2;
      else if (inDq && !"$`\"\\".includes(n)) {
        lit("\\" + n, true);
        i += 2;
      } else {
        lit(n, true);
        i += 2;
      }
      continue;
    }
    if (c === "'" && !inDq) {
      const end = raw.indexOf("'", i + 1);
      lit(raw.slice(i + 1, end), true);
      i = end + 1;
      continue;
    }
    if (c === '"' && !inDq) {
      const end = matchingQuote(raw, i);
      if (raw.slice(i + 1, end) === "$@" && host.positional().length === 0) {
        i = end + 1;
        continue;
      }
      const inner = pieces(raw.slice(i + 1, end), host, true);
      if (inner.length === 0) lit("", true);
      out.push(...inner);
      i = end + 1;
      continue;
    }
    if (c === "`") {
      let j = i + 1;
      let body = "";
      while (j < raw.length && raw[j] !== "`") {
        if (raw[j] === "\\" && "$`\\".includes(raw[j + 1] ?? "")) {
          body += raw[j + 1];
          j += 2;
        } else body += raw[j++];
      }
      out.push(subst(host.commandSubst(body), inDq));
      i = j + 1;
      continue;
    }
    if (c === "$") {
      const r = dollar(raw, i, host, inDq);
      if (r) {
        out.push(...r.pieces);
        i = r.end;
        continue;
      }
    }
    lit(c, inDq);
    i++;
  }
  return out;
}

function subst(text: string, inDq: boolean): Piece {
  return { text: text.replace(/\n+$/, ""), quoted: inDq, split: !inDq };
}

function matchingQuote(raw: string, i: number): number {
  let j = i + 1;
  while (j < raw.length && raw[j] !== '"') {
    if (raw[j] === "\\") j += 2;
    else if (raw[j] === "$" && raw[j + 1] === "(") j = matchParen(raw, j + 1) + 1;
    else if (raw[j] === "$" && raw[j + 1] === "{") j = raw.indexOf("}", j) + 1;
    else if (raw[j] === "`") j = raw.indexOf("`", j + 1) + 1;
    else j++;
  }
  return j;
}

/** Index of the ")" matching the "(" at `i`. */
function matchParen(raw: string, i: number): number {
  let depth = 0;
  for (let j = i; j < raw.length; j++) {
    const c = raw[j]!;
    if (c === "\\") j++;
    else if (c === "'") j = raw.indexOf("'", j + 1);
    else if (c === '"') j = matchingQuote(raw, j);
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return j;
  }
  return raw.length;
}

function dollar(raw: string, i: number, host: ExpandHost, inDq: boolean): { pieces: Piece[]; end: number } | undefined {
  const n = raw[i + 1];
  if (n === "(" && raw[i + 2] === "(") {
    const end = matchParen(raw, i + 1);
    const expr = expandWord(raw.slice(i + 3, end - 1), host);
    let v: number;
    try {
      v = evalArith(expr, { get: (k) => host.getVar(k), set: (k, val) => host.setVar(k, val) });
    } catch (e) {
      throw new ExpansionError(`arithmetic syntax error${e instanceof ArithError && e.message === "divide by zero" ? "" : ""}`);
    }
    return { pieces: [{ text: String(v), quoted: inDq, split: !inDq }], end: end + 1 };
  }
  if (n === "(") {
    const end = matchParen(raw, i + 1);
    return { pieces: [subst(host.commandSubst(raw.slice(i + 2, end)), inDq)], end: end + 1 };
  }
  if (n === "{") {
    let depth = 0;
    let j = i + 1;
    for (; j < raw.length; j++) {
      if (raw[j] === "\\") j++;
      else if (raw[j] === "{") depth++;
      else if (raw[j] === "}" && --depth === 0) break;
    }
    return { pieces: braced(raw.slice(i + 2, j), host, inDq), end: j + 1 };
  }
  if (n === "@" || n === "*") {
    const args = host.positional();
    if (inDq && n === "@") {
      const ps: Piece[] = [];
      args.forEach((a, k) => {
        if (k > 0) ps.push({ text: "", quoted: true, split: false, brk: true });
        ps.push({ text: a, quoted: true, split: false });
      });
      return { pieces: ps, end: i + 2 };
    }
    const sep = inDq ? (host.getVar("IFS") ?? " ")[0] ?? "" : " ";
    return { pieces: [{ text: args.join(sep), quoted: inDq, split: !inDq }], end: i + 2 };
  }
  if (n !== undefined && "?$#!-0123456789".includes(n)) {
    return { pieces: [{ text: host.special(n) ?? "", quoted: inDq, split: !inDq }], end: i + 2 };
  }
  const m = /^[A-Za-z_]\w*/.exec(raw.slice(i + 1));
  if (!m) return undefined;
  return { pieces: [{ text: host.getVar(m[0]) ?? "", quoted: inDq, split: !inDq }], end: i + 1 + m[0].length };
}

function lookup(name: string, host: ExpandHost): string | undefined {
  if (/^\d+$/.test(name)) return name === "0" ? host.special("0") : host.positional()[Number(name) - 1];
  if (name.length === 1 && "?$#!-".includes(name)) return host.special(name);
  if (name === "@" || name === "*") return host.positional().join(" ");
  return host.getVar(name);
}

function braced(body: string, host: ExpandHost, inDq: boolean): Piece[] {
  const piece = (text: string): Piece[] => [{ text, quoted: inDq, split: !inDq }];
  if (body.startsWith("#") && body.length > 1) return piece(String((lookup(body.slice(1), host) ?? "").length));
  const m = /^([A-Za-z_]\w*|\d+|[?$#!@*-])(.*)$/s.exec(body);
  if (!m) throw new ExpansionError(`\${${body}}: bad substitution`);
  const name = m[1]!;
  const rest = m[2]!;
  const val = lookup(name, host);
  if (rest === "") return piece(val ?? "");
  const op = /^(:-|:=|:\+|:\?|-|=|\+|\?|%%|%|##|#|\/\/|\/|:)/.exec(rest)?.[0];
  if (!op) throw new ExpansionError(`\${${body}}: bad substitution`);
  const arg = rest.slice(op.length);
  const word = (): string => expandWord(arg, host);
  const unsetOrEmpty = val === undefined || (op.startsWith(":") && val === "");
  switch (op) {
    case ":-":
    case "-":
      return unsetOrEmpty ? piece(word()) : piece(val!);
    case ":=":
    case "=":
      if (unsetOrEmpty) {
        host.setVar(name, word());
        return piece(host.getVar(name) ?? "");
      }
      return piece(val!);
    case ":+":
    case "+":
      return unsetOrEmpty ? [] : piece(word());
    case ":?":
    case "?":
      if (unsetOrEmpty) throw new ExpansionError(`${name}: ${arg === "" ? "parameter not set" : word()}`);
      return piece(val!);
    case "%":
    case "%%":
    case "#":
    case "##":
      return piece(trim(val ?? "", word(), op));
    case "/":
    case "//": {
      const slash = arg.indexOf("/");
      const pat = slash < 0 ? arg : arg.slice(0, slash);
      const rep = slash < 0 ? "" : expandWord(arg.slice(slash + 1), host);
      const re = globToRegex(expandWord(pat, host), undefined, false);
      const g = new RegExp(re.source, op === "//" ? "g" : "");
      return piece((val ?? "").replace(g, () => rep));
    }
    case ":": {
      const [off, len] = arg.split(":");
      const s = val ?? "";
      const scope = { get: (k: string) => host.getVar(k), set: () => undefined };
      let o = evalArith(off ?? "0", scope);
      if (o < 0) o = Math.max(0, s.length + o);
      const l = len === undefined ? s.length : evalArith(len, scope);
      return piece(s.substr(o, l < 0 ? Math.max(0, s.length - o + l) : l));
    }
  }
  return piece(val ?? "");
}

function trim(value: string, pattern: string, op: string): string {
  const re = globToRegex(pattern);
  if (op === "#" || op === "##") {
    const lens = [...Array(value.length + 1).keys()];
    if (op === "##") lens.reverse();
    for (const k of lens) if (re.test(value.slice(0, k))) return value.slice(k);
    return value;
  }
  const starts = [...Array(value.length + 1).keys()];
  if (op === "%") starts.reverse();
  for (const k of starts) if (re.test(value.slice(k))) return value.slice(0, k);
  return value;
}
