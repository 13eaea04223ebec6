// docker network disconnect (docker/cli v28: cli/command/network/disconnect.go).
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";

export interface NetworkDisconnectOptions {
  network: string;
  container: string;
  force: boolean;
}

export async function runNetworkDisconnect(cli: Cli, opts: NetworkDisconnectOptions): Promise<void> {
  await cli.client.networkDisconnect(opts.network, opts.container, opts.force);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runNetworkDisconnect(cli, { network: args[0]!, container: args[1]!, force: flags.values.force === true });
}
