// docker top (docker/cli: cli/command/container/top.go).
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { formatTop } from "../../formatter/container.js";

export interface TopOptions {
  container: string;
  /** ps options, passed to the daemon joined by spaces. */
  args: string[];
}

export async function runTop(cli: Cli, opts: TopOptions): Promise<void> {
  const procs = await cli.client.containerTop(opts.container, opts.args.length > 0 ? opts.args.join(" ") : undefined);
  cli.out.write(formatTop(procs));
}

export async function action(cli: Cli, _flags: ParsedFlags, args: string[]): Promise<void> {
  await runTop(cli, { container: args[0]!, args: args.slice(1) });
}
