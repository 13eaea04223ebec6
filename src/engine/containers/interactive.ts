// Talking to a shell inside a container line by line: the main process of `run -it`/`attach`
// (a shell waiting on its terminal or open stdin) or an `exec -it` shell. The session lives in
// the caller; each line is one transaction against the container as it is then, so files it
// writes persist and `exit N` ends the container (or the exec) with N.
import type { ExecRequest } from "../api-types.js";
import { conflict } from "../errors.js";
import { emitEvent } from "../events.js";
import type { Engine, Tx } from "../host.js";
import { heavy } from "../heavy.js";
import type { ContainerRecord } from "../model.js";
import { containerNetwork } from "../network/access.js";
import { processEnv } from "../network/hooks.js";
import type { InteractiveShell } from "../runtime/index.js";
import type { ProcessContext } from "../runtime/types.js";
import { mergeEnv } from "./create.js";
import { startContainer } from "./lifecycle.js";
import { getContainer } from "./lookup.js";
import { containerAttributes, flushOutput } from "./process.js";
import { containerFs } from "./rootfs.js";

export interface ShellOutput {
  stream: "stdout" | "stderr";
  text: string;
}

export interface ShellStep {
  /** The shell ended (exit, end of input): its exit code. */
  exit?: number;
  /** A command that runs until interrupted holds the shell (`sleep infinity`, `top`). */
  blocked?: boolean;
  /** The container (or exec) went away underneath the session (stopped, killed, removed). */
  gone?: boolean;
}

export interface ShellHandle {
  /** What the shell prints before reading the next line ("" without a terminal). */
  prompt(): string;
  /** Runs one line; output arrives through onOutput as simulated time reaches it. */
  runLine(line: string, onOutput: (o: ShellOutput) => void, signal?: AbortSignal): Promise<ShellStep>;
  /** Ctrl-C: ends a blocked command, or drops an unfinished one. */
  interrupt(): void;
  /** End of input (Ctrl-D, or the end of a piped stdin): the shell exits. */
  eof(onOutput: (o: ShellOutput) => void): Promise<ShellStep>;
}

export interface ShellOpenOptions {
  /** A shell exec'd in the running container instead of its main process. */
  exec?: ExecRequest;
  /** The shell has a terminal: it shows prompts. */
  prompt: boolean;
  /** Start the container first (run -it, start -ai) when its command is such a shell. */
  start?: boolean;
}

interface Target {
  id: string;
  /** The main process's run this session belongs to (its start instant). */
  startedAt: number;
  exec?: { id: string; pid: number; req: ExecRequest; command: string };
  tty: boolean;
}

/**
 * Opens a session, or returns undefined when the target is not a shell reading stdin (the
 * caller then streams output instead). Errors are the daemon's (no such container, not running).
 */
