// In-process runner for dispatch(): captures the streams and the exit status the way
// cli/main.ts reports a StatusError (message + newline on stderr, its status as exit code).
import { StatusError } from "../../../src/cli/errors.js";
import { dispatch } from "../../../src/cli/program.js";
import type { CommandSpec } from "../../../src/cli/spec.js";
import type { Cli } from "../../../src/cli/types.js";

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function fakeCli(env: Record<string, string | undefined> = { HOME: "/root" }) {
  const io = { stdout: "", stderr: "" };
  const cli = {
    out: { write: (t: string) => void (io.stdout += t), isTTY: false },
    err: { write: (t: string) => void (io.stderr += t), isTTY: false },
    in: { isTTY: false, readAll: async () => "", readLine: async () => null },
    client: {},
    config: {},
    env,
    files: {},
  } as unknown as Cli;
  return { cli, io };
}

export async function run(argv: string[], root?: CommandSpec, env?: Record<string, string | undefined>): Promise<RunResult> {
  const { cli, io } = fakeCli(env);
  let exitCode = 0;
  try {
    await dispatch(argv, cli, root);
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    if (e.message) io.stderr += e.message + "\n";
    exitCode = e.status;
  }
  return { ...io, exitCode };
}
