// docker create (docker/cli cli/command/container/create.go): option errors carry the help
// hint and exit 125; create and daemon errors print bare and exit 1.
import { DaemonError, StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { createContainer } from "./opts/create-container.js";
import { parseCreateFlags, type ContainerOptions } from "./opts/parse.js";

export interface CreateOptions {
  container: ContainerOptions;
  pull: string;
  quiet: boolean;
}

export async function runCreate(cli: Cli, opts: CreateOptions): Promise<void> {
  let id: string;
  try {
    id = await createContainer(cli, opts.container.request, { pull: opts.pull, quiet: opts.quiet, warnings: opts.container.warnings });
  } catch (e) {
    if (e instanceof DaemonError || e instanceof StatusError) throw e;
    throw new StatusError((e as Error).message, 1);
  }
  cli.out.write(`${id}\n`);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const { container, pull } = parseCreateFlags(cli, flags, args, "create");
  await runCreate(cli, { container, pull, quiet: flags.values.quiet === true });
}
