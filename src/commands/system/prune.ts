// docker system prune (docker/cli v28: cli/command/system/prune.go): containers, networks,
// volumes (with --volumes), images, then the build cache, after one confirmation.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { pruneSection, reclaimedLine, systemPruneWarning } from "../../formatter/df.js";
import { pruneBuildCache } from "../builder/prune.js";
import { confirmOrCancel, pruneContainers, pruneFilters, type PruneOutput } from "../container/prune.js";
import { pruneImages } from "../image/prune.js";
import { parseFilters } from "../container/ps.js";
import { naturalLess } from "../../formatter/container.js";

export interface SystemPruneOptions {
  force: boolean;
  all: boolean;
  volumes: boolean;
  filters: string[];
}

/** network prune's part: names, and no space reclaimed. */
async function pruneNetworks(cli: Cli, filters: string[]): Promise<PruneOutput> {
  const report = await cli.client.networkPrune(pruneFilters(cli, filters));
  return { spaceReclaimed: 0, output: pruneSection("Deleted Networks", report.NetworksDeleted ?? []) };
}

/** volume prune's part (anonymous volumes only, as system prune never passes --all). */
async function pruneVolumes(cli: Cli, filters: string[]): Promise<PruneOutput> {
  const report = await cli.client.volumePrune(pruneFilters(cli, filters));
  const deleted = report.VolumesDeleted ?? [];
  if (deleted.length === 0) return { spaceReclaimed: 0, output: "" };
  return { spaceReclaimed: report.SpaceReclaimed, output: pruneSection("Deleted Volumes", deleted) };
}

/** The label, label! and until filters the confirmation lists, in natural order. */
function listedFilters(cli: Cli, pairs: readonly string[]): string[] {
  const f = pruneFilters(cli, pairs);
  const out: string[] = [];
  for (const name of ["label", "label!", "until"]) for (const v of f[name] ?? []) out.push(`${name}=${v}`);
  return out.sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));
}

export async function runSystemPrune(cli: Cli, opts: SystemPruneOptions): Promise<void> {
  // Only the user's own filters count here, not config.json's.
  if (opts.volumes && parseFilters([...opts.filters]).until) {
    throw new StatusError('ERROR: The "until" filter is not supported with "--volumes"', 1);
  }
  if (!opts.force) {
    await confirmOrCancel(cli, systemPruneWarning({ all: opts.all, volumes: opts.volumes, buildCache: true, filters: listedFilters(cli, opts.filters) }));
  }
  const steps: Array<() => Promise<PruneOutput>> = [
    () => pruneContainers(cli, { force: true, filters: opts.filters }),
    () => pruneNetworks(cli, opts.filters),
    ...(opts.volumes ? [() => pruneVolumes(cli, opts.filters)] : []),
    () => pruneImages(cli, { force: true, all: opts.all, filters: opts.filters }),
    () => pruneBuildCache(cli, { force: true, all: opts.all, filters: opts.filters }),
  ];
  let total = 0;
  for (const step of steps) {
    const r = await step();
    total += r.spaceReclaimed;
    if (r.output !== "") cli.out.write(`${r.output}\n`);
  }
  cli.out.write(reclaimedLine(total));
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  const v = flags.values;
  await runSystemPrune(cli, {
    force: v.force === true,
    all: v.all === true,
    volumes: v.volumes === true,
    filters: (v.filter as string[] | undefined) ?? [],
  });
}
