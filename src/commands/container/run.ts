// docker run (docker/cli cli/command/container/run.go): create, print the ID when detached,
// start, then stream the output and exit with the container's exit code.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { checkTty, outputSink } from "./opts/attach.js";
import { createContainer } from "./opts/create-container.js";
import { toStatusError } from "./opts/errors.js";
import { parseCreateFlags, type ContainerOptions } from "./opts/parse.js";
import { attachShell, streamWithTerminal } from "./opts/live-attach.js";
import { checkDetachKeys, detachKeysOf } from "./opts/shell-session.js";

export interface RunOptions {
  container: ContainerOptions;
  detach: boolean;
  pull: string;
  quiet: boolean;
  /** --detach-keys (empty: the client config's, else ctrl-p,ctrl-q). */
  detachKeys?: string;
}

export async function runRun(cli: Cli, opts: RunOptions): Promise<void> {
  const { request: req, attachFlags } = opts.container;
  if (!opts.detach) {
    try {
      checkTty(cli, req.attachStdin, req.tty);
    } catch (e) {
      throw new StatusError((e as Error).message, 1);
    }
  } else {
    if (attachFlags.length > 0) throw new StatusError("conflicting options: cannot specify both --attach and --detach", 1);
    req.attachStdin = req.attachStdout = req.attachStderr = false;
    req.stdinOnce = false;
  }

  const attach = req.attachStdin || req.attachStdout || req.attachStderr;
  let id: string;
  try {
    id = await createContainer(cli, req, { pull: opts.pull, quiet: opts.quiet, warnings: opts.container.warnings });
  } catch (e) {
    throw toStatusError(e);
  }

  if (!attach) {
    cli.out.write(`${id}\n`);
    try {
      await cli.client.containerStart(id);
    } catch (e) {
      throw toStatusError(e);
    }
    return;
  }
  const sink = outputSink(cli, { stdout: req.attachStdout, stderr: req.attachStderr, tty: req.tty });
  let status: number;
  try {
    if (req.attachStdin && cli.in.isTTY) {
      // A live terminal: the shell reads what the user types; detaching prints nothing.
      const detachKeys = checkDetachKeys(detachKeysOf(cli, opts.detachKeys ?? ""));
      const live =
        (await attachShell(cli, id, { start: true, tty: req.tty, detachKeys, closeStdin: req.stdinOnce })) ??
        (req.tty && cli.in.terminal ? await streamWithTerminal(cli, id, sink, { start: true, detachKeys }) : undefined);
      if (live?.detached) return;
      if (live) {
        if (live.code !== 0) throw new StatusError("", live.code);
        return;
      }
    }
    const stdin = req.attachStdin ? await cli.in.readAll() : undefined;
    // Starting inside the attach keeps the output of a process that ends (and with --rm,
    // is removed by the daemon) straight away.
    status = await cli.client.containerAttach(id, sink, {
      start: stdin !== undefined ? { stdin } : {},
    });
  } catch (e) {
    if (e instanceof StatusError) throw e;
    throw toStatusError(e);
  }
  if (status !== 0) throw new StatusError("", status);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const { container, pull } = parseCreateFlags(cli, flags, args, "run");
  await runRun(cli, {
    container,
    detach: flags.values.detach === true,
    pull,
    quiet: flags.values.quiet === true,
    detachKeys: String(flags.values["detach-keys"] ?? ""),
  });
}