export async function openShell(engine: Engine, ref: string, opts: ShellOpenOptions): Promise<ShellHandle | undefined> {
  const opened = await engine.transact((tx) => {
    const c = getContainer(tx.state, ref);
    let attached = false;
    // `start`: a stopped container is started only when its command is such a shell.
    if (opts.start && !opts.exec && !(c.state.running && !c.state.restarting)) {
      const fs = containerFs(tx.state, c, tx.now);
      const found = heavy().runtime.interactiveShellFlavor(fs, [c.path, ...c.args], processEnv(tx.state, c), c.config.WorkingDir || "/");
      if (!found) return undefined;
      // daemon/attach.go: the client attaches before it starts the container.
      emitEvent(tx.state, tx.now, "container", "attach", c.id, containerAttributes(c));
      attached = true;
      startContainer(tx, ref);
    }
    if (!c.state.running || c.state.restarting) throw conflict(`container ${c.id} is not running`);
    if (c.state.paused) throw conflict(`Container ${c.id} is paused, unpause the container before exec`);
    const { interactiveShellFlavor, createShellSession } = heavy().runtime;
    const fs = containerFs(tx.state, c, tx.now);
    const req = opts.exec;
    const argv = req ? req.cmd : [c.path, ...c.args];
    const env = req ? mergeEnv(processEnv(tx.state, c, req.tty), req.env) : processEnv(tx.state, c);
    const workdir = (req ? req.workingDir : undefined) || c.config.WorkingDir || "/";
    const flavor = interactiveShellFlavor(fs, argv, env, workdir);
    // The main process must still be the shell waiting for input.
    if (!flavor || (!req && c.process?.exitAt !== null)) return undefined;
    if (!req && !attached) emitEvent(tx.state, tx.now, "container", "attach", c.id, containerAttributes(c));
    const target: Target = { id: c.id, startedAt: c.state.startedAt, tty: req ? req.tty : c.config.Tty };
    let pid = 1;
    if (req) {
      pid = c.nextPid++;
      const execId = tx.ids.hex64();
      const command = req.cmd.join(" ");
      // daemon/exec.go: entrypoint, a space, then the arguments (so `sh` alone reads "sh ").
      const shown = `${req.cmd[0] ?? ""} ${req.cmd.slice(1).join(" ")}`;
      emitEvent(tx.state, tx.now, "container", `exec_create: ${shown}`, c.id, containerAttributes(c, { execID: execId }));
      emitEvent(tx.state, tx.now, "container", `exec_start: ${shown}`, c.id, containerAttributes(c, { execID: execId }));
      c.execIds.push(execId);
      const user = req.user ?? c.config.User;
      c.process?.processes.push({ pid, ppid: 0, user: user === "" || user === "0" ? "root" : user.split(":")[0]!, command, startedAt: tx.now - c.state.startedAt });
      target.exec = { id: execId, pid, req, command };
    }
    const ctx = contextFor(tx, c, target, argv, env, workdir);
    const memory = req ? undefined : c.process?.shell;
    const shell = createShellSession(ctx, flavor, { ...(memory ? { memory } : {}), prompt: opts.prompt });
    return { target, shell, argv, env, workdir };
  });
  if (!opened) return undefined;
  return new Session(engine, opened.target, opened.shell, opened.argv, opened.env, opened.workdir);
}

function contextFor(tx: Tx, c: ContainerRecord, t: Target, argv: string[], env: string[], workdir: string): ProcessContext {
  const fs = containerFs(tx.state, c, tx.now);
  return {
    argv,
    env,
    workdir,
    user: t.exec?.req.user ?? c.config.User,
    hostname: c.config.Hostname,
    fs,
    pid: t.exec?.pid ?? 1,
    tty: t.tty,
    startTime: tx.now,
    processes: c.process?.processes ?? [],
    random: () => tx.ids.float(),
    network: containerNetwork({ state: tx.state, c, fs, now: tx.now }),
  };
}

class Session implements ShellHandle {
  private done = false;

  constructor(
    private readonly engine: Engine,
    private readonly t: Target,
    private readonly shell: InteractiveShell,
    private readonly argv: string[],
    private readonly env: string[],
    private readonly workdir: string,
  ) {}

  prompt(): string {
    return this.shell.prompt();
  }

  interrupt(): void {
    this.shell.cancel();
  }

  runLine(line: string, onOutput: (o: ShellOutput) => void, signal?: AbortSignal): Promise<ShellStep> {
    return this.step((shell) => shell.runLine(line), line, onOutput, signal);
  }

  eof(onOutput: (o: ShellOutput) => void): Promise<ShellStep> {
    return this.step((shell) => shell.eof(), undefined, onOutput);
  }

