// docker builder prune (docker/cli v28: cli/command/builder/prune.go). The simulation keeps
// no build cache, so the daemon always reports nothing deleted.
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { pruneSection } from "../../formatter/df.js";
import { confirmOrCancel, pruneFilters, writePruneResult, type PruneOutput } from "../container/prune.js";

export interface BuilderPruneOptions {
  force: boolean;
  all: boolean;
  filters: string[];
  keepStorage: number;
}

const NORMAL_WARNING = "WARNING! This will remove all dangling build cache. Are you sure you want to continue?";
const ALL_WARNING = "WARNING! This will remove all build cache. Are you sure you want to continue?";

/** Without the buildx plugin, docker's `builder` commands print this notice first (stderr). */
export const LEGACY_BUILDER_NOTICE =
  "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n" +
  "            Install the buildx component to build images with BuildKit:\n" +
  "            https://docs.docker.com/go/buildx/\n\n";

export async function pruneBuildCache(cli: Cli, opts: Omit<BuilderPruneOptions, "keepStorage">): Promise<PruneOutput> {
  if (!opts.force) await confirmOrCancel(cli, opts.all ? ALL_WARNING : NORMAL_WARNING);
  const report = await cli.client.buildCachePrune({ all: opts.all, filters: pruneFilters(cli, opts.filters) });
  const deleted = report.CachesDeleted ?? [];
  return { spaceReclaimed: report.SpaceReclaimed, output: pruneSection("Deleted build cache objects", deleted) };
}

export async function runBuilderPrune(cli: Cli, opts: BuilderPruneOptions): Promise<void> {
  cli.err.write(LEGACY_BUILDER_NOTICE);
  writePruneResult(cli, await pruneBuildCache(cli, opts));
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  const v = flags.values;
  await runBuilderPrune(cli, {
    force: v.force === true,
    all: v.all === true,
    filters: (v.filter as string[] | undefined) ?? [],
    keepStorage: Number(v["keep-storage"] ?? 0),
  });
}
