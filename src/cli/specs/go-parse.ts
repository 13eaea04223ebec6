// Go standard-library parsers whose error texts docker shows verbatim in flag errors:
// strconv (ParseBool/ParseInt/ParseUint/ParseFloat/Quote), time.ParseDuration,
// go-units RAMInBytes (size.go) and math/big Rat.SetString as used by opts.NanoCPUs.

/** strconv.Quote (what Go's %q prints for a string). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (c === 7) out += "\\a";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c === 11) out += "\\v";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + '"';
}

export class GoNumError extends Error {}

function numError(fn: string, s: string, why: "invalid syntax" | "value out of range"): GoNumError {
  return new GoNumError(`strconv.${fn}: parsing ${goQuote(s)}: ${why}`);
}

export function parseBool(s: string): boolean {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(s)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(s)) return false;
  throw numError("ParseBool", s, "invalid syntax");
}

// strconv's underscoreOK: base-0 literals may separate digits with single underscores.
function underscoreOK(s: string): boolean {
  let saw = "^";
  let i = 0;
  if (s.length >= 1 && (s[0] === "-" || s[0] === "+")) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0" && "bBoOxX".includes(s[1]!)) {
    i = 2;
    saw = "0";
    hex = s[1] === "x" || s[1] === "X";
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= "0" && c <= "9") || (hex && /[a-fA-F]/.test(c))) {
      saw = "0";
      continue;
    }
    if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}

/** Digits of an unsigned base-0 literal, or null when the syntax is bad. */
function parseUnsignedBase0(s: string): bigint | null {
  if (s === "") return null;
  let base = 10;
  let body = s;
  if (s[0] === "0" && s.length > 1) {
    const p = s[1]!.toLowerCase();
    if (p === "x") (base = 16), (body = s.slice(2));
    else if (p === "o") (base = 8), (body = s.slice(2));
    else if (p === "b") (base = 2), (body = s.slice(2));
    else (base = 8), (body = s.slice(1));
  }
  const underscores = body.includes("_");
  if (underscores && !underscoreOK(s)) return null;
  body = body.replaceAll("_", "");
  if (body === "") return null;
  const digits = "0123456789abcdef".slice(0, base);
  let v = 0n;
  for (const ch of body.toLowerCase()) {
    const d = digits.indexOf(ch);
    if (d < 0) return null;
    v = v * BigInt(base) + BigInt(d);
  }
  return v;
}

/** strconv.ParseInt(s, 0, bits). */
export function parseInt0(s: string, bits = 64): number {
  let neg = false;
  let body = s;
  if (body[0] === "+" || body[0] === "-") {
    neg = body[0] === "-";
    body = body.slice(1);
  }
  const u = parseUnsignedBase0(body);
  if (u === null) throw numError("ParseInt", s, "invalid syntax");
  const limit = 1n << BigInt(bits - 1);
  if ((!neg && u >= limit) || (neg && u > limit)) throw numError("ParseInt", s, "value out of range");
  return Number(neg ? -u : u);
}

/** strconv.ParseUint(s, 0, bits). */
export function parseUint0(s: string, bits = 64): number {
  const u = parseUnsignedBase0(s);
  if (u === null) throw numError("ParseUint", s, "invalid syntax");
  if (u >= 1n << BigInt(bits)) throw numError("ParseUint", s, "value out of range");
  return Number(u);
}

/** strconv.ParseFloat(s, 64) for the decimal forms sizes use. */
export function parseFloat64(s: string): number {
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith("-") ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(s)) return NaN;
  if (!/^[+-]?(\d+(_\d+)*\.?(\d+(_\d+)*)?|\.\d+(_\d+)*)([eE][+-]?\d+)?$/.test(s)) {
    throw numError("ParseFloat", s, "invalid syntax");
  }
  const v = Number(s.replaceAll("_", ""));
  if (!Number.isFinite(v)) throw numError("ParseFloat", s, "value out of range");
  return v;
}

