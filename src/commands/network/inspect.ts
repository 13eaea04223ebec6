// docker network inspect (docker/cli v28: cli/command/network/inspect.go). -v only adds swarm
// service details, which local networks do not have.
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { inspectRefs } from "../container/inspect.js";

export interface NetworkInspectOptions {
  names: string[];
  format: string;
  verbose: boolean;
}

export async function runNetworkInspect(cli: Cli, opts: NetworkInspectOptions): Promise<void> {
  await inspectRefs(cli, opts.names, opts.format, (ref) => cli.client.networkInspect(ref));
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runNetworkInspect(cli, { names: args, format: String(flags.values.format ?? ""), verbose: flags.values.verbose === true });
}
