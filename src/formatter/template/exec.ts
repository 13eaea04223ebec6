// Port of Go's text/template/exec.go over plain JS values (see values.ts).
import { TemplateError } from "./errors.js";
import { builtinFuncs, type FuncMap, type GoFunc, type ParamType } from "./funcs.js";
import {
  nodeString, type ChainNode, type CommandNode, type FieldNode, type IdentifierNode,
  type Node, type NumberNode, type PipeNode, type RangeNode, type TemplateNode, type VariableNode,
} from "./nodes.js";
import type { Tree } from "./parser.js";
import { formatValue, goFloat, goTypeName, GO_PARAMS, isTrue, kindOf, mapGet, mapKeys, structMember } from "./values.js";

const MISSING: unique symbol = Symbol("missingVal");
type Value = unknown;

class WalkBreak {}
class WalkContinue {}

export interface ExecTemplate {
  name: string;
  text: string;
  trees: Map<string, Tree>;
  funcs: FuncMap;
}

const utf8 = new TextEncoder();

export class ExecState {
  out = "";
  private node: Node | null = null;
  private vars: { name: string; value: Value }[];
  private depth = 0;

  constructor(
    private tmpl: ExecTemplate,
    private readonly topName: string,
    data: Value,
    /** Go's Option("missingkey=error"): a missing map key is an error, not <no value>. */
    private readonly missingKeyError = false,
  ) {
    this.vars = [{ name: "$", value: data }];
  }

  errorf(msg: string): never {
    const name = this.tmpl.name;
    if (this.node === null) throw new TemplateError(`template: ${name}: ${msg}`, "exec");
    const text = this.tmpl.text;
    const pos = this.node.pos;
    const before = text.slice(0, pos);
    const nl = before.lastIndexOf("\n");
    const col = utf8.encode(nl === -1 ? before : before.slice(nl + 1)).length;
    const line = 1 + before.split("\n").length - 1;
    const loc = `${this.topName}:${line}:${col}`;
    throw new TemplateError(`template: ${loc}: executing ${JSON.stringify(name)} at <${nodeString(this.node)}>: ${msg}`, "exec");
  }

  private at(node: Node): void {
    this.node = node;
  }

