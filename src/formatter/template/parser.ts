// Port of Go's text/template/parse/parse.go: builds the tree and reports Go's parse errors.
import { Lexer, T, type Item } from "./lexer.js";
import { TemplateError } from "./errors.js";
import { goUnquote } from "./unquote.js";
import {
  nodeString, type BreakNode, type ChainNode, type CommandNode, type ContinueNode, type ElseNode,
  type EndNode, type IfNode, type ListNode, type Node, type NumberNode, type PipeNode,
  type RangeNode, type TemplateNode, type VariableNode, type WithNode,
} from "./nodes.js";

export interface Tree {
  name: string;
  root: ListNode;
  text: string;
}

// Go's item.String().
function itemString(i: Item): string {
  if (i.typ === T.EOF) return "EOF";
  if (i.typ === T.Error) return i.val;
  if (i.typ > T.Keyword) return `<${i.val}>`;
  const runes = Array.from(i.val);
  if (runes.length > 10) return JSON.stringify(runes.slice(0, 10).join("")) + "...";
  return JSON.stringify(i.val);
}

class Parser {
  private lex: Lexer;
  private token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ["$"];
  private actionLine = 0;
  private rangeDepth = 0;

  constructor(
    private readonly parseName: string,
    private readonly text: string,
    private readonly hasFunction: (name: string) => boolean,
    private readonly treeSet: Map<string, Tree>,
    lex?: Lexer,
  ) {
    this.lex = lex ?? new Lexer(text, { breakOK: !hasFunction("break"), continueOK: !hasFunction("continue") });
    this.token = [this.eofItem(), this.eofItem(), this.eofItem()];
  }

