// Go's path.Match (golang: src/path/match.go), used by moby's reference.FamiliarMatch for the
// images "reference" filter: '*' and '?' never cross '/', classes [a-z] and [^x], '\' escapes.
import { invalidParameter } from "../errors.js";

const ERR_BAD_PATTERN = "syntax error in pattern";

/** Returns whether name matches pattern; throws docker's error for a malformed pattern. */
export function pathMatch(pattern: string, name: string): boolean {
  const r = match(pattern, 0, name, 0);
  if (r === "bad") throw invalidParameter(ERR_BAD_PATTERN);
  return r;
}

type R = boolean | "bad";

function match(p: string, pi: number, s: string, si: number): R {
  while (pi < p.length) {
    const c = p[pi]!;
    if (c === "*") {
      while (p[pi] === "*") pi++;
      if (pi === p.length) return !s.slice(si).includes("/");
      for (let k = si; k <= s.length; k++) {
        const r = match(p, pi, s, k);
        if (r === "bad") return r;
        if (r) return true;
        if (s[k] === "/") break;
      }
      return validateRest(p, pi) === "bad" ? "bad" : false;
    }
    if (si >= s.length) return validateRest(p, pi) === "bad" ? "bad" : false;
    if (c === "?") {
      if (s[si] === "/") return false;
      pi++;
      si++;
      continue;
    }
    if (c === "[") {
      const cls = readClass(p, pi + 1);
      if (cls === "bad") return "bad";
      const ch = s[si]!;
      if (ch === "/" || cls.test(ch) === cls.negated) return validateRest(p, cls.end) === "bad" ? "bad" : false;
      pi = cls.end;
      si++;
      continue;
    }
    let lit = c;
    if (c === "\\") {
      if (pi + 1 >= p.length) return "bad";
      lit = p[pi + 1]!;
      pi++;
    }
    if (s[si] !== lit) return validateRest(p, pi + 1) === "bad" ? "bad" : false;
    pi++;
    si++;
  }
  return si === s.length;
}

interface Cls {
  negated: boolean;
  end: number;
  test(ch: string): boolean;
}

function readChar(p: string, i: number): [string, number] | "bad" {
  if (i >= p.length || p[i] === "-" || p[i] === "]") return "bad";
  if (p[i] === "\\") return i + 1 < p.length ? [p[i + 1]!, i + 2] : "bad";
  return [p[i]!, i + 1];
}

function readClass(p: string, start: number): Cls | "bad" {
  let i = start;
  let negated = false;
  if (p[i] === "^") {
    negated = true;
    i++;
  }
  const ranges: Array<[string, string]> = [];
  let first = true;
  for (;;) {
    if (i < p.length && p[i] === "]" && !first) {
      i++;
      break;
    }
    first = false;
    const lo = readChar(p, i);
    if (lo === "bad") return "bad";
    let hi: [string, number] | "bad" = lo;
    if (p[lo[1]] === "-") {
      hi = readChar(p, lo[1] + 1);
      if (hi === "bad") return "bad";
    }
    ranges.push([lo[0], hi[0]]);
    i = hi[1];
  }
  return { negated, end: i, test: (ch) => ranges.some(([a, b]) => a <= ch && ch <= b) };
}

/** Go keeps scanning the pattern after a mismatch to report ErrBadPattern. */
function validateRest(p: string, pi: number): true | "bad" {
  for (let i = pi; i < p.length; ) {
    if (p[i] === "\\") {
      if (i + 1 >= p.length) return "bad";
      i += 2;
    } else if (p[i] === "[") {
      const cls = readClass(p, i + 1);
      if (cls === "bad") return "bad";
      i = cls.end;
    } else i++;
  }
  return true;
}
