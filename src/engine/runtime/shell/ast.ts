// The shell's syntax tree. Words stay raw source text (quotes included); they are expanded
// when the command runs, so `$x` sees the value at that moment.

export interface Redir {
  /** ">", ">>", "<", ">&", "<&", ">|", "<>", "<<", "<<-" */
  op: string;
  fd: number;
  target: string;
  /** Here-document body; `expand` is false when the delimiter was quoted. */
  here?: { body: string; expand: boolean };
}

export interface Assign {
  name: string;
  raw: string;
}

export type Node =
  | { k: "simple"; assigns: Assign[]; words: string[]; redirs: Redir[]; line: number }
  | { k: "pipeline"; cmds: Node[]; bang: boolean }
  | { k: "andor"; first: Node; rest: Array<{ op: "&&" | "||"; node: Node }> }
  | { k: "list"; items: Array<{ node: Node; bg: boolean }> }
  | { k: "if"; clauses: Array<{ cond: Node; body: Node }>; otherwise?: Node; redirs: Redir[] }
  | { k: "loop"; until: boolean; cond: Node; body: Node; redirs: Redir[] }
  | { k: "for"; name: string; words: string[] | null; body: Node; redirs: Redir[] }
  | { k: "case"; word: string; arms: Array<{ patterns: string[]; body: Node | null }>; redirs: Redir[] }
  | { k: "group"; body: Node; subshell: boolean; redirs: Redir[] }
  | { k: "func"; name: string; body: Node };

/** A parse failure, worded later per shell flavour. */
export class ShellSyntaxError extends Error {
  constructor(
    /** Offending token text; null means end of input. */
    readonly token: string | null,
    readonly line: number,
    /** What the parser still needed at end of input ("fi", "done", "}", ")"). */
    readonly expecting?: string,
    /** Set for an unclosed quote or substitution. */
    readonly unterminated?: string,
  ) {
    super(token === null ? "unexpected end of file" : `unexpected ${token}`);
  }
}
