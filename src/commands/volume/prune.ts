// docker volume prune (docker/cli v28: cli/command/volume/prune.go): anonymous volumes no
// container uses, or every unused local volume with --all.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { pruneSection } from "../../formatter/df.js";
import { confirmOrCancel, pruneFilters, writePruneResult } from "../container/prune.js";

export interface VolumePruneOptions {
  all: boolean;
  force: boolean;
  filters: string[];
}

const UNUSED_WARNING = "WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?";
const ALL_WARNING = "WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?";

export async function runVolumePrune(cli: Cli, opts: VolumePruneOptions): Promise<void> {
  const filters = pruneFilters(cli, opts.filters);
  if (opts.all) {
    if (filters.all) throw new StatusError("conflicting options: cannot specify both --all and --filter all=1", 1);
    filters.all = ["true"];
  }
  if (!opts.force) await confirmOrCancel(cli, opts.all ? ALL_WARNING : UNUSED_WARNING);
  const report = await cli.client.volumePrune(filters);
  const deleted = report.VolumesDeleted ?? [];
  writePruneResult(cli, deleted.length === 0 ? { spaceReclaimed: 0, output: "" } : { spaceReclaimed: report.SpaceReclaimed, output: pruneSection("Deleted Volumes", deleted) });
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  const v = flags.values;
  await runVolumePrune(cli, { all: v.all === true, force: v.force === true, filters: (v.filter as string[] | undefined) ?? [] });
}
