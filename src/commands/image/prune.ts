// docker image prune (docker/cli v28: cli/command/image/prune.go).
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { imagePruneLines, pruneSection } from "../../formatter/df.js";
import { confirmOrCancel, pruneFilters, writePruneResult, type PruneOutput } from "../container/prune.js";

export interface ImagePruneOptions {
  force: boolean;
  all: boolean;
  filters: string[];
}

const DANGLING_WARNING = "WARNING! This will remove all dangling images.\nAre you sure you want to continue?";
const ALL_WARNING = "WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?";

/** runPrune: `dangling` is added to the user's filters; the report without the total line. */
export async function pruneImages(cli: Cli, opts: ImagePruneOptions): Promise<PruneOutput> {
  const filters = pruneFilters(cli, opts.filters);
  filters.dangling = [...(filters.dangling ?? []), String(!opts.all)];
  if (!opts.force) await confirmOrCancel(cli, opts.all ? ALL_WARNING : DANGLING_WARNING);
  const report = await cli.client.imagePrune(filters);
  const deleted = report.ImagesDeleted ?? [];
  if (deleted.length === 0) return { spaceReclaimed: 0, output: "" };
  return { spaceReclaimed: report.SpaceReclaimed, output: pruneSection("Deleted Images", imagePruneLines(deleted)) };
}

export async function runImagePrune(cli: Cli, opts: ImagePruneOptions): Promise<void> {
  writePruneResult(cli, await pruneImages(cli, opts));
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  const v = flags.values;
  await runImagePrune(cli, { force: v.force === true, all: v.all === true, filters: (v.filter as string[] | undefined) ?? [] });
}
