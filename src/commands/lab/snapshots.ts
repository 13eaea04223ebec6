// mockdocker lab snapshots: the saved hosts, oldest first.
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { tabulate } from "../../formatter/tabwriter.js";
import { isoTime, labOf } from "./common.js";

export async function runSnapshots(cli: Cli, opts: { quiet: boolean }): Promise<void> {
  const list = await labOf(cli).snapshotList();
  if (opts.quiet) {
    for (const s of list) cli.out.write(`${s.name}\n`);
    return;
  }
  const rows = ["NAME\tSAVED AT\tCONTAINERS\tIMAGES\tNETWORKS\tVOLUMES"];
  for (const s of list) rows.push([s.name, isoTime(s.createdAt), s.containers, s.images, s.networks, s.volumes].join("\t"));
  cli.out.write(tabulate(rows.join("\n") + "\n"));
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  await runSnapshots(cli, { quiet: flags.values.quiet === true });
}
