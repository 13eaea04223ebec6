// docker network rm (docker/cli v28: cli/command/network/remove.go): each failure is printed
// as it happens, then the command fails with "exit status 1".
import { DaemonError, StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { errorText } from "../errors.js";

export interface NetworkRmOptions {
  networks: string[];
  force: boolean;
}

export async function runNetworkRm(cli: Cli, opts: NetworkRmOptions): Promise<void> {
  let status = 0;
  for (const name of opts.networks) {
    try {
      await cli.client.networkRemove(name);
    } catch (error) {
      if (opts.force && error instanceof DaemonError && error.isNotFound) continue;
      cli.err.write(`${errorText(error)}\n`);
      status = 1;
      continue;
    }
    cli.out.write(`${name}\n`);
  }
  if (status !== 0) throw new StatusError(`exit status ${status}`, status);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runNetworkRm(cli, { networks: args, force: flags.values.force === true });
}