  private async step(
    run: (shell: InteractiveShell) => ReturnType<InteractiveShell["runLine"]>,
    echo: string | undefined,
    onOutput: (o: ShellOutput) => void,
    signal?: AbortSignal,
  ): Promise<ShellStep> {
    if (this.done) return { gone: true };
    const r = await this.engine.transact((tx) => {
      const c = tx.state.containers[this.t.id];
      if (!c || !c.state.running || c.state.startedAt !== this.t.startedAt || (this.t.exec && !c.execIds.includes(this.t.exec.id))) return undefined;
      this.shell.rebind(contextFor(tx, c, this.t, this.argv, this.env, this.workdir));
      const res = run(this.shell);
      const start = tx.now;
      if (this.t.exec) {
        if (res.exit !== undefined) this.endExec(tx, c, res.exit);
      } else if (c.process) {
        const main = c.process;
        main.shell = this.shell.memory();
        // A terminal's log is the screen: after the prompt already there, the echoed line,
        // what it printed, and the next prompt.
        const tty = this.t.tty;
        const echoed = tty && echo !== undefined ? [{ at: start, stream: "stdout" as const, text: `${echo}\n` }] : [];
        const next = tty && res.exit === undefined && !res.blocked ? [{ at: start + res.elapsed, stream: "stdout" as const, text: this.shell.prompt() }] : [];
        main.pending.push(...echoed, ...res.output.map((o) => ({ ...o, at: start + o.at })), ...next);
        flushOutput(tx, c, start);
        if (res.exit !== undefined) {
          main.exitAt = start + res.elapsed;
          main.exitCode = res.exit;
        }
      }
      return { res, start };
    });
    if (!r) {
      this.done = true;
      return { gone: true };
    }
    const { res, start } = r;
    const end = start + res.elapsed;
    const finished = await this.deliver(res.output, start, res.blocked ? undefined : end, onOutput, signal);
    if (!finished) {
      await this.interrupted();
      return {};
    }
    // Let the clock reach the end of the line's work (a frozen one is moved on).
    if (!res.blocked && res.elapsed > 0) await this.engine.transact(() => undefined, { advanceTo: end });
    else if (res.exit !== undefined) await this.engine.transact(() => undefined);
    if (res.exit !== undefined) {
      this.done = true;
      return { exit: res.exit };
    }
    return res.blocked ? { blocked: true } : {};
  }

  /**
   * Hands output over as time reaches it, then lets time reach `end`: at once on a frozen
   * clock, really waited for on a running one. False when the signal (Ctrl-C) cut it short.
   */
  private async deliver(output: Array<ShellOutput & { at: number }>, start: number, end: number | undefined, onOutput: (o: ShellOutput) => void, signal?: AbortSignal): Promise<boolean> {
    const view = await this.engine.view();
    const frozen = view.state.clock.frozenAt !== undefined;
    let now = view.now;
    const waitFor = async (due: number) => {
      while (!frozen && due > now && !signal?.aborted) {
        const slice = Math.min(due - now, 100);
        await this.engine.options.sleep(slice);
        now += slice;
      }
    };
    for (const o of output) {
      await waitFor(start + o.at);
      if (signal?.aborted) return false;
      onOutput({ stream: o.stream, text: o.text });
    }
    if (end !== undefined) await waitFor(end);
    return !signal?.aborted;
  }

  /** Ctrl-C while a line was still running: what it had not printed yet, and its exit, are off. */
  private async interrupted(): Promise<void> {
    if (this.t.exec) return;
    await this.engine.transact((tx) => {
      const p = tx.state.containers[this.t.id]?.process;
      if (!p || tx.state.containers[this.t.id]!.state.startedAt !== this.t.startedAt) return;
      p.pending = p.pending.filter((o) => o.at <= tx.now);
      if (p.exitAt !== null && p.exitAt > tx.now) p.exitAt = null;
    });
  }

  private endExec(tx: Tx, c: ContainerRecord, code: number): void {
    const e = this.t.exec!;
    c.execIds = c.execIds.filter((id) => id !== e.id);
    if (c.process) c.process.processes = c.process.processes.filter((p) => p.pid !== e.pid);
    emitEvent(tx.state, tx.now, "container", "exec_die", c.id, containerAttributes(c, { execID: e.id, exitCode: String(code) }));
  }
}
