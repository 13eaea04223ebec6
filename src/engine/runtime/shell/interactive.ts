// An interactive shell (`run -it ... sh`, `exec -it`, `attach`): one line at a time, state kept.
// The session outlives a transaction: `rebind` points it at the container as the next
// transaction sees it (its filesystem, clock and process table) before each line.
import type { OutputChunk, ProcessContext } from "../types.js";
import { Input, NeverExits, ProcessState } from "../applets/context.js";
import { ShellSyntaxError } from "./ast.js";
import type { ShellFlavor } from "./messages.js";
import { parseScript } from "./parser.js";
import { ShellSession, type Fds } from "./session.js";

/** What a session keeps between attaches (saved with the container's main process). */
export interface ShellMemory {
  cwd: string;
  vars: Record<string, string>;
  exported: string[];
  status: number;
}

export interface LineResult {
  /** `at` counts from the start of the line. */
  output: OutputChunk[];
  /** Set when the line ended the shell. */
  exit?: number;
  /** The line runs a command that never ends by itself (`sleep infinity`, `top`). */
  blocked?: boolean;
  /** The input so far is an unfinished command (open `if`, quote, here-document): more lines are needed. */
  more?: boolean;
  /** Virtual ms the line took. */
  elapsed: number;
}

export interface InteractiveShell {
  session: ShellSession;
  /** PS1 as the image's shell shows it by default; PS2 (`> `) while a command is unfinished. */
  prompt(): string;
  /** Runs one line (joined to unfinished earlier ones). */
  runLine(line: string): LineResult;
  /** End of input (Ctrl-D): the shell exits with its last status. */
  eof(): LineResult;
  /** Drops an unfinished command (Ctrl-C at a continuation prompt). */
  cancel(): void;
  /** Binds the session to a new view of its process (next transaction). */
  rebind(ctx: ProcessContext): void;
  memory(): ShellMemory;
}

export function createShellSession(
  ctx: ProcessContext,
  flavor: ShellFlavor,
  install: (s: ProcessState) => void,
  opts: { memory?: ShellMemory; prompt?: boolean } = {},
): InteractiveShell {
  const newState = (c: ProcessContext) => {
    const s = new ProcessState(c);
    install(s);
    return s;
  };
  let state = newState(ctx);
  const env: Record<string, string> = {};
  for (const e of ctx.env) {
    const eq = e.indexOf("=");
    if (eq > 0) env[e.slice(0, eq)] = e.slice(eq + 1);
  }
  const session = new ShellSession({ flavor, arg0: ctx.argv[0] ?? "sh", mode: "interactive", env, cwd: ctx.workdir, state, pid: ctx.pid });
  const memory = opts.memory;
  if (memory) {
    session.cwd = memory.cwd;
    session.status = memory.status;
    for (const [k, v] of Object.entries(memory.vars)) session.vars.set(k, v);
    for (const k of memory.exported) session.exported.add(k);
  }
  const showPrompt = opts.prompt !== false;
  let pending = "";

  // Line editing keeps a history file: ash appends each command as it runs, bash writes its
  // list when it exits (so `docker diff` shows /root/.ash_history after a session).
  const bashLines: string[] = [];
  const historyFile = (name: string) => {
    const home = session.vars.get("HOME") ?? (!ctx.user || ctx.user === "root" || ctx.user.startsWith("0") ? "/root" : "/");
    return `${home === "/" ? "" : home}/${name}`;
  };
  const writeHistory = (name: string, text: string) => {
    try {
      state.fs.writeFile(historyFile(name), text, { append: true, mode: 0o600 });
    } catch {
      // A read-only root filesystem or a missing home: the shell carries on without history.
    }
  };
  const remember = (script: string) => {
    if (!showPrompt || script.trim() === "") return;
    if (flavor === "ash") writeHistory(".ash_history", script);
    else if (flavor === "bash") bashLines.push(script);
  };
  const saveBashHistory = () => {
    if (bashLines.length > 0) writeHistory(".bash_history", bashLines.splice(0).join(""));
  };

  const run = (script: string, eof: boolean): LineResult => {
    const from = state.output.length;
    const start = state.now;
    const fds: Fds = { in: new Input(""), out: state.sink("stdout"), err: state.sink("stderr") };
    const output = () => state.output.slice(from).map((c) => ({ ...c, at: c.at - start }));
    try {
      if (script !== "") {
        remember(script);
        session.runLine(script, fds);
        // Interactive bash says it leaves when `exit` ends it.
        if (session.exitedWith !== undefined && flavor === "bash" && showPrompt) fds.err("exit\n");
      }
      if (eof && session.exitedWith === undefined) {
        // ash and dash end the line their prompt was on; bash says it leaves.
        if (showPrompt) fds.err(flavor === "bash" ? "exit\n" : "\n");
        session.exitedWith = session.status;
      }
    } catch (e) {
      if (e instanceof NeverExits) return { output: output(), blocked: true, elapsed: state.now - start };
      throw e;
    }
    if (session.exitedWith !== undefined) {
      saveBashHistory();
      session.runExitTrap(fds);
      return { output: output(), exit: session.exitedWith, elapsed: state.now - start };
    }
    return { output: output(), elapsed: state.now - start };
  };

  return {
    session,
    prompt() {
      if (!showPrompt) return "";
      if (pending !== "") return session.vars.get("PS2") ?? "> ";
      return shellPrompt(flavor, session.vars.get("HOME"), session.cwd, ctx.user, ctx.hostname);
    },
    runLine(line) {
      const script = pending + line + "\n";
      if (incomplete(script)) {
        pending = script;
        return { output: [], more: true, elapsed: 0 };
      }
      pending = "";
      return run(script, false);
    },
    eof() {
      // An unfinished command at end of input is a syntax error, as in a script.
      const script = pending;
      pending = "";
      return run(script, true);
    },
    cancel() {
      pending = "";
    },
    rebind(next) {
      state = newState(next);
      session.state = state;
    },
    memory() {
      const vars: Record<string, string> = {};
      for (const [k, v] of session.vars) vars[k] = v;
      return { cwd: session.cwd, vars, exported: [...session.exported], status: session.status };
    },
  };
}

/** PS1 as each shell shows it by default: ash `\w \$ `, dash `\$ `, bash (Debian's bashrc) `\u@\h:\w\$ `. */
export function shellPrompt(flavor: ShellFlavor, home: string | undefined, cwd: string, user: string, hostname: string): string {
  const root = !user || user === "root" || user.startsWith("0");
  // Without HOME the shell falls back to the user's home (root's is /root).
  const h = home ?? (root ? "/root" : undefined);
  const dir = h && h !== "/" && (cwd === h || cwd.startsWith(h + "/")) ? "~" + cwd.slice(h.length) : cwd;
  const mark = root ? "#" : "$";
  if (flavor === "bash") return `${root ? "root" : user.split(":")[0]}@${hostname}:${dir}${mark} `;
  if (flavor === "dash") return `${mark} `;
  return `${dir} ${mark} `;
}

/** True when the script only lacks its end (the shell would show PS2 and read on). */
function incomplete(script: string): boolean {
  try {
    parseScript(script);
    return false;
  } catch (e) {
    return e instanceof ShellSyntaxError && e.token === null;
  }
}
