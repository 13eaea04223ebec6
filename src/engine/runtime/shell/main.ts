// `sh`, `ash`, `bash`, `dash` as programs: -c strings, script files, or a script on stdin.
import { FsError } from "../../fs/types.js";
import { normalizePath } from "../../fs/path.js";
import { NeverExits, type CommandContext } from "../applets/context.js";
import type { Node } from "./ast.js";
import { parseScript } from "./parser.js";
import { ShellSession, type Fds } from "./session.js";
import type { ShellFlavor, ShellMode } from "./messages.js";
import { ShellSyntaxError } from "./ast.js";
import { BUILTINS } from "./builtins.js";
import { syntaxError } from "./messages.js";
import { shellPrompt } from "./interactive.js";

export function shellFlavorOf(name: string, fallback: ShellFlavor): ShellFlavor {
  if (name === "bash") return "bash";
  if (name === "dash") return "dash";
  if (name === "ash") return "ash";
  return fallback;
}

export function runShell(ctx: CommandContext, flavor: ShellFlavor): number {
  const argv = ctx.argv;
  let i = 1;
  let command: string | undefined;
  let errexit = false;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (a === "-c") {
      command = argv[++i] ?? "";
      i++;
      break;
    }
    if (/^-[a-zA-Z]+$/.test(a)) {
      if (a.includes("c")) {
        command = argv[++i] ?? "";
        if (a.includes("e")) errexit = true;
        i++;
        break;
      }
      if (a.includes("e")) errexit = true;
      continue;
    }
    if (a.startsWith("+")) continue;
    break;
  }
  const rest = argv.slice(i);
  const pid = ctx.shellPid ?? ctx.state.proc.pid;
  let mode: ShellMode;
  let arg0 = argv[0]!;
  let positional: string[];
  let src: string;
  if (command !== undefined) {
    mode = "c";
    if (rest.length > 0) arg0 = rest[0]!;
    positional = rest.slice(1);
    src = command;
  } else if (rest.length > 0) {
    mode = "script";
    arg0 = rest[0]!;
    positional = rest.slice(1);
    try {
      src = ctx.state.fs.readFile(normalizePath(arg0, ctx.cwd));
    } catch (e) {
      const why = e instanceof FsError && e.code === "EISDIR" ? "Is a directory" : "No such file or directory";
      if (flavor === "bash") {
        ctx.io.err(`${argv[0]}: ${arg0}: ${why}\n`);
        return e instanceof FsError && e.code === "EISDIR" ? 126 : 127;
      }
      if (flavor === "dash") ctx.io.err(`${argv[0]}: 0: cannot open ${arg0}: No such file\n`);
      else ctx.io.err(`${argv[0]}: can't open '${arg0}': ${why}\n`);
      return flavor === "dash" ? 2 : 2;
    }
  } else {
    mode = "stdin";
    positional = [];
    // On a terminal nobody types on, the shell shows its prompt and waits (run -dit).
    if (ctx.stdin.open && ctx.state.proc.tty) ctx.io.err(shellPrompt(flavor, ctx.env.HOME, ctx.cwd, ctx.state.proc.user, ctx.state.proc.hostname));
    src = ctx.stdin.readAll();
  }
  const shellName = argv[0]!.split("/").pop() || "sh";
  const session = new ShellSession({ flavor, arg0, mode, env: ctx.env, cwd: ctx.cwd, positional, state: ctx.state, pid, shellName });
  session.errexit = errexit;
  const fds: Fds = { in: ctx.stdin, out: ctx.io.out, err: ctx.io.err, piped: ctx.piped };
  if (mode === "c") {
    let tree: Node;
    try {
      tree = parseScript(src);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      fds.err(syntaxError(session.messages, e));
      return 2;
    }
    const single = singleCommand(tree);
    // Shells exec the only command of a -c string instead of forking it.
    if (single && !BUILTINS[single.words[0]!] && !single.words[0]!.includes("$")) src = `exec ${src}`;
  }
  try {
    return session.runScript(src, fds);
  } catch (e) {
    if (e instanceof NeverExits && e.onTerm === undefined) {
      throw new NeverExits(session.termReaction(ctx.state.fresh()));
    }
    throw e;
  }
}

function singleCommand(tree: Node): Extract<Node, { k: "simple" }> | undefined {
  if (tree.k !== "list" || tree.items.length !== 1 || tree.items[0]!.bg) return undefined;
  const n = tree.items[0]!.node;
  if (n.k !== "simple" || n.assigns.length > 0 || n.redirs.length > 0 || n.words.length === 0) return undefined;
  return n;
}
