// String helpers with docker/Go semantics.
import { isWide, PRINTABLE_ASCII } from "./width.js";

// docker/cli: cli/command/formatter/displayutils.go charWidth (golang.org/x/text/width):
// only East-Asian Wide and Fullwidth count 2, everything else 1.
function charWidth(cp: number): number {
  return isWide(cp) ? 2 : 1;
}

/**
 * docker/cli formatter.Ellipsis: if s is wider than maxDisplayWidth, keep what fits in
 * maxDisplayWidth-1 columns and append "…".
 */
export function ellipsis(s: string, maxDisplayWidth: number): string {
  if (maxDisplayWidth <= 0) return "";
  if (PRINTABLE_ASCII.test(s)) {
    if (s.length <= maxDisplayWidth) return s;
    return maxDisplayWidth === 1 ? s[0]! : s.slice(0, maxDisplayWidth - 1) + "…";
  }
  const rs = Array.from(s);
  if (maxDisplayWidth === 1) return rs[0] ?? "";
  const display: number[] = [];
  let width = 0;
  for (const r of rs) {
    width += charWidth(r.codePointAt(0)!);
    display.push(width);
  }
  if (width <= maxDisplayWidth) return s;
  for (let i = 0; i < display.length - 1; i++) {
    if (display[i]! <= maxDisplayWidth - 1 && display[i + 1]! > maxDisplayWidth - 1) {
      return rs.slice(0, i + 1).join("") + "…";
    }
  }
  return s; // the first character alone is too wide: docker returns s unchanged
}

// Compiled on first use: Unicode property classes cost start-up time every command would pay.
let printable: RegExp | undefined;

/** Go unicode.IsPrint. */
export function isGoPrint(cp: number): boolean {
  if (cp === 0x20) return true;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return (printable ??= /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u).test(String.fromCodePoint(cp));
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, "0");

/** Go strconv.Quote. */
export function goQuote(s: string): string {
  if (PRINTABLE_ASCII.test(s)) return `"${s.replace(/["\\]/g, "\\$&")}"`;
  let out = '"';
  for (const ch of s) {
    let cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") {
      out += "\\" + ch;
      continue;
    }
    if (isGoPrint(cp)) {
      out += ch;
      continue;
    }
    switch (ch) {
      case "\x07": out += "\\a"; continue;
      case "\b": out += "\\b"; continue;
      case "\f": out += "\\f"; continue;
      case "\n": out += "\\n"; continue;
      case "\r": out += "\\r"; continue;
      case "\t": out += "\\t"; continue;
      case "\v": out += "\\v"; continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += "\\x" + hex(cp, 2);
    else {
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // lone surrogate: Go's invalid rune
      out += cp < 0x10000 ? "\\u" + hex(cp, 4) : "\\U" + hex(cp, 8);
    }
  }
  return out + '"';
}

/** moby pkg/stringid TruncateID: drop everything through the first ':', keep 12 characters. */
export function truncateId(id: string): string {
  const i = id.indexOf(":");
  if (i >= 0) id = id.slice(i + 1);
  return id.length > 12 ? id.slice(0, 12) : id;
}

/**
 * The Labels column of ps, network ls and volume ls: k=v pairs joined by commas. Docker walks a
 * Go map (random order); sorted here so output is stable.
 */
export function joinLabels(labels: Record<string, string> | null | undefined): string {
  if (!labels) return "";
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(",");
}
