// docker start (docker/cli cli/command/container/start.go): without -a/-i every container is
// started and echoed as typed; with them one container is started and its output streamed.
import { DaemonError, StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { outputSink } from "./opts/attach.js";
import { attachShell, streamWithTerminal } from "./opts/live-attach.js";
import { checkDetachKeys, detachKeysOf } from "./opts/shell-session.js";
import { errorText } from "./opts/errors.js";

export interface StartOptions {
  containers: string[];
  attach: boolean;
  interactive: boolean;
  /** --detach-keys (empty: the client config's, else ctrl-p,ctrl-q). */
  detachKeys?: string;
}

async function startAttached(cli: Cli, opts: StartOptions): Promise<void> {
  if (opts.containers.length > 1) throw new StatusError("you cannot start and attach multiple containers at once", 1);
  const ref = opts.containers[0]!;
  const info = await cli.client.containerInspect(ref);
  const config = (info.Config ?? {}) as { Tty?: boolean; OpenStdin?: boolean; StdinOnce?: boolean };
  const tty = config.Tty === true;
  const withStdin = opts.interactive && config.OpenStdin === true;
  const id = String(info.Id ?? ref);
  const sink = outputSink(cli, { stdout: true, stderr: true, tty });
  const state = (info.State ?? {}) as { Running?: boolean; Restarting?: boolean };
  const running = state.Running === true && state.Restarting !== true;
  if (withStdin && (cli.in.isTTY || running)) {
    // A live stdin (or a shell already waiting for one): line by line; detaching is no error.
    const detachKeys = checkDetachKeys(detachKeysOf(cli, opts.detachKeys ?? ""));
    const live =
      (await attachShell(cli, id, { start: !running, tty, detachKeys, closeStdin: config.StdinOnce === true })) ??
      (tty && cli.in.terminal ? await streamWithTerminal(cli, id, sink, { start: !running, detachKeys }) : undefined);
    if (live?.detached) return;
    if (live) {
      if (live.code !== 0) throw new StatusError("", live.code);
      return;
    }
  }
  const stdin = withStdin ? await cli.in.readAll() : undefined;
  const status = await cli.client.containerAttach(id, sink, {
    start: stdin !== undefined ? { stdin } : {},
  });
  if (status !== 0) throw new StatusError("", status);
}

export async function runStart(cli: Cli, opts: StartOptions): Promise<void> {
  if (opts.attach || opts.interactive) return startAttached(cli, opts);
  const failed: string[] = [];
  for (const ref of opts.containers) {
    try {
      await cli.client.containerStart(ref);
    } catch (e) {
      // A container that is already running counts as started (HTTP 304).
      if (!(e instanceof DaemonError && e.httpStatus === 304)) {
        cli.err.write(`${errorText(e)}\n`);
        failed.push(ref);
        continue;
      }
    }
    cli.out.write(`${ref}\n`);
  }
  if (failed.length > 0) throw new StatusError(`Error: failed to start containers: ${failed.join(", ")}`, 1);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runStart(cli, {
    containers: args,
    attach: flags.values.attach === true,
    interactive: flags.values.interactive === true,
    detachKeys: String(flags.values["detach-keys"] ?? ""),
  });
}
