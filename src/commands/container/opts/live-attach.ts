// Attaching a live stdin (a terminal, or lines as they come) to a container: run -i/-it,
// start -ai and attach (docker/cli run.go attachContainer, start.go, attach.go, hijack.go).
import type { LogEntry } from "../../../client/api.js";
import type { Cli } from "../../../cli/types.js";
import { lineSession, terminalSession, type SessionEnd } from "./shell-session.js";

export type LiveResult = { detached: true } | { detached: false; code: number };

export interface LiveOptions {
  /** Start the container first (it is created or stopped). */
  start: boolean;
  /** The container has a TTY (-t): prompts, and stderr merged into stdout. */
  tty: boolean;
  detachKeys: number[];
  /** The container's stdin closes when this client's input ends (StdinOnce). */
  closeStdin: boolean;
}

/**
 * Talks to the container's shell with the user's stdin. Returns undefined when its command is
 * not a shell reading stdin: the container is then left as it was, for the caller to stream.
 */
export async function attachShell(cli: Cli, id: string, opts: LiveOptions): Promise<LiveResult | undefined> {
  const terminal = opts.tty && cli.in.isTTY && cli.in.terminal;
  const shell = await cli.client.containerShell(id, { prompt: opts.tty, start: opts.start });
  if (!shell) return undefined;
  const end: SessionEnd = terminal ? await terminalSession(cli, shell, await cli.in.terminal!({ detachKeys: opts.detachKeys }), id) : await lineSession(cli, shell, { closeStdin: opts.closeStdin });
  if (end.kind === "detached") return { detached: true };
  if (end.kind === "exit") return { detached: false, code: end.code };
  // The stream lasts until the container stops.
  try {
    return { detached: false, code: (await cli.client.containerWait(id, "not-running")).StatusCode };
  } catch {
    return { detached: false, code: 0 };
  }
}

/**
 * Streams output of a container whose command is no shell while the terminal is watched:
 * the detach keys end the attach, Ctrl-C reaches the container's process (its TTY sends SIGINT).
 */
export async function streamWithTerminal(cli: Cli, id: string, sink: (e: LogEntry) => void, opts: { start: boolean; detachKeys: number[] }): Promise<LiveResult> {
  const term = await cli.in.terminal!({ detachKeys: opts.detachKeys });
  const abort = new AbortController();
  let detached = false;
  let attached = true;
  void (async () => {
    while (attached) {
      const key = await term.waitKey();
      if (!attached) return;
      if (key === "detach") {
        detached = true;
        abort.abort();
        return;
      }
      await cli.client.containerKill(id, "SIGINT").catch(() => undefined);
    }
  })();
  try {
    const code = await cli.client.containerAttach(id, sink, { ...(opts.start ? { start: {} } : {}), signal: abort.signal });
    return detached ? { detached: true } : { detached: false, code };
  } finally {
    attached = false;
    term.close();
  }
}
