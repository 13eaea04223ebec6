// An interactive shell (`run -it ... sh`, `exec -it`): one line at a time, state kept.
import type { OutputChunk, ProcessContext } from "../types.js";
import { Input, NeverExits, ProcessState } from "../applets/context.js";
import type { ShellFlavor } from "./messages.js";
import { ShellSession, type Fds } from "./session.js";

export interface InteractiveShell {
  session: ShellSession;
  /** The prompt to print before the next line (PS1 as the image's shell shows it by default). */
  prompt(): string;
  /**
   * Runs one line. `at` of the chunks counts from the start of the session. `exit` is set when
   * the line ended the shell; `blocked` when it runs forever (e.g. `sleep infinity`).
   */
  runLine(line: string): { output: OutputChunk[]; exit?: number; blocked?: boolean };
}

export function createShellSession(ctx: ProcessContext, flavor: ShellFlavor, install: (s: ProcessState) => void): InteractiveShell {
  const state = new ProcessState(ctx);
  install(state);
  const env: Record<string, string> = {};
  for (const e of ctx.env) {
    const eq = e.indexOf("=");
    if (eq > 0) env[e.slice(0, eq)] = e.slice(eq + 1);
  }
  const session = new ShellSession({ flavor, arg0: ctx.argv[0] ?? "sh", mode: "interactive", env, cwd: ctx.workdir, state, pid: ctx.pid });
  const root = !ctx.user || ctx.user === "root" || ctx.user.startsWith("0");
  return {
    session,
    prompt() {
      const home = session.vars.get("HOME");
      const cwd = home && home !== "/" && (session.cwd === home || session.cwd.startsWith(home + "/")) ? "~" + session.cwd.slice(home.length) : session.cwd;
      const mark = root ? "#" : "$";
      if (flavor === "bash") return `${root ? "root" : ctx.user.split(":")[0]}@${ctx.hostname}:${cwd}${mark} `;
      if (flavor === "dash") return `${mark} `;
      return `${cwd} ${mark} `;
    },
    runLine(line) {
      const from = state.output.length;
      const fds: Fds = { in: new Input(""), out: state.sink("stdout"), err: state.sink("stderr") };
      try {
        session.runLine(line, fds);
      } catch (e) {
        if (e instanceof NeverExits) return { output: state.output.slice(from), blocked: true };
        throw e;
      }
      const output = state.output.slice(from);
      return session.exitedWith !== undefined ? { output, exit: session.exitedWith } : { output };
    },
  };
}
