// Recursive-descent parser for the POSIX shell grammar subset the simulation runs.
import { ShellSyntaxError, type Assign, type Node, type Redir } from "./ast.js";
import { tokenize, type Token } from "./lexer.js";

const RESERVED = new Set(["if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "in", "{", "}", "!"]);
const CLOSERS = new Set(["then", "else", "elif", "fi", "do", "done", "esac", "}"]);

export function parseScript(src: string): Node {
  return new Parser(tokenize(src)).parseProgram();
}

class Parser {
  private pos = 0;
  constructor(private readonly toks: Token[]) {}

  parseProgram(): Node {
    const list = this.parseList([]);
    const t = this.peek();
    if (t.t !== "eof") throw this.unexpected(t);
    return list;
  }

  private peek(): Token {
    return this.toks[this.pos]!;
  }

  private next(): Token {
    return this.toks[this.pos++]!;
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t.t === "op" && t.op === op;
  }

  private isWord(raw: string): boolean {
    const t = this.peek();
    return t.t === "word" && t.raw === raw;
  }

  private skipNewlines(): void {
    while (this.isOp("\n")) this.pos++;
  }

  private unexpected(t: Token, expecting?: string): ShellSyntaxError {
    if (t.t === "eof") return new ShellSyntaxError(null, t.line, expecting);
    const text = t.t === "word" ? t.raw : t.t === "op" ? (t.op === "\n" ? "newline" : t.op) : t.op;
    return new ShellSyntaxError(text, t.line);
  }

  private expectWord(raw: string): void {
    this.skipNewlines();
    if (!this.isWord(raw)) throw this.unexpected(this.peek(), raw);
    this.pos++;
  }

  /** A list up to a closing reserved word (not consumed), `)`, `;;` or end of input. */
  private parseList(stops: string[]): Node {
    const items: Array<{ node: Node; bg: boolean }> = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.t === "eof") break;
      if (t.t === "word" && stops.includes(t.raw)) break;
      if (t.t === "op" && (t.op === ")" || t.op === ";;") && stops.length > 0) break;
      if (t.t === "word" && CLOSERS.has(t.raw)) throw this.unexpected(t);
      const node = this.parseAndOr();
      let bg = false;
      if (this.isOp("&")) {
        bg = true;
        this.pos++;
      } else if (this.isOp(";")) this.pos++;
      else if (!this.isOp("\n") && this.peek().t !== "eof") {
        const n = this.peek();
        if (!(n.t === "op" && (n.op === ")" || n.op === ";;")) && !(n.t === "word" && stops.includes(n.raw))) throw this.unexpected(n);
      }
      items.push({ node, bg });
    }
    return { k: "list", items };
  }

  /** A non-empty list: `if ;then` and `do done` are syntax errors. */
  private parseBody(stops: string[], expecting: string): Node {
    const list = this.parseList(stops);
    if (list.k === "list" && list.items.length === 0) throw this.unexpected(this.peek(), expecting);
    return list;
  }

  private parseAndOr(): Node {
    const first = this.parsePipeline();
    const rest: Array<{ op: "&&" | "||"; node: Node }> = [];
    while (this.isOp("&&") || this.isOp("||")) {
      const op = (this.next() as { op: "&&" | "||" }).op;
      this.skipNewlines();
      rest.push({ op, node: this.parsePipeline() });
    }
    return rest.length ? { k: "andor", first, rest } : first;
  }

  private parsePipeline(): Node {
    let bang = false;
    if (this.isWord("!")) {
      bang = true;
      this.pos++;
    }
    const cmds = [this.parseCommand()];
    while (this.isOp("|")) {
      this.pos++;
      this.skipNewlines();
      cmds.push(this.parseCommand());
    }
    return cmds.length > 1 || bang ? { k: "pipeline", cmds, bang } : cmds[0]!;
  }

  private parseCommand(): Node {
    const t = this.peek();
    if (t.t === "op" && t.op === "(") {
      this.pos++;
      const body = this.parseBody([")"], ")");
      if (!this.isOp(")")) throw this.unexpected(this.peek(), ")");
      this.pos++;
      return { k: "group", body, subshell: true, redirs: this.parseRedirs() };
    }
    if (t.t === "word") {
      switch (t.raw) {
        case "{": {
          this.pos++;
          const body = this.parseBody(["}"], "}");
          this.expectWord("}");
          return { k: "group", body, subshell: false, redirs: this.parseRedirs() };
        }
        case "if":
          return this.parseIf();
        case "while":
        case "until": {
          this.pos++;
          const cond = this.parseBody(["do"], "do");
          this.expectWord("do");
          const body = this.parseBody(["done"], "done");
          this.expectWord("done");
          return { k: "loop", until: t.raw === "until", cond, body, redirs: this.parseRedirs() };
        }
        case "for":
          return this.parseFor();
        case "case":
          return this.parseCase();
        case "function": {
          const name = this.toks[this.pos + 1];
          if (name?.t === "word") {
            this.pos += 2;
            if (this.isOp("(")) {
              this.pos++;
              if (!this.isOp(")")) throw this.unexpected(this.peek());
              this.pos++;
            }
            this.skipNewlines();
            return { k: "func", name: name.raw, body: this.parseCommand() };
          }
        }
      }
      const after = this.toks[this.pos + 1];
      if (after?.t === "op" && after.op === "(" && /^[A-Za-z_][\w.-]*$/.test(t.raw) && !RESERVED.has(t.raw)) {
        this.pos += 2;
        if (!this.isOp(")")) throw this.unexpected(this.peek());
        this.pos++;
        this.skipNewlines();
        return { k: "func", name: t.raw, body: this.parseCommand() };
      }
    }
    return this.parseSimple();
  }

  private parseIf(): Node {
    this.pos++;
    const clauses: Array<{ cond: Node; body: Node }> = [];
    let otherwise: Node | undefined;
    for (;;) {
      const cond = this.parseBody(["then"], "then");
      this.expectWord("then");
      const body = this.parseBody(["elif", "else", "fi"], "fi");
      clauses.push({ cond, body });
      this.skipNewlines();
      if (this.isWord("elif")) {
        this.pos++;
        continue;
      }
      if (this.isWord("else")) {
        this.pos++;
        otherwise = this.parseBody(["fi"], "fi");
      }
      this.expectWord("fi");
      return { k: "if", clauses, otherwise, redirs: this.parseRedirs() };
    }
  }

  private parseFor(): Node {
    this.pos++;
    const name = this.next();
    if (name.t !== "word") throw this.unexpected(name);
    let words: string[] | null = null;
    this.skipNewlines();
    if (this.isWord("in")) {
      this.pos++;
      words = [];
      while (this.peek().t === "word") words.push((this.next() as { raw: string }).raw);
      if (this.isOp(";") || this.isOp("\n")) this.pos++;
      else if (this.peek().t !== "eof") throw this.unexpected(this.peek());
    } else if (this.isOp(";")) this.pos++;
    this.expectWord("do");
    const body = this.parseBody(["done"], "done");
    this.expectWord("done");
    return { k: "for", name: name.raw, words, body, redirs: this.parseRedirs() };
  }

  private parseCase(): Node {
    this.pos++;
    const word = this.next();
    if (word.t !== "word") throw this.unexpected(word);
    this.expectWord("in");
    const arms: Array<{ patterns: string[]; body: Node | null }> = [];
    for (;;) {
      this.skipNewlines();
      if (this.isWord("esac")) {
        this.pos++;
        break;
      }
      if (this.peek().t === "eof") throw this.unexpected(this.peek(), "esac");
      if (this.isOp("(")) this.pos++;
      const patterns: string[] = [];
      for (;;) {
        const p = this.next();
        if (p.t !== "word") throw this.unexpected(p);
        patterns.push(p.raw);
        if (this.isOp("|")) {
          this.pos++;
          continue;
        }
        if (this.isOp(")")) {
          this.pos++;
          break;
        }
        throw this.unexpected(this.peek());
      }
      const body = this.parseList(["esac"]);
      arms.push({ patterns, body: body.k === "list" && body.items.length === 0 ? null : body });
      this.skipNewlines();
      if (this.isOp(";;")) this.pos++;
      else if (!this.isWord("esac")) throw this.unexpected(this.peek(), "esac");
    }
    return { k: "case", word: word.raw, arms, redirs: this.parseRedirs() };
  }

  private parseRedirs(): Redir[] {
    const out: Redir[] = [];
    while (this.peek().t === "redir") out.push(this.parseRedir());
    return out;
  }

  private parseRedir(): Redir {
    const r = this.next() as Extract<Token, { t: "redir" }>;
    const target = this.next();
    if (target.t !== "word") throw this.unexpected(target);
    return { op: r.op, fd: r.fd, target: target.raw, here: r.here };
  }

  private parseSimple(): Node {
    const assigns: Assign[] = [];
    const words: string[] = [];
    const redirs: Redir[] = [];
    const line = this.peek().line;
    for (;;) {
      const t = this.peek();
      if (t.t === "redir") {
        redirs.push(this.parseRedir());
        continue;
      }
      if (t.t !== "word") break;
      if (words.length > 0 || !/^[A-Za-z_][A-Za-z0-9_]*=/.test(t.raw)) {
        if (words.length === 0 && CLOSERS.has(t.raw)) break;
        words.push(t.raw);
      } else {
        const eq = t.raw.indexOf("=");
        assigns.push({ name: t.raw.slice(0, eq), raw: t.raw.slice(eq + 1) });
      }
      this.pos++;
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) throw this.unexpected(this.peek());
    return { k: "simple", assigns, words, redirs, line };
  }
}
