// Answer scripts: docker command lines as a learner would type them in a shell script.
// Understood: comments, blank lines, `\` continuations, `&&` and `;` between commands,
// `> FILE` / `>> FILE` / `< FILE` redirections. Anything else is left to the command.
import { splitCommandLine } from "../sandbox.js";

export interface ScriptCommand {
  /** 1-based line where the command starts. */
  line: number;
  /** The command as written. */
  text: string;
  argv: string[];
  /** Run only when the previous command succeeded (`a && b`). */
  onlyAfterSuccess: boolean;
  stdoutTo?: { path: string; append: boolean };
  stdinFrom?: string;
}

/** Splits on an operator outside quotes. */
function splitOutside(text: string, ops: string[]): Array<{ part: string; op: string | undefined }> {
  const out: Array<{ part: string; op: string | undefined }> = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === "\\" && quote === '"') i++;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "\\") i++;
    else {
      const op = ops.find((o) => text.startsWith(o, i));
      if (op) {
        out.push({ part: text.slice(start, i), op });
        i += op.length - 1;
        start = i + 1;
      }
    }
  }
  out.push({ part: text.slice(start), op: undefined });
  return out;
}

export function parseScript(script: string): ScriptCommand[] {
  const commands: ScriptCommand[] = [];
  const lines = script.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const first = i + 1;
    let text = lines[i]!;
    while (text.endsWith("\\") && i + 1 < lines.length) text = text.slice(0, -1) + " " + lines[++i]!;
    const trimmed = text.trim();
    if (trimmed === "" || trimmed.startsWith("#") || /^set\s+-/.test(trimmed)) continue;
    let afterAnd = false;
    for (const { part, op } of splitOutside(trimmed, ["&&", ";"])) {
      if (part.trim() !== "") commands.push(withRedirections(part.trim(), first, afterAnd));
      afterAnd = op === "&&";
    }
  }
  return commands;
}

function withRedirections(text: string, line: number, onlyAfterSuccess: boolean): ScriptCommand {
  const words = splitCommandLine(text);
  const argv: string[] = [];
  const cmd: ScriptCommand = { line, text, argv, onlyAfterSuccess };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const m = /^(>>|>|<)(.*)$/.exec(w);
    if (!m) {
      argv.push(w);
      continue;
    }
    const target = m[2] !== "" ? m[2]! : (words[++i] ?? "");
    if (m[1] === "<") cmd.stdinFrom = target;
    else cmd.stdoutTo = { path: target, append: m[1] === ">>" };
  }
  return cmd;
}