  private eofItem(): Item {
    return { typ: T.EOF, pos: 0, val: "", line: 1 };
  }

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount]!;
  }
  private backup(): void {
    this.peekCount++;
  }
  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0]!;
  }
  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.typ === T.Space);
    return token;
  }
  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  errorf(msg: string): never {
    throw new TemplateError(`template: ${this.parseName}:${this.token[0]!.line}: ${msg}`);
  }
  private expect(expected: T, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }
  private expectOneOf(e1: T, e2: T, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }
  private unexpected(token: Item, context: string): never {
    if (token.typ === T.Error) {
      let extra = "";
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(" action")) extra = extra.slice(" in action".length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  parse(): ListNode {
    const root: ListNode = { type: "list", pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== T.EOF) {
      if (this.peek().typ === T.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === T.Define) {
          const sub = new Parser(this.parseName, this.text, this.hasFunction, this.treeSet, this.lex);
          sub.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === "end" || n.type === "else") this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    return root;
  }

  private parseDefinition(): void {
    const context = "define clause";
    const nameTok = this.expectOneOf(T.String, T.RawString, context);
    const name = goUnquote(nameTok.val);
    if (name === undefined) this.errorf("invalid syntax");
    this.expect(T.RightDelim, context);
    const [root, end] = this.itemList();
    if (end.type !== "end") this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    addTree(this.treeSet, { name: name!, root, text: this.text }, (m) => this.errorf(m));
  }

  private itemList(): [ListNode, Node] {
    const list: ListNode = { type: "list", pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== T.EOF) {
      const n = this.textOrAction();
      if (n.type === "end" || n.type === "else") return [list, n];
      list.nodes.push(n);
    }
    this.err("unexpected EOF");
  }

  private err(msg: string): never {
    this.errorf(msg);
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Text:
        return { type: "text", pos: token.pos, text: token.val };
      case T.LeftDelim: {
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      default:
        this.unexpected(token, "input");
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Block: return this.blockControl();
      case T.Break: return this.breakControl(token.pos, token.line);
      case T.Continue: return this.continueControl(token.pos, token.line);
      case T.Else: return this.elseControl();
      case T.End: return this.endControl();
      case T.If: return this.ifControl();
      case T.Range: return this.rangeControl();
      case T.Template: return this.templateControl();
      case T.With: return this.withControl();
    }
    this.backup();
    const tok = this.peek();
    return { type: "action", pos: tok.pos, line: tok.line, pipe: this.pipeline("command", T.RightDelim) };
  }

  private breakControl(pos: number, line: number): BreakNode {
    const token = this.nextNonSpace();
    if (token.typ !== T.RightDelim) this.unexpected(token, "{{break}}");
    if (this.rangeDepth === 0) this.err("{{break}} outside {{range}}");
    return { type: "break", pos, line };
  }

  private continueControl(pos: number, line: number): ContinueNode {
    const token = this.nextNonSpace();
    if (token.typ !== T.RightDelim) this.unexpected(token, "{{continue}}");
    if (this.rangeDepth === 0) this.err("{{continue}} outside {{range}}");
    return { type: "continue", pos, line };
  }

  private newVariable(pos: number, name: string): VariableNode {
    return { type: "variable", pos, ident: name.split(".") };
  }

  private pipeline(context: string, end: T): PipeNode {
    const token = this.peekNonSpace();
    const pipe: PipeNode = { type: "pipe", pos: token.pos, line: token.line, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== T.Variable) break;
      this.next();
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === T.Assign || next.typ === T.Declare) {
        pipe.isAssign = next.typ === T.Assign;
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === T.Char && next.val === ",") {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === "range" && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === T.Variable || p === T.RightDelim || p === T.RightParen) continue decls;
          this.err("range can only initialize variables");
        }
        this.err(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === T.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      if (token.typ === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (token.typ) {
        case T.Bool: case T.CharConstant: case T.Complex: case T.Dot: case T.Field: case T.Identifier:
        case T.Number: case T.Nil: case T.RawString: case T.String: case T.Variable: case T.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.err(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0]!.type;
      if (t === "bool" || t === "dot" || t === "nil" || t === "number" || t === "string") {
        this.err(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private parseControl(context: "if" | "range" | "with"): [number, number, PipeNode, ListNode, ListNode | null] {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, T.RightDelim);
      if (context === "range") this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === "range") this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === "else") {
        if (context === "if" && this.peek().typ === T.If) {
          this.next();
          elseList = { type: "list", pos: next.pos, nodes: [this.ifControl()] };
        } else if (context === "with" && this.peek().typ === T.With) {
          this.next();
          elseList = { type: "list", pos: next.pos, nodes: [this.withControl()] };
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== "end") this.err(`expected end; found ${nodeString(next)}`);
        }
      }
      return [pipe.pos, pipe.line, pipe, list, elseList];
    } finally {
      this.vars.length = mark;
    }
  }

  private ifControl(): IfNode {
    const [pos, line, pipe, list, elseList] = this.parseControl("if");
    return { type: "if", pos, line, pipe, list, elseList };
  }
  private rangeControl(): RangeNode {
    const [pos, line, pipe, list, elseList] = this.parseControl("range");
    return { type: "range", pos, line, pipe, list, elseList };
  }
  private withControl(): WithNode {
    const [pos, line, pipe, list, elseList] = this.parseControl("with");
    return { type: "with", pos, line, pipe, list, elseList };
  }
  private endControl(): EndNode {
    return { type: "end", pos: this.expect(T.RightDelim, "end").pos };
  }
  private elseControl(): ElseNode {
    const peek = this.peekNonSpace();
    if (peek.typ === T.If || peek.typ === T.With) return { type: "else", pos: peek.pos, line: peek.line };
    const token = this.expect(T.RightDelim, "else");
    return { type: "else", pos: token.pos, line: token.line };
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === T.String || token.typ === T.RawString) {
      const s = goUnquote(token.val);
      if (s === undefined) this.err("invalid syntax");
      return s!;
    }
    this.unexpected(token, context);
  }

  private blockControl(): TemplateNode {
    const context = "block clause";
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, T.RightDelim);
    const sub = new Parser(this.parseName, this.text, this.hasFunction, this.treeSet, this.lex);
    const [root, end] = sub.itemList();
    if (end.type !== "end") this.err(`unexpected ${nodeString(end)} in ${context}`);
    addTree(this.treeSet, { name, root, text: this.text }, (m) => this.err(m));
    return { type: "template", pos: token.pos, line: token.line, name, pipe };
  }

  private templateControl(): TemplateNode {
    const context = "template clause";
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== T.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, T.RightDelim);
    }
    return { type: "template", pos: token.pos, line: token.line, name, pipe };
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: "command", pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === T.Space) continue;
      if (token.typ === T.RightDelim || token.typ === T.RightParen) this.backup();
      else if (token.typ !== T.Pipe) this.unexpected(token, "operand");
      break;
    }
    if (cmd.args.length === 0) this.err("empty command");
    return cmd;
  }

  private operand(): Node | null {
    let node = this.term();
    if (node === null) return null;
    if (this.peek().typ === T.Field) {
      const chain: ChainNode = { type: "chain", pos: this.peek().pos, node, field: [] };
      while (this.peek().typ === T.Field) chain.field.push(this.next().val.slice(1));
      switch (node.type) {
        case "field":
          node = { type: "field", pos: chain.pos, ident: nodeString(chain).slice(1).split(".") };
          break;
        case "variable":
          node = this.newVariable(chain.pos, nodeString(chain));
          break;
        case "bool": case "string": case "number": case "nil": case "dot":
          this.err(`unexpected . after term ${JSON.stringify(nodeString(node))}`);
          break;
        default:
          node = chain;
      }
    }
    return node;
  }

  private term(): Node | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Identifier:
        if (!this.hasFunction(token.val)) this.err(`function ${JSON.stringify(token.val)} not defined`);
        return { type: "identifier", pos: token.pos, ident: token.val };
      case T.Dot: return { type: "dot", pos: token.pos };
      case T.Nil: return { type: "nil", pos: token.pos };
      case T.Variable: return this.useVar(token.pos, token.val);
      case T.Field: return { type: "field", pos: token.pos, ident: token.val.slice(1).split(".") };
      case T.Bool: return { type: "bool", pos: token.pos, value: token.val === "true" };
      case T.CharConstant: case T.Complex: case T.Number:
        return this.newNumber(token);
      case T.LeftParen:
        return this.pipeline("parenthesized pipeline", T.RightParen);
      case T.String: case T.RawString: {
        const s = goUnquote(token.val);
        if (s === undefined) this.err("invalid syntax");
        return { type: "string", pos: token.pos, quoted: token.val, text: s! };
      }
    }
    this.backup();
    return null;
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = this.newVariable(pos, name);
    if (!this.vars.includes(v.ident[0]!)) this.err(`undefined variable ${JSON.stringify(v.ident[0])}`);
    return v;
  }

  private newNumber(token: Item): NumberNode {
    const text = token.val;
    const n: NumberNode = {
      type: "number", pos: token.pos, text, isInt: false, isUint: false, isFloat: false, isComplex: false, int: 0, float: 0,
    };
    if (token.typ === T.CharConstant) {
      const s = goUnquote(text);
      if (s === undefined) this.err("invalid syntax");
      const r = s!.codePointAt(0)!;
      return { ...n, isInt: true, isUint: true, isFloat: true, int: r, float: r };
    }
    if (token.typ === T.Complex) this.err(`illegal number syntax: ${JSON.stringify(text)}`);
    const i = parseGoInt(text);
    if (i !== undefined) {
      return { ...n, isInt: true, isUint: i >= 0, isFloat: true, int: i, float: i };
    }
    const clean = text.replace(/_/g, "");
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(clean)) {
      if (!/[.eEpP]/.test(text)) this.err(`integer overflow: ${JSON.stringify(text)}`);
      const f = Number(clean);
      const isInt = Number.isInteger(f) && Math.abs(f) < 2 ** 63;
      return { ...n, isFloat: true, float: f, isInt, isUint: isInt && f >= 0, int: isInt ? f : 0 };
    }
    this.err(`illegal number syntax: ${JSON.stringify(text)}`);
  }
}

