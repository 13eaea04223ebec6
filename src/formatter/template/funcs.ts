// Template functions: Go's builtins (text/template/funcs.go) and docker's
// (docker/cli: templates/templates.go), each with its Go parameter types.
import { goJson } from "../json.js";
import { sprint, sprintf, sprintln } from "./fmt.js";
import { formatValue, goTypeName, isGoMap, isTrue, kindOf, mapGet } from "./values.js";

/**
 * Go parameter types: "value" is reflect.Value (receives anything, even a missing value),
 * "any" is interface{}.
 */
export type ParamType = "string" | "int" | "bool" | "float64" | "any" | "value" | "[]string";

export interface GoFunc {
  params: ParamType[];
  /** The last parameter is variadic (...T). */
  variadic?: boolean;
  /** Returns the result; throwing an Error is Go's non-nil error result. */
  fn: (...args: unknown[]) => unknown;
}

export type FuncMap = Record<string, GoFunc>;

const fn = (params: ParamType[], f: (...args: never[]) => unknown, variadic = false): GoFunc => ({
  params,
  variadic,
  fn: f as (...args: unknown[]) => unknown,
});

// --- comparisons (funcs.go eq/lt) ---

type BasicKind = "bool" | "int" | "float" | "string" | "invalid";

function basicKind(v: unknown): BasicKind {
  const k = kindOf(v);
  return k === "bool" || k === "int" || k === "float" || k === "string" ? k : "invalid";
}

function eq(arg1: unknown, ...arg2: unknown[]): boolean {
  if (arg2.length === 0) throw new Error("missing argument for comparison");
  const k1 = basicKind(arg1);
  for (const arg of arg2) {
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (arg1 !== undefined && arg !== undefined) throw new Error("incompatible types for comparison");
    } else if (k1 !== "invalid") {
      truth = k1 === "float" ? Number(arg1) === Number(arg) : arg1 === arg;
    } else {
      const n1 = arg1 === undefined || arg1 === null;
      const n2 = arg === undefined || arg === null;
      if (n1 || n2) truth = n1 === n2 || (isGoNilish(arg1) && isGoNilish(arg));
      else if (Array.isArray(arg) || isGoMap(arg) || typeof arg === "function") {
        throw new Error(`non-comparable type ${formatValue(arg, 1)}: ${goTypeName(arg)}`);
      } else truth = arg1 === arg;
    }
    if (truth) return true;
  }
  return false;
}

const isGoNilish = (v: unknown): boolean => v === undefined || v === null || kindOf(v) === "nil";

function lt(arg1: unknown, arg2: unknown): boolean {
  const k1 = basicKind(arg1);
  const k2 = basicKind(arg2);
  if (k1 === "invalid" || k2 === "invalid") throw new Error("invalid type for comparison");
  if (k1 !== k2) throw new Error("incompatible types for comparison");
  if (k1 === "bool") throw new Error("invalid type for comparison");
  if (k1 === "float") return Number(arg1) < Number(arg2);
  return (arg1 as number | string) < (arg2 as number | string);
}

const le = (a: unknown, b: unknown): boolean => lt(a, b) || eq(a, b);

// --- indexing ---

function indexArg(index: unknown, cap: number): number {
  const k = kindOf(index);
  if (k === "invalid") throw new Error("cannot index slice/array with nil");
  if (k !== "int") throw new Error(`cannot index slice/array with type ${goTypeName(index)}`);
  const x = index as number;
  if (x < 0 || x > cap) throw new Error(`index out of range: ${x}`);
  return x;
}

const utf8 = new TextEncoder();

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined) throw new Error("index of untyped nil");
  for (const ix of indexes) {
    if (item === null) throw new Error("index of nil pointer");
    const k = kindOf(item);
    if (k === "slice" || k === "string") {
      const len = k === "string" ? utf8.encode(item as string).length : (item as unknown[]).length;
      const x = indexArg(ix, len);
      if (x === len) throw new Error(`reflect: slice index out of range`);
      item = k === "string" ? utf8.encode(item as string)[x] : (item as unknown[])[x];
    } else if (k === "map") {
      if (kindOf(ix) !== "string") throw new Error(`value has type ${goTypeName(ix)}; should be string`);
      const v = mapGet(item, ix as string);
      item = v !== undefined ? v : goTypeName(item) === "map[string]string" ? "" : null;
    } else {
      throw new Error(`can't index item of type ${goTypeName(item)}`);
    }
  }
  return item;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined) throw new Error("slice of untyped nil");
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(item);
  let len: number;
  if (k === "string") {
    if (indexes.length === 3) throw new Error("cannot 3-index slice a string");
    len = (item as string).length;
  } else if (k === "slice") len = (item as unknown[]).length;
  else throw new Error(`can't slice item of type ${goTypeName(item)}`);
  const idx = [0, len, 0];
  indexes.forEach((ix, i) => (idx[i] = indexArg(ix, len)));
  if (idx[0]! > idx[1]!) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  return k === "string" ? (item as string).slice(idx[0], idx[1]) : (item as unknown[]).slice(idx[0], idx[1]);
}

function length(item: unknown): number {
  if (item === null) throw new Error("len of nil pointer");
  switch (kindOf(item)) {
    case "string": return utf8.encode(item as string).length;
    case "slice": return (item as unknown[]).length;
    case "map": return item instanceof Map ? item.size : Object.keys(item as object).filter((k) => !k.startsWith("__")).length;
    case "invalid": throw new Error("reflect: call of reflect.Value.Type on zero Value");
  }
  throw new Error(`len of type ${goTypeName(item)}`);
}

