// A Go text/template subset: parseTemplate + execute, with Go's exact error texts.
import { TemplateError } from "./errors.js";
import { run } from "./exec.js";
import { builtinFuncs, dockerFuncs, type FuncMap } from "./funcs.js";
import { parseTrees, type Tree } from "./parser.js";
import { runSimple, scanSimple, simpleSegments, type Segment } from "./simple.js";

export { TemplateError } from "./errors.js";
export { builtinFuncs, dockerFuncs, headerFuncs, type FuncMap, type GoFunc, type ParamType } from "./funcs.js";
export { GO_MAP, GO_PARAMS, GO_TYPE, formatValue } from "./values.js";

export interface Template {
  readonly name: string;
  readonly text: string;
  readonly trees: Map<string, Tree>;
  readonly funcs: FuncMap;
  /** Set when the template is only text and plain fields (see simple.ts). */
  readonly simple: Segment[] | null;
}

export interface ParseOptions {
  /** Template name used in messages ("" as docker's templates.Parse uses). */
  name?: string;
  /** Functions besides Go's builtins; defaults to docker's basic functions. */
  funcs?: FuncMap;
}

/** Parse like `template.New(name).Funcs(funcs).Parse(text)`. Throws TemplateError. */
export function parseTemplate(text: string, opts: ParseOptions = {}): Template {
  const name = opts.name ?? "";
  const funcs = opts.funcs ?? dockerFuncs;
  const known = (f: string) => f in funcs || f in builtinFuncs;
  const quick = scanSimple(text);
  if (quick) {
    // Text and plain fields only: nothing to reject, so the parse waits until something needs it.
    let trees: Map<string, Tree> | undefined;
    return {
      name,
      text,
      funcs,
      simple: quick,
      get trees() {
        return (trees ??= parseTrees(name, text, known));
      },
    };
  }
  const trees = parseTrees(name, text, known);
  return { name, text, trees, funcs, simple: simpleSegments(trees, name) };
}

export interface ExecuteOptions {
  /** Replace functions at execution time, as `tmpl.Funcs(HeaderFunctions)` does. */
  funcs?: FuncMap;
  /** "error": Go's Option("missingkey=error") — docker inspect's templates use it. */
  missingKey?: "default" | "error";
}

/** Execute and return the output and any error; on error the output is what was written so far. */
export function executePartial(tmpl: Template, data: unknown, opts: ExecuteOptions = {}): { output: string; error?: TemplateError } {
  const funcs = opts.funcs ? { ...tmpl.funcs, ...opts.funcs } : tmpl.funcs;
  if (tmpl.simple && opts.missingKey !== "error") {
    const output = runSimple(tmpl.simple, data);
    if (output !== undefined) return { output };
  }
  return run({ name: tmpl.name, text: tmpl.text, trees: tmpl.trees, funcs }, data, opts.missingKey === "error");
}

/** Execute a parsed template on data. Throws TemplateError. */
export function execute(tmpl: Template, data: unknown, opts: ExecuteOptions = {}): string {
  const r = executePartial(tmpl, data, opts);
  if (r.error) throw r.error;
  return r.output;
}

/** Parse and execute in one step. Throws TemplateError. */
export function renderTemplate(text: string, data: unknown, opts: ParseOptions = {}): string {
  return execute(parseTemplate(text, opts), data);
}

export function isTemplateError(e: unknown): e is TemplateError {
  return e instanceof TemplateError;
}