const durationUnits: Record<string, number> = {
  ns: 1,
  us: 1e3,
  "µs": 1e3,
  "μs": 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** time.ParseDuration; returns nanoseconds. */
export function parseDuration(orig: string): number {
  const invalid = () => new Error(`time: invalid duration ${goQuote(orig)}`);
  let s = orig;
  let neg = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (s === "") throw invalid();
  let total = 0;
  while (s !== "") {
    if (!(s[0] === "." || (s[0]! >= "0" && s[0]! <= "9"))) throw invalid();
    const m = /^(\d*)(\.(\d*))?/.exec(s)!;
    const pre = m[1]!;
    const post = m[3] ?? "";
    if (pre === "" && post === "") throw invalid();
    s = s.slice(m[0].length);
    const u = /^[^0-9.]*/.exec(s)![0];
    if (u === "") throw new Error(`time: missing unit in duration ${goQuote(orig)}`);
    const unit = durationUnits[u];
    if (unit === undefined) throw new Error(`time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}`);
    s = s.slice(u.length);
    total += Number(`${pre || "0"}.${post || "0"}`) * unit;
    if (total > 9223372036854775807) throw invalid();
  }
  return neg ? -total : total;
}

/** Go's Duration.String() for the values help shows as defaults. */
export function formatDuration(ns: number): string {
  if (ns === 0) return "0s";
  const sign = ns < 0 ? "-" : "";
  let rest = Math.abs(ns);
  if (rest < 1e9) {
    if (rest < 1e3) return `${sign}${rest}ns`;
    if (rest < 1e6) return `${sign}${rest / 1e3}µs`;
    return `${sign}${rest / 1e6}ms`;
  }
  const h = Math.floor(rest / 3600e9);
  rest -= h * 3600e9;
  const m = Math.floor(rest / 60e9);
  rest -= m * 60e9;
  const sec = `${rest / 1e9}s`;
  if (h > 0) return `${sign}${h}h${m}m${sec}`;
  if (m > 0) return `${sign}${m}m${sec}`;
  return sign + sec;
}

const ramUnits: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** go-units RAMInBytes (size.go parseSize with binary multipliers). */
export function ramInBytes(sizeStr: string): number {
  let sep = -1;
  for (let i = sizeStr.length - 1; i >= 0; i--) {
    if ("01234567890. ".includes(sizeStr[i]!)) {
      sep = i;
      break;
    }
  }
  if (sep === -1) throw new Error(`invalid size: '${sizeStr}'`);
  const num = sizeStr[sep] !== " " ? sizeStr.slice(0, sep + 1) : sizeStr.slice(0, sep);
  let sfx = sizeStr.slice(sep + 1);
  let size = parseFloat64(num);
  if (size < 0) throw new Error(`invalid size: '${sizeStr}'`);
  if (sfx.length === 0) return Math.trunc(size);
  const bad = () => new Error(`invalid suffix: '${sfx}'`);
  if (sfx.length > 3) throw bad();
  sfx = sfx.toLowerCase();
  if (sfx[0] === "b") {
    if (sfx.length > 1) throw bad();
    return Math.trunc(size);
  }
  const mul = ramUnits[sfx[0]!];
  if (mul === undefined) throw bad();
  size *= mul;
  if ((sfx.length === 2 && sfx[1] !== "b") || (sfx.length === 3 && sfx.slice(1) !== "ib")) throw bad();
  return Math.trunc(size);
}

/** opts.NanoCPUs.Set: a rational number of CPUs, returned in nano-CPUs. */
export function parseNanoCpus(value: string): number {
  const fail = () => new Error(`failed to parse ${value} as a rational number`);
  let num: bigint;
  let den: bigint;
  const frac = /^([+-]?\d+)\/(\d+)$/.exec(value);
  if (frac) {
    num = BigInt(frac[1]!);
    den = BigInt(frac[2]!);
    if (den === 0n) throw fail();
  } else {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(value);
    if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw fail();
    const digits = (m[2] ?? "") + (m[3] ?? "");
    let exp = -(m[3] ?? "").length + Number(m[4] ?? 0);
    num = BigInt(digits || "0") * (m[1] === "-" ? -1n : 1n);
    den = 1n;
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den = 10n ** BigInt(-exp);
  }
  const nano = num * 1_000_000_000n;
  if (nano % den !== 0n) throw new Error("value is too precise");
  return Number(nano / den);
}