  private mark(): number {
    return this.vars.length;
  }
  private pop(mark: number): void {
    this.vars.length = mark;
  }
  private push(name: string, value: Value): void {
    this.vars.push({ name, value });
  }
  private setVar(name: string, value: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  private setTopVar(n: number, value: Value): void {
    this.vars[this.vars.length - n]!.value = value;
  }
  private varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) return this.vars[i]!.value;
    }
    this.errorf(`undefined variable: ${name}`);
  }

  walk(dot: Value, node: Node): void {
    this.at(node);
    switch (node.type) {
      case "action": {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case "break": throw new WalkBreak();
      case "continue": throw new WalkContinue();
      case "if":
      case "with": {
        const mark = this.mark();
        try {
          const val = this.evalPipeline(dot, node.pipe);
          if (isTrue(val)) this.walk(node.type === "with" ? val : dot, node.list);
          else if (node.elseList) this.walk(dot, node.elseList);
        } finally {
          this.pop(mark);
        }
        return;
      }
      case "list":
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case "range":
        this.walkRange(dot, node);
        return;
      case "template":
        this.walkTemplate(dot, node);
        return;
      case "text":
        this.out += node.text;
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkRange(dot: Value, r: RangeNode): void {
    this.at(r);
    const outerMark = this.mark();
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.mark();
      const oneIteration = (index: Value, elem: Value): void => {
        if (r.pipe.decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(r.pipe.decl[0]!.ident[0]!, r.pipe.decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (r.pipe.decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(r.pipe.decl[1]!.ident[0]!, elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (!(e instanceof WalkContinue)) throw e;
        } finally {
          this.pop(mark);
        }
      };
      let ran = false;
      switch (kindOf(val)) {
        case "slice":
          (val as unknown[]).forEach((elem, i) => {
            ran = true;
            oneIteration(i, elem);
          });
          break;
        case "map":
          for (const k of mapKeys(val)) {
            ran = true;
            oneIteration(k, mapGet(val, k));
          }
          break;
        case "int":
          if (r.pipe.decl.length > 1) this.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
          for (let i = 0; i < (val as number); i++) {
            ran = true;
            oneIteration(i, i);
          }
          break;
        case "invalid":
          break;
        default:
          this.errorf(`range can't iterate over ${formatValue(val, 1)}`);
      }
      if (!ran && r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (!(e instanceof WalkBreak)) throw e;
    } finally {
      this.pop(outerMark);
    }
  }

  private walkTemplate(dot: Value, t: TemplateNode): void {
    this.at(t);
    const tree = this.tmpl.trees.get(t.name);
    if (tree === undefined) this.errorf(`template ${JSON.stringify(t.name)} not defined`);
    if (this.depth >= 100000) this.errorf("exceeded maximum template depth (100000)");
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : undefined;
    const saved = { tmpl: this.tmpl, vars: this.vars };
    this.tmpl = { ...this.tmpl, name: t.name };
    this.vars = [{ name: "$", value: newDot }];
    this.depth++;
    try {
      this.walk(newDot, tree!.root);
    } finally {
      this.depth--;
      this.tmpl = saved.tmpl;
      this.vars = saved.vars;
    }
  }

  evalPipeline(dot: Value, pipe: PipeNode | null): Value {
    if (pipe === null) return undefined;
    this.at(pipe);
    let value: Value = MISSING;
    for (const cmd of pipe.cmds) value = this.evalCommand(dot, cmd, value);
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, value);
      else this.push(v.ident[0]!, value);
    }
    return value;
  }

  private notAFunction(args: Node[], final: Value): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
  }

  private evalCommand(dot: Value, cmd: CommandNode, final: Value): Value {
    const first = cmd.args[0]!;
    switch (first.type) {
      case "field": return this.evalFieldNode(dot, first, cmd.args, final);
      case "chain": return this.evalChainNode(dot, first, cmd.args, final);
      case "identifier": return this.evalFunction(dot, first, cmd, cmd.args, final);
      case "pipe":
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case "variable": return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case "bool": return first.value;
      case "dot": return dot;
      case "nil": this.errorf("nil is not a command");
      case "number": return this.idealConstant(first);
      case "string": return first.text;
    }
    this.errorf(`can't evaluate command ${JSON.stringify(nodeString(first))}`);
  }

  private idealConstant(c: NumberNode): Value {
    this.at(c);
    if (c.isComplex) this.errorf(`${c.text} overflows int`);
    const isHexInt = /^0[xX]/.test(c.text) && !/[pP]/.test(c.text);
    if (c.isFloat && !isHexInt && c.text[0] !== "'" && /[.eEpP]/.test(c.text)) return goFloat(c.float);
    if (c.isInt) return c.int;
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: Value, field: FieldNode, args: Node[] | null, final: Value): Value {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: Value, chain: ChainNode, args: Node[] | null, final: Value): Value {
    this.at(chain);
    if (chain.field.length === 0) this.errorf("internal error: no fields in evalChainNode");
    if (chain.node.type === "nil") this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, "any", chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: Value, v: VariableNode, args: Node[] | null, final: Value): Value {
    this.at(v);
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [v], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: Value, receiver: Value, node: Node, ident: string[], args: Node[] | null, final: Value): Value {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(dot, ident[i]!, node, null, MISSING, receiver);
    return this.evalField(dot, ident[n - 1]!, node, args, final, receiver);
  }

  private evalFunction(dot: Value, node: IdentifierNode, cmd: Node, args: Node[] | null, final: Value): Value {
    this.at(node);
    const name = node.ident;
    const own = this.tmpl.funcs[name];
    const builtin = builtinFuncs[name];
    const f = own ?? builtin;
    if (f === undefined) this.errorf(`${JSON.stringify(name)} is not a defined function`);
    return this.evalCall(dot, f!, own === undefined, cmd, name, args, final);
  }

  private evalField(dot: Value, fieldName: string, node: Node, args: Node[] | null, final: Value, receiver: Value): Value {
    if (receiver === undefined) return undefined;
    const typ = goTypeName(receiver);
    if (receiver === null || kindOf(receiver) === "nil") this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const kind = kindOf(receiver);
    if (kind === "struct" || kind === "slice") {
      const m = structMember(receiver as object, fieldName);
      if (m.found && typeof m.value === "function" && kind === "struct") {
        return this.evalCall(dot, methodOf(receiver as object, m.value as AnyFn), false, node, fieldName, args, final);
      }
    }
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (kind === "struct") {
      const m = structMember(receiver as object, fieldName);
      if (m.found) {
        if (!/^\p{Lu}/u.test(fieldName)) this.errorf(`${fieldName} is an unexported field of struct type ${typ}`);
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return m.value;
      }
    } else if (kind === "map") {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const value = mapGet(receiver, fieldName);
      if (value === undefined && this.missingKeyError) this.errorf(`map has no entry for key ${JSON.stringify(fieldName)}`);
      return value;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalCall(dot: Value, fun: GoFunc, isBuiltin: boolean, node: Node, name: string, argNodes: Node[] | null, final: Value): Value {
    const args = argNodes ? argNodes.slice(1) : [];
    const params = fun.params;
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    if (fun.variadic) {
      numFixed = params.length - 1;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${params.length - 1} got ${args.length}`);
    } else if (numIn !== params.length) {
      this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }

    if (isBuiltin && (name === "and" || name === "or")) {
      let v: Value = undefined;
      for (const a of args) {
        v = this.evalArg(dot, "value", a);
        if (isTrue(v) === (name === "or")) return v;
      }
      if (final !== MISSING) v = this.validateType(final, "value");
      return v;
    }

    const argv: Value[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, params[i]!, args[i]!));
    if (fun.variadic) {
      const t = params[params.length - 1]!;
      for (; i < args.length; i++) argv.push(this.evalArg(dot, t, args[i]!));
    }
    if (final !== MISSING) {
      let t = params[params.length - 1]!;
      if (fun.variadic && numIn - 1 < numFixed) t = params[numIn - 1]!;
      argv.push(this.validateType(final, t));
    }

    if (isBuiltin && name === "call") {
      const calleeName = args.length === 0 ? formatValue(final, 1) : nodeString(args[0]!);
      return this.callBuiltin(node, calleeName, argv);
    }
    try {
      return fun.fn(...argv);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      this.at(node);
      this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  // The `call` builtin (funcs.go call).
  private callBuiltin(node: Node, calleeName: string, argv: Value[]): Value {
    const [fnValue, ...rest] = argv;
    const fail = (msg: string): never => {
      this.at(node);
      this.errorf(`error calling call: ${msg}`);
    };
    if (fnValue === undefined || fnValue === null) fail("call of nil");
    if (typeof fnValue !== "function") fail(`non-function ${calleeName} of type ${goTypeName(fnValue)}`);
    const f = asGoFunc(fnValue as AnyFn);
    if (f.variadic ? rest.length < f.params.length - 1 : rest.length !== f.params.length) {
      fail(f.variadic
        ? `wrong number of args for ${calleeName}: got ${rest.length} want at least ${f.params.length - 1}`
        : `wrong number of args for ${calleeName}: got ${rest.length} want ${f.params.length}`);
    }
    try {
      return f.fn(...rest);
    } catch (e) {
      return fail(e instanceof Error ? e.message : String(e));
    }
  }

  private validateType(value: Value, typ: ParamType): Value {
    if (value === undefined) {
      if (typ === "value") return undefined;
      if (typ === "any" || typ === "[]string") return null;
      this.errorf(`invalid value; expected ${typ}`);
    }
    const got = goTypeName(value);
    switch (typ) {
      case "value": case "any": return value;
      case "string": if (kindOf(value) === "string") return value; break;
      case "int": if (kindOf(value) === "int") return value; break;
      case "float64": if (kindOf(value) === "float") return value; break;
      case "bool": if (kindOf(value) === "bool") return value; break;
      case "[]string": if (value === null || got === "[]string" || (Array.isArray(value) && value.length === 0)) return value; break;
    }
    this.errorf(`wrong type for value; expected ${typ}; got ${got}`);
  }

  private evalArg(dot: Value, typ: ParamType, n: Node): Value {
    this.at(n);
    switch (n.type) {
      case "dot": return this.validateType(dot, typ);
      case "nil":
        if (typ === "any" || typ === "value" || typ === "[]string") return null;
        this.errorf(`cannot assign nil to ${typ}`);
      case "field": return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case "variable": return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case "pipe": return this.validateType(this.evalPipeline(dot, n), typ);
      case "identifier": return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case "chain": return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    switch (typ) {
      case "bool":
        if (n.type === "bool") return n.value;
        this.errorf(`expected bool; found ${nodeString(n)}`);
      case "float64":
        if (n.type === "number" && n.isFloat) return goFloat(n.float);
        this.errorf(`expected float; found ${nodeString(n)}`);
      case "int":
        if (n.type === "number" && n.isInt) return n.int;
        this.errorf(`expected integer; found ${nodeString(n)}`);
      case "any":
      case "value":
        return this.evalEmptyInterface(dot, n);
      case "string":
        if (n.type === "string") return n.text;
        this.errorf(`expected string; found ${nodeString(n)}`);
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ}`);
  }

  private evalEmptyInterface(dot: Value, n: Node): Value {
    this.at(n);
    switch (n.type) {
      case "bool": return n.value;
      case "dot": return dot;
      case "field": return this.evalFieldNode(dot, n, null, MISSING);
      case "identifier": return this.evalFunction(dot, n, n, null, MISSING);
      case "number": return this.idealConstant(n);
      case "string": return n.text;
      case "variable": return this.evalVariableNode(dot, n, null, MISSING);
      case "pipe": return this.evalPipeline(dot, n);
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  private printValue(n: Node, v: Value): void {
    this.at(n);
    if (typeof v === "function") this.errorf(`can't print ${nodeString(n)} of type ${goTypeName(v)}`);
    this.out += formatValue(v);
  }
}

type AnyFn = (...args: unknown[]) => unknown;

// A JS function as a Go func: parameters from its goParams property, else one string each.
function asGoFunc(f: AnyFn): GoFunc {
  const declared = (f as unknown as Record<string, unknown>)[GO_PARAMS];
  const params = Array.isArray(declared) ? (declared as ParamType[]) : Array<ParamType>(f.length).fill("string");
  return { params, fn: f };
}

function methodOf(receiver: object, f: AnyFn): GoFunc {
  const g = asGoFunc(f);
  return { params: g.params, fn: (...args: unknown[]) => f.apply(receiver, args) };
}

/** Run a parsed template. Returns the output and, if execution failed, the error (output is partial). */
export function run(tmpl: ExecTemplate, data: Value, missingKeyError = false): { output: string; error?: TemplateError } {
  const tree = tmpl.trees.get(tmpl.name);
  const state = new ExecState(tmpl, tmpl.name, data, missingKeyError);
  try {
    if (tree === undefined) state.errorf(`${JSON.stringify(tmpl.name)} is an incomplete or empty template`);
    state.walk(data, tree!.root);
    return { output: state.out };
  } catch (e) {
    if (e instanceof TemplateError) return { output: state.out, error: e };
    throw e;
  }
}