// strconv.ParseInt(text, 0, 64) for values JS numbers hold exactly.
function parseGoInt(text: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!m) return undefined;
  const body = m[2]!;
  if (/__|_$/.test(body)) return undefined;
  const sign = m[1] === "-" ? -1 : 1;
  let v: number;
  if (/^0[xX]/.test(body)) v = parseInt(body.slice(2).replace(/_/g, ""), 16);
  else if (/^0[oO]/.test(body)) v = parseInt(body.slice(2).replace(/_/g, ""), 8);
  else if (/^0[bB]/.test(body)) v = parseInt(body.slice(2).replace(/_/g, ""), 2);
  else if (body.length > 1 && body[0] === "0") v = parseInt(body.replace(/_/g, ""), 8);
  else v = parseInt(body.replace(/_/g, ""), 10);
  if (Number.isNaN(v) || v > 2 ** 63) return undefined;
  return sign * v;
}

function isEmptyTree(n: Node): boolean {
  switch (n.type) {
    case "list": return n.nodes.every(isEmptyTree);
    case "text": return n.text.trim() === "";
    default: return false;
  }
}

function addTree(set: Map<string, Tree>, tree: Tree, fail: (msg: string) => never): void {
  const existing = set.get(tree.name);
  if (existing === undefined || isEmptyTree(existing.root)) {
    set.set(tree.name, tree);
    return;
  }
  if (!isEmptyTree(tree.root)) fail(`template: multiple definition of template ${JSON.stringify(tree.name)}`);
}

/** Parse `text` into the named tree plus any {{define}}d ones. Throws TemplateError. */
export function parseTrees(name: string, text: string, hasFunction: (name: string) => boolean): Map<string, Tree> {
  const treeSet = new Map<string, Tree>();
  const p = new Parser(name, text, hasFunction, treeSet);
  const root = p.parse();
  addTree(treeSet, { name, root, text }, (m) => p.errorf(m));
  return treeSet;
}
