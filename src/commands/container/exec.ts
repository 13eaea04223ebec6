// docker exec (docker/cli cli/command/container/exec.go): a not-found container wins over
// the TTY check; the command's exit code becomes ours.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { checkTty } from "./opts/attach.js";
import { readKVEnvStrings } from "./opts/kvfile.js";
import { checkDetachKeys, detachKeysOf, ESCAPE_ERROR, lineSession, terminalSession } from "./opts/shell-session.js";

export interface ExecOptions {
  container: string;
  command: string[];
  detach: boolean;
  interactive: boolean;
  tty: boolean;
  env: string[];
  envFile: string[];
  workdir: string;
  user: string;
  privileged: boolean;
  /** --detach-keys (empty: the client config's, else ctrl-p,ctrl-q). */
  detachKeys?: string;
}

export async function runExec(cli: Cli, opts: ExecOptions): Promise<void> {
  let env: string[];
  try {
    env = readKVEnvStrings(cli.files, opts.envFile, opts.env, cli.env);
  } catch (e) {
    throw new StatusError((e as Error).message, 1);
  }
  const attachStdin = !opts.detach && opts.interactive;

  await cli.client.containerInspect(opts.container);
  if (!opts.detach) {
    try {
      checkTty(cli, attachStdin, opts.tty);
    } catch (e) {
      throw new StatusError((e as Error).message, 1);
    }
  }
  // The daemon checks the keys when it creates the exec (moby: daemon/exec.go), even for -d.
  const detachKeys = checkDetachKeys(detachKeysOf(cli, opts.detachKeys ?? ""), "escape");
  const req = {
    cmd: opts.command,
    env,
    ...(opts.workdir !== "" ? { workingDir: opts.workdir } : {}),
    ...(opts.user !== "" ? { user: opts.user } : {}),
    tty: opts.tty,
    attachStdin,
    detach: opts.detach,
    privileged: opts.privileged,
  };
  if (attachStdin && cli.in.isTTY) {
    // A shell on the user's terminal; other programs run as below.
    const shell = await cli.client.containerShell(opts.container, { exec: req, prompt: opts.tty });
    if (shell) {
      const end = opts.tty && cli.in.terminal ? await terminalSession(cli, shell, await cli.in.terminal({ detachKeys }), opts.container) : await lineSession(cli, shell, { closeStdin: true });
      if (end.kind === "detached") throw new StatusError(ESCAPE_ERROR, 1);
      if (end.kind === "exit" && end.code !== 0) throw new StatusError("", end.code);
      // The container stopped under the session: its processes were killed.
      if (end.kind === "gone") throw new StatusError("", 137);
      return;
    }
  }
  const stdin = attachStdin ? await cli.in.readAll() : undefined;
  const result = await cli.client.containerExec(opts.container, { ...req, ...(stdin !== undefined ? { stdin } : {}) });
  if (opts.detach) return;
  for (const chunk of result.output) {
    (chunk.stream === "stderr" && !opts.tty ? cli.err : cli.out).write(chunk.text);
  }
  if (result.exitCode !== 0) throw new StatusError("", result.exitCode);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  await runExec(cli, {
    container: args[0]!,
    command: args.slice(1),
    detach: v.detach === true,
    interactive: v.interactive === true,
    tty: v.tty === true,
    env: (v.env as string[]) ?? [],
    envFile: (v["env-file"] as string[]) ?? [],
    workdir: String(v.workdir ?? ""),
    user: String(v.user ?? ""),
    privileged: v.privileged === true,
    detachKeys: String(v["detach-keys"] ?? ""),
  });
}
