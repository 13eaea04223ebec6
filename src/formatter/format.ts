// docker/cli: cli/command/formatter/formatter.go (Context.Write: preFormat, parseFormat,
// contextFormat, postFormat) and reflect.go (MarshalJSON of row contexts).
import { goJson } from "./json.js";
import { TabWriter } from "./tabwriter.js";
import {
  executePartial, headerFuncs, parseTemplate, TemplateError, type FuncMap, type Template,
} from "./template/index.js";
import { GO_MAP, GO_TYPE } from "./template/values.js";

export const TABLE_FORMAT_KEY = "table";
export const RAW_FORMAT_KEY = "raw";
export const PRETTY_FORMAT_KEY = "pretty";
export const JSON_FORMAT_KEY = "json";
export const DEFAULT_QUIET_FORMAT = "{{.ID}}";
export const JSON_FORMAT = "{{json .}}";

/** Any format starting with "table" is a table. */
export function isTable(format: string): boolean {
  return format.startsWith(TABLE_FORMAT_KEY);
}

/** Only the exact word "json" is the JSON format. */
export function isJson(format: string): boolean {
  return format === JSON_FORMAT_KEY;
}

/** formatter.go preFormat: drop a leading "table", trim spaces, turn typed \t and \n into real ones. */
export function preFormat(format: string): string {
  let f = format;
  if (isTable(format)) f = f.slice(TABLE_FORMAT_KEY.length);
  else if (isJson(format)) f = JSON_FORMAT;
  f = f.replace(/^ +| +$/g, "");
  return f.replace(/\\t|\\n/g, (m) => (m === "\\t" ? "\t" : "\n"));
}

/** An error from formatting, with docker's "template parsing error: " prefix. */
export class FormatError extends Error {
  override name = "FormatError";
  constructor(readonly templateError: TemplateError) {
    super(`template parsing error: ${templateError.message}`);
  }
}

/** Parse a (pre-formatted) docker format with docker's functions. Throws FormatError. */
export function parseFormat(finalFormat: string, funcs?: FuncMap): Template {
  try {
    return parseTemplate(finalFormat, funcs ? { funcs } : {});
  } catch (e) {
    if (e instanceof TemplateError) throw new FormatError(e);
    throw e;
  }
}

export interface RenderOptions {
  /** The user's --format, or the command's default (e.g. "table {{.ID}}\t{{.Names}}"). */
  format: string;
  /** One template context per row. */
  contexts: readonly unknown[];
  /** Header map (field name -> column title), the context's FullHeader(). */
  header?: Readonly<Record<string, string>>;
  /** Functions replacing docker's basic functions (rarely needed). */
  funcs?: FuncMap;
}

/** The header context: a Go map[string]string, so unknown fields print "<no value>". */
export function headerContext(header: Readonly<Record<string, string>> | undefined): object {
  return { ...(header ?? {}), [GO_MAP]: true, [GO_TYPE]: "formatter.SubHeaderContext" };
}

/**
 * Render rows as docker's formatter.Context.Write does: the template runs once per row,
 * each followed by "\n"; a table also runs it once on the header map with the header
 * functions (errors there are ignored, keeping partial output) and lays everything out
 * with tabwriter(10, 1, 3, ' ', 0). Throws FormatError; nothing is rendered on error.
 */
export function renderContexts(opts: RenderOptions): string {
  const tmpl = parseFormat(preFormat(opts.format), opts.funcs);
  let rows = "";
  for (const ctx of opts.contexts) {
    const r = executePartial(tmpl, ctx);
    if (r.error) throw new FormatError(r.error);
    rows += r.output + "\n";
  }
  if (!isTable(opts.format)) return rows;
  const tw = newTableWriter();
  tw.write(executePartial(tmpl, headerContext(opts.header), { funcs: headerFuncs }).output);
  tw.write("\n");
  tw.write(rows);
  return tw.flush();
}

/** The tabwriter every docker table goes through: tabwriter.NewWriter(out, 10, 1, 3, ' ', 0). */
export function newTableWriter(): TabWriter {
  return new TabWriter({ minwidth: 10, tabwidth: 1, padding: 3, padchar: " ", flags: 0 });
}

const NOT_MARSHALLED = new Set(["FullHeader", "MarshalJSON", "Header", "FieldsUsed"]);

function memberNames(obj: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = obj; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const k of Object.getOwnPropertyNames(o)) names.add(k);
  }
  return [...names];
}

/**
 * docker's `{{json .}}` of a row context (formatter.MarshalJSON): every exported member
 * (zero-argument methods, and plain data properties) becomes a key; keys are sorted; the
 * values are marshalled with HTML escaping. `fields` restricts the keys.
 */
export function marshalContext(obj: object, fields?: readonly string[]): string {
  const rec = obj as Record<string, unknown>;
  const names = fields ?? memberNames(obj).filter((k) =>
    /^\p{Lu}/u.test(k) && !NOT_MARSHALLED.has(k) && (typeof rec[k] !== "function" || (rec[k] as () => unknown).length === 0));
  const m = new Map<string, unknown>();
  for (const k of names) {
    const v = rec[k];
    m.set(k, typeof v === "function" ? (v as () => unknown).call(obj) : v);
  }
  return goJson(m, { escapeHtml: true });
}
