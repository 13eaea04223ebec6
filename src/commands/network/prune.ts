// docker network prune (docker/cli v28: cli/command/network/prune.go): deleted names, and no
// "Total reclaimed space" line; nothing at all when nothing was deleted.
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { pruneSection } from "../../formatter/df.js";
import { confirmOrCancel, pruneFilters } from "../container/prune.js";

export interface NetworkPruneOptions {
  force: boolean;
  filters: string[];
}

const WARNING = "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?";

/** runPrune: the section text ("" when nothing went); system prune has its own copy. */
export async function pruneNetworks(cli: Cli, opts: NetworkPruneOptions): Promise<string> {
  if (!opts.force) await confirmOrCancel(cli, WARNING);
  const report = await cli.client.networkPrune(pruneFilters(cli, opts.filters));
  const deleted = report.NetworksDeleted ?? [];
  return deleted.length === 0 ? "" : pruneSection("Deleted Networks", deleted);
}

export async function runNetworkPrune(cli: Cli, opts: NetworkPruneOptions): Promise<void> {
  const output = await pruneNetworks(cli, opts);
  if (output !== "") cli.out.write(`${output}\n`);
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  await runNetworkPrune(cli, { force: flags.values.force === true, filters: (flags.values.filter as string[] | undefined) ?? [] });
}