// --- escapers ---

function evalArgs(args: unknown[]): string {
  return args.length === 1 && typeof args[0] === "string" ? args[0] : sprint(args);
}

export function htmlEscapeString(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) =>
    ({ "\0": "\uFFFD", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
}

export function jsEscapeString(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case "\\": out += "\\\\"; continue;
      case "'": out += "\\'"; continue;
      case '"': out += '\\"'; continue;
      case "<": out += "\\u003C"; continue;
      case ">": out += "\\u003E"; continue;
      case "&": out += "\\u0026"; continue;
      case "=": out += "\\u003D"; continue;
    }
    if (cp < 0x20) out += "\\u00" + cp.toString(16).toUpperCase().padStart(2, "0");
    else if (cp >= 0x80 && !/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch)) {
      out += "\\u" + cp.toString(16).toUpperCase().padStart(4, "0");
    } else out += ch;
  }
  return out;
}

/** Go url.QueryEscape. */
export function urlQueryEscape(s: string): string {
  let out = "";
  for (const b of utf8.encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** Go's builtin template functions. `and`, `or` and `call` are special-cased by the executor. */
export const builtinFuncs: FuncMap = {
  and: fn(["value", "value"], () => undefined, true),
  or: fn(["value", "value"], () => undefined, true),
  call: fn(["value", "value"], () => undefined, true),
  not: fn(["value"], (a: unknown) => !isTrue(a)),
  len: fn(["value"], length),
  index: fn(["value", "value"], index, true),
  slice: fn(["value", "value"], slice, true),
  eq: fn(["value", "value"], eq, true),
  ne: fn(["value", "value"], (a: unknown, b: unknown) => !eq(a, b)),
  lt: fn(["value", "value"], lt),
  le: fn(["value", "value"], le),
  gt: fn(["value", "value"], (a: unknown, b: unknown) => !le(a, b)),
  ge: fn(["value", "value"], (a: unknown, b: unknown) => !lt(a, b)),
  print: fn(["any"], (...a: unknown[]) => sprint(a), true),
  printf: fn(["string", "any"], (f: string, ...a: unknown[]) => sprintf(f, a), true),
  println: fn(["any"], (...a: unknown[]) => sprintln(a), true),
  html: fn(["any"], (...a: unknown[]) => htmlEscapeString(evalArgs(a)), true),
  js: fn(["any"], (...a: unknown[]) => jsEscapeString(evalArgs(a)), true),
  urlquery: fn(["any"], (...a: unknown[]) => urlQueryEscape(evalArgs(a)), true),
};

// --- docker's functions (templates.go) ---

/** strings.Split. */
export function goSplit(s: string, sep: string): string[] {
  if (sep === "") return Array.from(s);
  return s.split(sep);
}

// strings.Title's word-boundary test (isSeparator).
function isSeparator(r: string): boolean {
  const cp = r.codePointAt(0)!;
  if (cp <= 0x7f) {
    if (/[0-9a-zA-Z_]/.test(r)) return false;
    return true;
  }
  if (/^[\p{L}\p{Nd}]$/u.test(r)) return false;
  return /^\s$/u.test(r);
}

/** strings.Title: upper-case the first letter of every word. */
export function goTitle(s: string): string {
  let prev = " ";
  let out = "";
  for (const r of s) {
    out += isSeparator(prev) ? r.toUpperCase() : r;
    prev = r;
  }
  return out;
}

/** docker's `json` function: encoder with SetEscapeHTML(false), trailing newline removed. */
export function dockerJson(v: unknown): string {
  try {
    return goJson(v === undefined ? null : v, { escapeHtml: false }).trim();
  } catch {
    return "";
  }
}

const utf8dec = new TextDecoder();

export const dockerFuncs: FuncMap = {
  json: fn(["any"], dockerJson),
  split: fn(["string", "string"], goSplit),
  join: fn(["[]string", "string"], (a: string[] | null, sep: string) => (a ?? []).join(sep)),
  title: fn(["string"], goTitle),
  lower: fn(["string"], (s: string) => s.toLowerCase()),
  upper: fn(["string"], (s: string) => s.toUpperCase()),
  pad: fn(["string", "int", "int"], (s: string, prefix: number, suffix: number) =>
    s === "" ? s : " ".repeat(Math.max(prefix, 0)) + s + " ".repeat(Math.max(suffix, 0))),
  truncate: fn(["string", "int"], (s: string, n: number) => {
    const bytes = utf8.encode(s);
    if (bytes.length < n) return s;
    if (n < 0) throw new Error(`runtime error: slice bounds out of range [:${n}]`);
    return utf8dec.decode(bytes.slice(0, n));
  }),
};

/** docker's HeaderFunctions: identity replacements so table headers stay intact (pad is kept). */
export const headerFuncs: FuncMap = {
  json: fn(["string"], (v: string) => v),
  split: fn(["string", "string"], (v: string) => v),
  join: fn(["string", "string"], (v: string) => v),
  title: fn(["string"], (v: string) => v),
  lower: fn(["string"], (v: string) => v),
  upper: fn(["string"], (v: string) => v),
  truncate: fn(["string", "int"], (v: string) => v),
};
