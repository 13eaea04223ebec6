// docker network ls (docker/cli v28: cli/command/network/list.go).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { TABLE_FORMAT_KEY } from "../../formatter/format.js";
import { formatNetworks } from "../../formatter/network.js";
import { parseFilters } from "../container/ps.js";

export interface NetworkLsOptions {
  quiet: boolean;
  noTrunc: boolean;
  format: string;
  /** name=value pairs as typed. */
  filters: string[];
}

export async function runNetworkLs(cli: Cli, opts: NetworkLsOptions): Promise<void> {
  const networks = await cli.client.networkList(parseFilters(opts.filters));
  let format = opts.format;
  if (format === "") format = cli.config.networksFormat && !opts.quiet ? cli.config.networksFormat : TABLE_FORMAT_KEY;
  let text: string;
  try {
    text = formatNetworks(networks, { format, quiet: opts.quiet, trunc: !opts.noTrunc });
  } catch (e) {
    throw new StatusError((e as Error).message, 1);
  }
  cli.out.write(text);
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  const v = flags.values;
  await runNetworkLs(cli, {
    quiet: v.quiet === true,
    noTrunc: v["no-trunc"] === true,
    format: String(v.format ?? ""),
    filters: (v.filter as string[] | undefined) ?? [],
  });
}
