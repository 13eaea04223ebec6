// mockdocker lab reset: back to an empty host; the documented way out of a damaged state file.
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { confirmOrCancel } from "../container/prune.js";
import { colours, labOf } from "./common.js";

export interface ResetOptions {
  force: boolean;
}

const WARNING = "WARNING! This empties the simulated host: every container, image, network and volume goes.\nSaved snapshots are kept. Are you sure you want to continue?";

export async function runReset(cli: Cli, opts: ResetOptions): Promise<void> {
  const lab = labOf(cli);
  if (!opts.force) await confirmOrCancel(cli, WARNING);
  const { keptAs } = await lab.reset();
  const c = colours(cli);
  if (keptAs) cli.out.write(`${c.yellow("The unreadable state file was kept as")} ${keptAs}\n`);
  cli.out.write(`${c.green("The simulated host is empty.")}\n`);
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  await runReset(cli, { force: flags.values.force === true });
}
