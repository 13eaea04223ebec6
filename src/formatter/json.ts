// Go encoding/json output (encode.go): compact marshal, optional HTML escaping, and
// json.Indent layout as `docker inspect` prints it.

export interface GoJsonOptions {
  /** Escape <, > and & as \u003c, \u003e, \u0026 (json.Marshal does; docker's `json` func does not). */
  escapeHtml?: boolean;
}

const HEX = "0123456789abcdef";
const GO_NIL_KEY = Symbol.for("mockdocker.goNil");

/** Go's JSON string encoding (encodeState.string). */
export function goJsonString(s: string, escapeHtml = true): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && !(escapeHtml && (c === 0x3c || c === 0x3e || c === 0x26))) {
        out += s[i];
        continue;
      }
      switch (c) {
        case 0x22: out += '\\"'; break;
        case 0x5c: out += "\\\\"; break;
        case 0x08: out += "\\b"; break;
        case 0x0c: out += "\\f"; break;
        case 0x0a: out += "\\n"; break;
        case 0x0d: out += "\\r"; break;
        case 0x09: out += "\\t"; break;
        default: out += "\\u00" + HEX[c >> 4] + HEX[c & 0xf];
      }
      continue;
    }
    if (c === 0x2028 || c === 0x2029) {
      out += "\\u202" + HEX[c & 0xf];
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
        continue;
      }
      out += "\\ufffd";
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      out += "\\ufffd"; // invalid UTF-8 is replaced
      continue;
    }
    out += s[i];
  }
  return out + '"';
}

function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${n}`);
  // JS and Go agree: exponent form below 1e-6 and from 1e21; Go writes e-07 as e-7 too.
  return Object.is(n, -0) ? "-0" : String(n);
}

function isMarshaler(v: object): v is { MarshalJSON: () => string } {
  return typeof (v as { MarshalJSON?: unknown }).MarshalJSON === "function";
}

/**
 * Compact Go JSON. Object keys keep insertion order (callers build objects in the daemon's
 * field order); a JS Map is a Go map, so its keys are sorted. undefined properties are
 * omitted; null and undefined encode as null. An object with a MarshalJSON() method returning
 * JSON text is encoded with it.
 */
export function goJson(value: unknown, opts: GoJsonOptions = {}): string {
  const esc = opts.escapeHtml ?? true;
  const enc = (v: unknown): string => {
    if (v === null || v === undefined) return "null";
    if (v instanceof Number) return goJsonNumber(Number(v));
    if (typeof v === "object" && (v as Record<symbol, unknown>)[GO_NIL_KEY] === true) return "null";
    switch (typeof v) {
      case "string": return goJsonString(v, esc);
      case "number": return goJsonNumber(v);
      case "bigint": return v.toString();
      case "boolean": return v ? "true" : "false";
      case "function": throw new Error("json: unsupported type: func()");
    }
    if (Array.isArray(v)) return "[" + v.map(enc).join(",") + "]";
    if (v instanceof Map) {
      const keys = [...v.keys()].map(String).sort();
      return "{" + keys.map((k) => goJsonString(k, esc) + ":" + enc(v.get(k))).join(",") + "}";
    }
    const obj = v as Record<string, unknown>;
    if (isMarshaler(obj)) return compactJson(obj.MarshalJSON(), esc);
    const parts: string[] = [];
    for (const k of Object.keys(obj)) {
      const x = obj[k];
      if (x === undefined || typeof x === "function" || k.startsWith("__go")) continue;
      parts.push(goJsonString(k, esc) + ":" + enc(x));
    }
    return "{" + parts.join(",") + "}";
  };
  return enc(value);
}

// json.Compact of Marshaler output (whitespace outside strings removed, HTML optionally escaped).
function compactJson(src: string, escapeHtml: boolean): string {
  let out = "";
  let inStr = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (inStr) {
      if (ch === "\\") {
        out += ch + (src[i + 1] ?? "");
        i++;
        continue;
      }
      if (ch === '"') inStr = false;
      if (escapeHtml && (ch === "<" || ch === ">" || ch === "&")) {
        out += "\\u00" + HEX[ch.charCodeAt(0) >> 4] + HEX[ch.charCodeAt(0) & 0xf];
        continue;
      }
      out += ch;
      continue;
    }
    if (ch === '"') inStr = true;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") continue;
    out += ch;
  }
  return out;
}

/** Go json.Indent(prefix "", indent) applied to compact JSON text. */
export function indentJsonText(src: string, indent = "    "): string {
  let out = "";
  let depth = 0;
  let inStr = false;
  let needIndent = false; // just opened a container: newline comes before its first element
  const newline = (): string => "\n" + indent.repeat(depth);
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inStr) {
      out += c;
      if (c === "\\") {
        out += src[i + 1] ?? "";
        i++;
      } else if (c === '"') inStr = false;
      continue;
    }
    if (c === " " || c === "\t" || c === "\n" || c === "\r") continue;
    if (needIndent && c !== "]" && c !== "}") {
      needIndent = false;
      depth++;
      out += newline();
    }
    switch (c) {
      case '"':
        inStr = true;
        out += c;
        break;
      case "{":
      case "[":
        needIndent = true;
        out += c;
        break;
      case ",":
        out += c + newline();
        break;
      case ":":
        out += ": ";
        break;
      case "}":
      case "]":
        if (needIndent) {
          needIndent = false; // empty container stays "{}" / "[]"
        } else {
          depth--;
          out += newline();
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

/**
 * The indented JSON `docker inspect` prints: json.Indent over the daemon's encoding, which
 * does not escape HTML (moby httputils.WriteJSON uses SetEscapeHTML(false)).
 */
export function indentJson(value: unknown, indent = "    ", opts: GoJsonOptions = { escapeHtml: false }): string {
  return indentJsonText(goJson(value, opts), indent);
}
