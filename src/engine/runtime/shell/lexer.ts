// Splits shell source into words, operators and redirections (POSIX token rules, simplified).
import { ShellSyntaxError } from "./ast.js";

export type Token =
  | { t: "word"; raw: string; line: number }
  | { t: "op"; op: string; line: number }
  | { t: "redir"; op: string; fd: number; line: number; here?: { body: string; expand: boolean } }
  | { t: "eof"; line: number };

const OPS = ["&&", "||", ";;", ";", "&", "|", "(", ")", "\n"];
const REDIRS = ["<<-", "<<", ">>", ">&", "<&", ">|", "<>", ">", "<"];
const META = new Set([" ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")"]);

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const pendingHere: Array<{ tok: Extract<Token, { t: "redir" }>; delim: string; strip: boolean }> = [];
  let i = 0;
  let line = 1;
  while (i < src.length) {
    const c = src[i]!;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c === "\\" && src[i + 1] === "\n") {
      i += 2;
      line++;
      continue;
    }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === "\n") {
      tokens.push({ t: "op", op: "\n", line });
      i++;
      line++;
      // Here-document bodies start on the line after their operator.
      for (const h of pendingHere.splice(0)) {
        const body: string[] = [];
        while (i < src.length) {
          let end = src.indexOf("\n", i);
          if (end < 0) end = src.length;
          let text = src.slice(i, end);
          i = Math.min(end + 1, src.length);
          line++;
          if (h.strip) text = text.replace(/^\t+/, "");
          if (text === h.delim) break;
          body.push(text + "\n");
        }
        if (h.tok.here) h.tok.here.body = body.join("");
      }
      continue;
    }
    const digits = /^\d+(?=[<>])/.exec(src.slice(i, i + 4));
    const at = digits ? i + digits[0].length : i;
    const redir = REDIRS.find((r) => src.startsWith(r, at));
    if (redir) {
      const fd = digits ? Number(digits[0]) : redir.startsWith("<") && redir !== "<>" ? 0 : redir === "<>" ? 0 : 1;
      const tok: Extract<Token, { t: "redir" }> = { t: "redir", op: redir, fd, line };
      tokens.push(tok);
      i = at + redir.length;
      if (redir === "<<" || redir === "<<-") {
        while (src[i] === " " || src[i] === "\t") i++;
        const end = scanWord(src, i, line);
        const raw = src.slice(i, end);
        tokens.push({ t: "word", raw, line });
        i = end;
        const quoted = /['"\\]/.test(raw);
        tok.here = { body: "", expand: !quoted };
        pendingHere.push({ tok, delim: raw.replace(/['"\\]/g, ""), strip: redir === "<<-" });
      }
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      tokens.push({ t: "op", op, line });
      i += op.length;
      continue;
    }
    const end = scanWord(src, i, line);
    const raw = src.slice(i, end);
    tokens.push({ t: "word", raw, line });
    line += raw.split("\n").length - 1;
    i = end;
  }
  tokens.push({ t: "eof", line });
  return tokens;
}

/** End index of the word starting at `i`, honouring quotes and substitutions. */
export function scanWord(src: string, i: number, line: number): number {
  while (i < src.length && !META.has(src[i]!)) i = scanUnit(src, i, line);
  return i;
}

function unterminated(kind: string, line: number): ShellSyntaxError {
  return new ShellSyntaxError(null, line, undefined, kind);
}

/** Skips one syntactic unit (a char, a quoted string, a substitution) starting at `i`. */
function scanUnit(src: string, i: number, line: number): number {
  const c = src[i]!;
  if (c === "\\") return i + 2;
  if (c === "'") {
    const end = src.indexOf("'", i + 1);
    if (end < 0) throw unterminated("'", line);
    return end + 1;
  }
  if (c === '"') {
    let j = i + 1;
    while (j < src.length && src[j] !== '"') {
      if (src[j] === "\\") j += 2;
      else if (src[j] === "$" || src[j] === "`") j = scanUnit(src, j, line);
      else j++;
    }
    if (j >= src.length) throw unterminated('"', line);
    return j + 1;
  }
  if (c === "`") {
    let j = i + 1;
    while (j < src.length && src[j] !== "`") j += src[j] === "\\" ? 2 : 1;
    if (j >= src.length) throw unterminated("`", line);
    return j + 1;
  }
  if (c === "$" && src[i + 1] === "(") return scanParens(src, i + 1, line);
  if (c === "$" && src[i + 1] === "{") {
    let j = i + 2;
    while (j < src.length && src[j] !== "}") j = scanUnit(src, j, line);
    if (j >= src.length) throw unterminated("}", line);
    return j + 1;
  }
  return i + 1;
}

/** From an opening "(" to just past its matching ")". */
function scanParens(src: string, i: number, line: number): number {
  let depth = 0;
  let j = i;
  while (j < src.length) {
    const c = src[j]!;
    if (c === "(") {
      depth++;
      j++;
    } else if (c === ")") {
      depth--;
      j++;
      if (depth === 0) return j;
    } else if (c === "'" || c === '"' || c === "`" || c === "\\" || c === "$") {
      j = scanUnit(src, j, line);
    } else j++;
  }
  throw unterminated(")", line);
}
