// Attached stdin talking to a shell in a container (docker/cli hijack.go, seen from the user):
// on a terminal, prompts, line editing, Ctrl-C, Ctrl-D and the detach keys; from a pipe or a
// terminal without -t, each line as it arrives and the end of input.
import type { ShellHandle, ShellOutput, ShellStep } from "../../../client/api.js";
import { DEFAULT_DETACH_KEYS, detachKeyBytes } from "../../../cli/detach-keys.js";
import { DaemonError } from "../../../cli/errors.js";
import type { Cli, Terminal, TerminalInput } from "../../../cli/types.js";

/** moby/term EscapeError's text: what attach and exec -it print when the user detaches. */
export const ESCAPE_ERROR = "read escape sequence";

export type SessionEnd = { kind: "exit"; code: number } | { kind: "detached" } | { kind: "gone" } | { kind: "stdin-closed" };

/** The detach keys in force: --detach-keys, else the client config's, else ctrl-p,ctrl-q. */
export function detachKeysOf(cli: Cli, flag: string): string {
  return flag !== "" ? flag : cli.config.detachKeys || DEFAULT_DETACH_KEYS;
}

/**
 * The daemon refuses keys it cannot parse when an attach starts (moby: daemon/attach.go, "detach")
 * or an exec is created (daemon/exec.go, "escape").
 */
export function checkDetachKeys(keys: string, word: "detach" | "escape" = "detach"): number[] {
  try {
    return detachKeyBytes(keys);
  } catch {
    throw new DaemonError(`Invalid ${word} keys (${keys}) provided`, word === "detach" ? 400 : 500);
  }
}

function printer(cli: Cli, tty: boolean): (o: ShellOutput) => void {
  return (o) => (o.stream === "stderr" && !tty ? cli.err : cli.out).write(o.text);
}

const POLL_MS = 250;

/** Resolves when the container no longer runs (stopped, killed or removed from elsewhere). */
async function stopped(cli: Cli, id: string, signal: AbortSignal): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (signal.aborted) return new Promise(() => undefined);
    try {
      const c = (await cli.client.containerInspect(id)) as { State?: { Running?: boolean } };
      if (!c.State?.Running) return;
    } catch {
      return;
    }
  }
}

/** Reads a line, unless the container stops first (then undefined). */
async function readOrStop(cli: Cli, term: Terminal, prompt: string, id: string | undefined): Promise<TerminalInput | undefined> {
  if (!id || !term.cancel) return term.readLine(prompt);
  const watch = new AbortController();
  let gone = false;
  void stopped(cli, id, watch.signal).then(() => {
    gone = true;
    term.cancel!();
  });
  const input = await term.readLine(prompt);
  watch.abort();
  return gone ? undefined : input;
}

/**
 * A terminal session: runs until the shell exits, the user detaches, or the container stops
 * (`containerId`: watched while the user types).
 */
export async function terminalSession(cli: Cli, shell: ShellHandle, term: Terminal, containerId?: string): Promise<SessionEnd> {
  const out = printer(cli, true);
  try {
    for (;;) {
      const input = await readOrStop(cli, term, shell.prompt(), containerId);
      if (!input) return { kind: "gone" };
      if (input.kind === "detach") return { kind: "detached" };
      if (input.kind === "interrupt") {
        // The shell's terminal echoes ^C and the shell starts a fresh line.
        cli.out.write("^C\n");
        shell.interrupt();
        continue;
      }
      let step: ShellStep & { interrupted?: boolean; detached?: boolean } = input.kind === "eof" ? await shell.eof(out) : await whileWatching(term, (signal) => shell.runLine(input.text, out, signal));
      if (step.interrupted) {
        cli.out.write("^C\n");
        continue;
      }
      if (step.detached) return { kind: "detached" };
      while (step.blocked) {
        const key = await term.waitKey();
        if (key === "detach") return { kind: "detached" };
        cli.out.write("^C\n");
        shell.interrupt();
        step = {};
      }
      if (step.gone) return { kind: "gone" };
      if (step.exit !== undefined) return { kind: "exit", code: step.exit };
    }
  } finally {
    term.close();
  }
}

/** Runs a line while the keyboard is watched: Ctrl-C cuts it short, the detach keys leave it running. */
async function whileWatching(term: Terminal, run: (signal: AbortSignal) => Promise<ShellStep>): Promise<ShellStep & { interrupted?: boolean; detached?: boolean }> {
  const abort = new AbortController();
  let key: "interrupt" | "detach" | undefined;
  let running = true;
  const watch = term.waitKey().then((k) => {
    if (!running) return;
    key = k;
    abort.abort();
  });
  void watch;
  const step = await run(abort.signal);
  running = false;
  term.stopWaiting?.();
  if (key === "interrupt") return { interrupted: true };
  if (key === "detach") return { detached: true };
  return step;
}

/**
 * Lines from a pipe (or a terminal without -t): no prompt, output as each line runs. At the end
 * of input the shell sees end of file when stdin closes with the client (StdinOnce).
 */
export async function lineSession(cli: Cli, shell: ShellHandle, opts: { closeStdin: boolean }): Promise<SessionEnd> {
  const out = printer(cli, false);
  for (;;) {
    const line = await cli.in.readLine();
    if (line === null) break;
    const step = await shell.runLine(line, out);
    if (step.blocked) return { kind: "stdin-closed" };
    if (step.gone) return { kind: "gone" };
    if (step.exit !== undefined) return { kind: "exit", code: step.exit };
  }
  if (!opts.closeStdin) return { kind: "stdin-closed" };
  const step = await shell.eof(out);
  return step.exit !== undefined ? { kind: "exit", code: step.exit } : { kind: "gone" };
}
