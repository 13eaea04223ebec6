// How plain JS values stand in for Go values inside templates.
//   undefined          -> the invalid reflect.Value (a missing map key): prints "<no value>"
//   null               -> a nil pointer/interface: prints "<nil>"
//   string/boolean     -> string/bool; integral number -> int; other number -> float64
//   array              -> slice ([]string when all elements are strings)
//   Map, or object marked as a map -> Go map (sorted keys when printed or ranged)
//   other objects      -> structs; a function property is a method (called with the args)
import { formatFloatV } from "../gofloat.js";

/** Symbol (or property "__goType") giving an object's Go type name for error messages. */
export const GO_TYPE: unique symbol = Symbol.for("mockdocker.goType");
/** Symbol (or property "__goMap") marking an object as a Go map. */
export const GO_MAP: unique symbol = Symbol.for("mockdocker.goMap");
/** Property a JS function may carry to declare its Go parameter types. */
export const GO_PARAMS = "goParams";
/** Symbol marking a typed nil pointer (see goNil). */
export const GO_NIL: unique symbol = Symbol.for("mockdocker.goNil");

/** A typed nil pointer, e.g. goNil("*formatter.Platform"): prints "<nil>", JSON null. */
export function goNil(typeName: string): object {
  return Object.freeze({ [GO_NIL]: true, [GO_TYPE]: typeName });
}

/** A float64 value (a float literal such as 1.0 or 1e6 stays a float: prints "1", "1e+06"). */
export function goFloat(n: number): number {
  return new Number(n) as number;
}

export function isGoNil(v: unknown): boolean {
  return typeof v === "object" && v !== null && (v as Record<symbol, unknown>)[GO_NIL] === true;
}

export type Kind = "invalid" | "nil" | "string" | "int" | "float" | "bool" | "slice" | "map" | "struct" | "func";

export function kindOf(v: unknown): Kind {
  if (v === undefined) return "invalid";
  if (v === null || isGoNil(v)) return "nil";
  if (v instanceof Number) return "float";
  switch (typeof v) {
    case "string": return "string";
    case "number": return Number.isInteger(v) ? "int" : "float";
    case "bigint": return "int";
    case "boolean": return "bool";
    case "function": return "func";
  }
  if (Array.isArray(v)) return "slice";
  if (isGoMap(v)) return "map";
  return "struct";
}

export function isGoMap(v: unknown): boolean {
  if (v instanceof Map) return true;
  if (typeof v !== "object" || v === null) return false;
  const o = v as Record<string | symbol, unknown>;
  return o[GO_MAP] === true || o["__goMap"] === true;
}

function declaredType(v: object): string | undefined {
  const o = v as Record<string | symbol, unknown>;
  const t = o[GO_TYPE] ?? o["__goType"];
  return typeof t === "string" ? t : undefined;
}

/** The Go type name used in error messages. */
export function goTypeName(v: unknown): string {
  switch (kindOf(v)) {
    case "invalid": return "<nil>";
    case "nil": return isGoNil(v) ? declaredType(v as object)! : "interface {}";
    case "string": return "string";
    case "int": return "int";
    case "float": return "float64";
    case "bool": return "bool";
    case "func": return "func()";
    case "slice": {
      const d = declaredType(v as object);
      if (d) return d;
      const arr = v as unknown[];
      return arr.length > 0 && arr.every((x) => typeof x === "string") ? "[]string" : "[]interface {}";
    }
    case "map": return (v instanceof Map ? undefined : declaredType(v as object)) ?? "map[string]interface {}";
    default: return declaredType(v as object) ?? "struct {}";
  }
}

/** Keys of a Go map value, sorted as fmt and range sort them. */
export function mapKeys(v: unknown): string[] {
  if (v instanceof Map) return [...v.keys()].map(String).sort();
  return Object.keys(v as object).filter((k) => !k.startsWith("__")).sort();
}

export function mapGet(v: unknown, key: string): unknown {
  if (v instanceof Map) return v.get(key);
  if (key.startsWith("__")) return undefined;
  return Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<string, unknown>)[key] : undefined;
}

/** Exported members of a struct-like object (own and inherited), excluding functions. */
export function structFields(v: object): string[] {
  return Object.keys(v).filter((k) => !k.startsWith("__") && typeof (v as Record<string, unknown>)[k] !== "function");
}

/** Look up a struct member (field or method); undefined when the struct has none. */
export function structMember(v: object, name: string): { found: boolean; value: unknown } {
  if (name.startsWith("__")) return { found: false, value: undefined };
  if (!(name in v) || name in Object.prototype) return { found: false, value: undefined };
  return { found: true, value: (v as Record<string, unknown>)[name] };
}

/** Go truth (text/template isTrue). ok=false for values with no truth (never for JS data). */
export function isTrue(v: unknown): boolean {
  switch (kindOf(v)) {
    case "invalid": case "nil": return false;
    case "string": return (v as string).length > 0;
    case "int": case "float": return Number(v) !== 0;
    case "bool": return v as boolean;
    case "slice": return (v as unknown[]).length > 0;
    case "map": return mapKeys(v).length > 0;
    default: return true;
  }
}

function stringer(v: object): string | undefined {
  const s = (v as { String?: unknown }).String;
  return typeof s === "function" ? String(s.call(v)) : undefined;
}

/** fmt's %v rendering. */
export function formatValue(v: unknown, depth = 0): string {
  switch (kindOf(v)) {
    case "invalid": return depth === 0 ? "<no value>" : "<nil>";
    case "nil": return "<nil>";
    case "string": return v as string;
    case "int": return String(v);
    case "float": return formatFloatV(Number(v));
    case "bool": return v ? "true" : "false";
    case "func": return "0x0";
    case "slice": {
      const s = stringer(v as object);
      if (s !== undefined && !Array.isArray(v)) return s;
      return "[" + (v as unknown[]).map((x) => formatValue(x, depth + 1)).join(" ") + "]";
    }
    case "map":
      return "map[" + mapKeys(v).map((k) => `${k}:${formatValue(mapGet(v, k), depth + 1)}`).join(" ") + "]";
    default: {
      const s = stringer(v as object);
      if (s !== undefined) return s;
      const o = v as Record<string, unknown>;
      return "{" + structFields(o).map((k) => formatValue(o[k], depth + 1)).join(" ") + "}";
    }
  }
}
