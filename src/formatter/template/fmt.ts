// Go fmt's Sprint, Sprintln and Sprintf over template values.
import { formatExp, formatFixed, formatFloatV, formatG } from "../gofloat.js";
import { goQuote } from "../strings.js";
import { formatValue, goTypeName, kindOf } from "./values.js";

const isStringArg = (v: unknown): boolean => typeof v === "string";

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: unknown[]): string {
  let out = "";
  args.forEach((a, i) => {
    if (i > 0 && !isStringArg(a) && !isStringArg(args[i - 1])) out += " ";
    out += formatValue(a, 1);
  });
  return out;
}

/** fmt.Sprintln: always spaces, trailing newline. */
export function sprintln(args: unknown[]): string {
  return args.map((a) => formatValue(a, 1)).join(" ") + "\n";
}

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
}

const utf8 = new TextEncoder();

function pad(s: string, spec: Spec, numeric: boolean): string {
  const w = spec.width;
  const len = Array.from(s).length;
  if (w === undefined || len >= w) return s;
  const n = w - len;
  if (spec.minus) return s + " ".repeat(n);
  if (spec.zero && numeric) {
    const sign = /^[+\- ]/.test(s) ? s[0]! : "";
    return sign + "0".repeat(n) + s.slice(sign.length);
  }
  return " ".repeat(n) + s;
}

function badVerb(verb: string, v: unknown): string {
  if (v === null || v === undefined) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(v)}=${formatValue(v, 1)})`;
}

function signed(s: string, n: number, spec: Spec): string {
  if (n >= 0 && !s.startsWith("-")) {
    if (spec.plus) return "+" + s;
    if (spec.space) return " " + s;
  }
  return s;
}

function fmtInt(v: number, verb: string, spec: Spec): string {
  const neg = v < 0;
  const a = Math.abs(v);
  let digits: string;
  switch (verb) {
    case "d": case "v": digits = a.toString(10); break;
    case "x": digits = a.toString(16); if (spec.sharp) digits = "0x" + digits; break;
    case "X": digits = a.toString(16).toUpperCase(); if (spec.sharp) digits = "0X" + digits; break;
    case "o": digits = a.toString(8); if (spec.sharp) digits = "0" + digits; break;
    case "b": digits = a.toString(2); break;
    case "c": return String.fromCodePoint(v);
    case "q": return "'" + goQuote(String.fromCodePoint(v)).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'") + "'";
    case "U": return "U+" + a.toString(16).toUpperCase().padStart(4, "0");
    case "e": case "E": case "f": case "F": case "g": case "G": return fmtFloat(v, verb, spec);
    default: return badVerb(verb, v);
  }
  if (spec.prec !== undefined) digits = digits.padStart(spec.prec, "0");
  return signed((neg ? "-" : "") + digits, v, spec);
}

function fmtFloat(v: number, verb: string, spec: Spec): string {
  let s: string;
  switch (verb) {
    case "v": case "g": s = spec.prec === undefined ? formatFloatV(v) : formatG(v, spec.prec); break;
    case "G": s = (spec.prec === undefined ? formatFloatV(v) : formatG(v, spec.prec)).toUpperCase(); break;
    case "f": case "F": s = formatFixed(v, spec.prec ?? 6); break;
    case "e": s = formatExp(v, spec.prec ?? 6); break;
    case "E": s = formatExp(v, spec.prec ?? 6).toUpperCase(); break;
    default: return badVerb(verb, v);
  }
  return signed(s, v, spec);
}

function fmtString(v: string, verb: string, spec: Spec): string {
  const s = spec.prec === undefined ? v : Array.from(v).slice(0, spec.prec).join("");
  switch (verb) {
    case "s": case "v": return s;
    case "q": return spec.sharp && !s.includes("`") ? "`" + s + "`" : goQuote(s);
    case "x": case "X": {
      const hex = Array.from(utf8.encode(s), (b) => b.toString(16).padStart(2, "0")).join(spec.space ? " " : "");
      return verb === "X" ? hex.toUpperCase() : hex;
    }
    default: return badVerb(verb, v);
  }
}

function fmtArg(v: unknown, verb: string, spec: Spec): [string, boolean] {
  if (verb === "T") return [goTypeName(v), false];
  switch (kindOf(v)) {
    case "string": return [fmtString(v as string, verb, spec), false];
    case "int": return [fmtInt(v as number, verb, spec), true];
    case "float": return [fmtFloat(Number(v), verb, spec), true];
    case "bool":
      return verb === "t" || verb === "v" ? [v ? "true" : "false", false] : [badVerb(verb, v), false];
    case "slice":
      if (verb === "v" || verb === "s" || verb === "d" || verb === "q" || verb === "x") {
        return ["[" + (v as unknown[]).map((x) => fmtArg(x, verb, { ...spec, width: undefined })[0]).join(" ") + "]", false];
      }
      return [badVerb(verb, v), false];
    case "invalid": case "nil":
      return [verb === "v" || verb === "s" ? "<nil>" : badVerb(verb, v), false];
    default:
      return [verb === "v" || verb === "s" ? formatValue(v, 1) : badVerb(verb, v), false];
  }
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: unknown[]): string {
  let out = "";
  let argi = 0;
  let i = 0;
  while (i < format.length) {
    const c = format[i]!;
    if (c !== "%") {
      out += c;
      i++;
      continue;
    }
    i++;
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (; i < format.length; i++) {
      const f = format[i];
      if (f === "-") spec.minus = true;
      else if (f === "+") spec.plus = true;
      else if (f === "#") spec.sharp = true;
      else if (f === " ") spec.space = true;
      else if (f === "0") spec.zero = !spec.minus;
      else break;
    }
    const num = (): number | undefined => {
      if (format[i] === "*") {
        i++;
        const a = args[argi++];
        return typeof a === "number" ? a : undefined;
      }
      const m = /^\d+/.exec(format.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    spec.width = num();
    if (spec.width !== undefined && spec.width < 0) {
      spec.minus = true;
      spec.width = -spec.width;
    }
    if (format[i] === ".") {
      i++;
      spec.prec = num() ?? 0;
    }
    if (i >= format.length) {
      out += "%!(NOVERB)";
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === "%") {
      out += "%";
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const [s, numeric] = fmtArg(args[argi++], verb, spec);
    out += pad(s, spec, numeric);
  }
  if (argi < args.length) {
    out += "%!(EXTRA " + args.slice(argi).map((a) => `${goTypeName(a)}=${formatValue(a, 1)}`).join(", ") + ")";
  }
  return out;
}
