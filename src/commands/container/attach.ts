// docker attach (docker/cli cli/command/container/attach.go): only a running container; the
// user's stdin goes to its main process when it was created with -i; the exit code is the
// container's. Detaching returns the escape error, which docker prints ("read escape sequence").
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { checkTty, outputSink } from "./opts/attach.js";
import { attachShell, streamWithTerminal, type LiveResult } from "./opts/live-attach.js";
import { checkDetachKeys, detachKeysOf, ESCAPE_ERROR } from "./opts/shell-session.js";

export interface AttachOptions {
  container: string;
  noStdin: boolean;
  detachKeys: string;
}

interface AttachState {
  Id?: string;
  State?: { Running?: boolean; Paused?: boolean; Restarting?: boolean };
  Config?: { Tty?: boolean; OpenStdin?: boolean; StdinOnce?: boolean };
}

/** inspectContainerAndCheckState. */
async function inspectAndCheck(cli: Cli, ref: string): Promise<AttachState> {
  const c = (await cli.client.containerInspect(ref)) as AttachState;
  if (!c.State?.Running) throw new StatusError("You cannot attach to a stopped container, start it first", 1);
  if (c.State.Paused) throw new StatusError("You cannot attach to a paused container, unpause it first", 1);
  if (c.State.Restarting) throw new StatusError("You cannot attach to a restarting container, wait until it is running", 1);
  return c;
}

export async function runAttach(cli: Cli, opts: AttachOptions): Promise<void> {
  const c = await inspectAndCheck(cli, opts.container);
  const tty = c.Config?.Tty === true;
  try {
    checkTty(cli, !opts.noStdin, tty);
  } catch (e) {
    throw new StatusError((e as Error).message, 1);
  }
  const id = c.Id ?? opts.container;
  const withStdin = !opts.noStdin && c.Config?.OpenStdin === true;
  const sink = outputSink(cli, { stdout: true, stderr: true, tty });
  let result: LiveResult | undefined;
  if (withStdin) {
    const detachKeys = checkDetachKeys(detachKeysOf(cli, opts.detachKeys));
    result = await attachShell(cli, id, { start: false, tty, detachKeys, closeStdin: c.Config?.StdinOnce === true });
    if (!result && tty && cli.in.terminal) result = await streamWithTerminal(cli, id, sink, { start: false, detachKeys });
  }
  result ??= { detached: false, code: await cli.client.containerAttach(id, sink) };
  if (result.detached) throw new StatusError(ESCAPE_ERROR, 1);
  if (result.code !== 0) throw new StatusError("", result.code);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runAttach(cli, {
    container: args[0]!,
    noStdin: flags.values["no-stdin"] === true,
    detachKeys: String(flags.values["detach-keys"] ?? ""),
  });
}
