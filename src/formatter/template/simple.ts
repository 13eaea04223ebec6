// A fast path for the commonest templates: text and plain `{{.Field}}` actions only (every
// default table format is one). Such a template prints each field's string; anything it cannot
// do exactly like the interpreter (non-string values, missing fields, maps, methods with
// arguments) makes it step aside, and the full interpreter runs instead.
import type { Node } from "./nodes.js";
import { kindOf, structMember } from "./values.js";

export type Segment = { text: string } | { field: string };

/** The template as segments, or null when it is not of the simple shape. */
export function simpleSegments(trees: Map<string, { root: { nodes: Node[] } }>, name: string): Segment[] | null {
  if (trees.size !== 1) return null;
  const tree = trees.get(name);
  if (!tree) return null;
  const segments: Segment[] = [];
  for (const node of tree.root.nodes) {
    if (node.type === "text") {
      segments.push({ text: node.text });
      continue;
    }
    if (node.type !== "action") return null;
    const pipe = node.pipe;
    if (pipe.isAssign || pipe.decl.length > 0 || pipe.cmds.length !== 1) return null;
    const args = pipe.cmds[0]!.args;
    if (args.length !== 1 || args[0]!.type !== "field" || args[0]!.ident.length !== 1) return null;
    const field = args[0]!.ident[0]!;
    if (!/^\p{Lu}/u.test(field)) return null;
    segments.push({ field });
  }
  return segments;
}

const SIMPLE_TEXT = /^(?:[^{]|\{(?!\{)|\{\{\.[A-Z][A-Za-z0-9_]*\}\})*$/;

/**
 * The segments of a template read straight from its text when it is plainly of the simple
 * shape (so the parser, a good part of a short command's start-up, can wait); else null.
 */
export function scanSimple(text: string): Segment[] | null {
  if (!SIMPLE_TEXT.test(text)) return null;
  const segments: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(/\{\{\.([A-Za-z0-9_]+)\}\}/g)) {
    if (m.index > at) segments.push({ text: text.slice(at, m.index) });
    segments.push({ field: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

/** A Go map[string]string (a table's header row): a missing key prints "<no value>". */
function runOnStringMap(segments: Segment[], data: object): string | undefined {
  if (data instanceof Map) return undefined;
  let out = "";
  for (const segment of segments) {
    if ("text" in segment) {
      out += segment.text;
      continue;
    }
    const value = Object.prototype.hasOwnProperty.call(data, segment.field) ? (data as Record<string, unknown>)[segment.field] : "<no value>";
    if (typeof value !== "string") return undefined;
    out += value;
  }
  return out;
}

/** The output, or undefined when the full interpreter must decide. */
export function runSimple(segments: Segment[], data: unknown): string | undefined {
  const kind = kindOf(data);
  if (kind === "map") return runOnStringMap(segments, data as object);
  if (kind !== "struct") return undefined;
  let out = "";
  for (const segment of segments) {
    if ("text" in segment) {
      out += segment.text;
      continue;
    }
    const member = structMember(data as object, segment.field);
    if (!member.found) return undefined;
    let value = member.value;
    if (typeof value === "function") {
      if (value.length !== 0 || "goParams" in value) return undefined;
      value = (value as () => unknown).call(data);
    }
    if (typeof value !== "string") return undefined;
    out += value;
  }
  return out;
}
