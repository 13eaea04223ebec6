// docker search (docker/cli v28: cli/command/registry/search.go, formatter_search.go).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { formatSearch } from "../../formatter/search.js";
import { parseFilters } from "../container/ps.js";
import { authForDomain } from "./auth.js";

export interface SearchOptions {
  term: string;
  filters: string[];
  format: string;
  limit: number;
  noTrunc: boolean;
}

export async function runSearch(cli: Cli, opts: SearchOptions): Promise<void> {
  const auth = authForDomain(cli.config, "docker.io");
  const results = await cli.client.imageSearch(opts.term, {
    filters: parseFilters(opts.filters),
    ...(opts.limit !== 0 ? { limit: opts.limit } : {}),
    ...(auth ? { auth } : {}),
  });
  let text: string;
  try {
    text = formatSearch(results, { format: opts.format, trunc: !opts.noTrunc });
  } catch (e) {
    throw new StatusError((e as Error).message, 1);
  }
  cli.out.write(text);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  await runSearch(cli, {
    term: args[0]!,
    filters: (v.filter as string[] | undefined) ?? [],
    format: String(v.format ?? ""),
    limit: Number(v.limit ?? 0),
    noTrunc: v["no-trunc"] === true,
  });
}
