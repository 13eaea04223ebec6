// Parse-tree nodes (Go text/template/parse/node.go), with Go's String() renderings,
// which appear in error messages.

export type Node =
  | TextNode | ActionNode | PipeNode | CommandNode | FieldNode | ChainNode | IdentifierNode
  | VariableNode | DotNode | NilNode | BoolNode | NumberNode | StringNode | ListNode | IfNode
  | RangeNode | WithNode | TemplateNode | EndNode | ElseNode | BreakNode | ContinueNode;

export interface ListNode { type: "list"; pos: number; nodes: Node[] }
export interface TextNode { type: "text"; pos: number; text: string }
export interface ActionNode { type: "action"; pos: number; line: number; pipe: PipeNode }
export interface PipeNode { type: "pipe"; pos: number; line: number; isAssign: boolean; decl: VariableNode[]; cmds: CommandNode[] }
export interface CommandNode { type: "command"; pos: number; args: Node[] }
export interface FieldNode { type: "field"; pos: number; ident: string[] }
export interface ChainNode { type: "chain"; pos: number; node: Node; field: string[] }
export interface IdentifierNode { type: "identifier"; pos: number; ident: string }
export interface VariableNode { type: "variable"; pos: number; ident: string[] }
export interface DotNode { type: "dot"; pos: number }
export interface NilNode { type: "nil"; pos: number }
export interface BoolNode { type: "bool"; pos: number; value: boolean }
export interface NumberNode {
  type: "number"; pos: number; text: string;
  isInt: boolean; isUint: boolean; isFloat: boolean; isComplex: boolean;
  int: number; float: number;
}
export interface StringNode { type: "string"; pos: number; quoted: string; text: string }
interface BranchFields { pos: number; line: number; pipe: PipeNode; list: ListNode; elseList: ListNode | null }
export interface IfNode extends BranchFields { type: "if" }
export interface RangeNode extends BranchFields { type: "range" }
export interface WithNode extends BranchFields { type: "with" }
export interface TemplateNode { type: "template"; pos: number; line: number; name: string; pipe: PipeNode | null }
export interface EndNode { type: "end"; pos: number }
export interface ElseNode { type: "else"; pos: number; line: number }
export interface BreakNode { type: "break"; pos: number; line: number }
export interface ContinueNode { type: "continue"; pos: number; line: number }

function goQuote(s: string): string {
  return JSON.stringify(s);
}

function argString(n: Node): string {
  return n.type === "pipe" ? `(${nodeString(n)})` : nodeString(n);
}

/** Go's Node.String(). */
export function nodeString(n: Node): string {
  switch (n.type) {
    case "list": return n.nodes.map(nodeString).join("");
    case "text": return goQuote(n.text);
    case "action": return `{{${nodeString(n.pipe)}}}`;
    case "pipe": {
      let s = "";
      if (n.decl.length > 0) {
        s = n.decl.map(nodeString).join(", ") + (n.isAssign ? " = " : " := ");
      }
      return s + n.cmds.map(nodeString).join(" | ");
    }
    case "command": return n.args.map(argString).join(" ");
    case "field": return n.ident.map((id) => "." + id).join("");
    case "chain": return argString(n.node) + n.field.map((f) => "." + f).join("");
    case "identifier": return n.ident;
    case "variable": return n.ident.join(".");
    case "dot": return ".";
    case "nil": return "nil";
    case "bool": return n.value ? "true" : "false";
    case "number": return n.text;
    case "string": return n.quoted;
    case "if":
    case "range":
    case "with": {
      let s = `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}`;
      if (n.elseList) s += `{{else}}${nodeString(n.elseList)}`;
      return s + "{{end}}";
    }
    case "template":
      return n.pipe ? `{{template ${goQuote(n.name)} ${nodeString(n.pipe)}}}` : `{{template ${goQuote(n.name)}}}`;
    case "end": return "{{end}}";
    case "else": return "{{else}}";
    case "break": return "{{break}}";
    case "continue": return "{{continue}}";
  }
}
