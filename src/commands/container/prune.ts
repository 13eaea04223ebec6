// docker container prune (docker/cli v28: cli/command/container/prune.go), and the pieces
// every prune verb shares: the confirmation prompt (internal/prompt Confirm) and the filters.
import { CancelledError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import type { Filters } from "../../client/api.js";
import { pruneSection, reclaimedLine } from "../../formatter/df.js";
import { parseFilters } from "./ps.js";

/**
 * Prints the message and ` [y/N] ` (no newline) on stdout and reads one line: only y or Y,
 * after trimming, confirms. Anything else, or the end of input, cancels (exit 0, silently).
 */
export async function confirmOrCancel(cli: Cli, message: string): Promise<void> {
  cli.out.write(`${message} [y/N] `);
  const answer = await cli.in.readLine();
  if (answer === null || answer.trim().toLowerCase() !== "y") throw new CancelledError();
}

/**
 * The --filter pairs as the API gets them, with config.json's pruneFilters added
 * (cli/command/utils.go PruneFilters): a label the user negates, or the reverse, is skipped.
 */
export function pruneFilters(cli: Cli, pairs: readonly string[]): Filters {
  const filters = parseFilters([...pairs]);
  for (const entry of cli.config.pruneFilters ?? []) {
    const eq = entry.indexOf("=");
    if (eq < 0) continue;
    const key = entry.slice(0, eq);
    const value = entry.slice(eq + 1);
    if (key === "label" && filters["label!"]?.includes(value)) continue;
    if (key === "label!" && filters.label?.includes(value)) continue;
    const values = (filters[key] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  return filters;
}

/** What a prune contributes to a report: reclaimed bytes and its section text. */
export interface PruneOutput {
  spaceReclaimed: number;
  output: string;
}

export interface ContainerPruneOptions {
  force: boolean;
  filters: string[];
}

const WARNING = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue?";

/** runPrune: the report without the total line (system prune reuses it). */
export async function pruneContainers(cli: Cli, opts: ContainerPruneOptions): Promise<PruneOutput> {
  if (!opts.force) await confirmOrCancel(cli, WARNING);
  const report = await cli.client.containerPrune(pruneFilters(cli, opts.filters));
  const deleted = report.ContainersDeleted ?? [];
  if (deleted.length === 0) return { spaceReclaimed: 0, output: "" };
  return { spaceReclaimed: report.SpaceReclaimed, output: pruneSection("Deleted Containers", deleted) };
}

/** Prints a prune's section (followed by a blank line, Fprintln) and the total. */
export function writePruneResult(cli: Cli, r: PruneOutput): void {
  if (r.output !== "") cli.out.write(`${r.output}\n`);
  cli.out.write(reclaimedLine(r.spaceReclaimed));
}

export async function runContainerPrune(cli: Cli, opts: ContainerPruneOptions): Promise<void> {
  writePruneResult(cli, await pruneContainers(cli, opts));
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  await runContainerPrune(cli, { force: flags.values.force === true, filters: (flags.values.filter as string[] | undefined) ?? [] });
}
