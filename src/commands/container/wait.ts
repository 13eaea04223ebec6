// docker wait (docker/cli cli/command/container/wait.go): each exit code on its own line,
// then every failure, joined one per line, with exit 1.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { errorText } from "./opts/errors.js";

export interface WaitOptions {
  containers: string[];
}

export async function runWait(cli: Cli, opts: WaitOptions): Promise<void> {
  const errors: string[] = [];
  for (const ref of opts.containers) {
    try {
      const result = await cli.client.containerWait(ref, "not-running");
      cli.out.write(`${result.StatusCode}\n`);
    } catch (e) {
      errors.push(errorText(e));
    }
  }
  if (errors.length > 0) throw new StatusError(errors.join("\n"), 1);
}

export async function action(cli: Cli, _flags: ParsedFlags, args: string[]): Promise<void> {
  await runWait(cli, { containers: args });
}
