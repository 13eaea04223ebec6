// docker diff (docker/cli v28: cli/command/container/diff.go).
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { formatDiff } from "../../formatter/filesystem.js";

export interface DiffOptions {
  container: string;
}

export async function runDiff(cli: Cli, opts: DiffOptions): Promise<void> {
  const changes = await cli.client.containerChanges(opts.container);
  cli.out.write(formatDiff(changes));
}

export async function action(cli: Cli, _flags: ParsedFlags, args: string[]): Promise<void> {
  await runDiff(cli, { container: args[0]! });
}
