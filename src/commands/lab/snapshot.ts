// mockdocker lab snapshot NAME | lab snapshot rm NAME
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { colours, labOf } from "./common.js";

export async function runSnapshot(cli: Cli, name: string): Promise<void> {
  const info = await labOf(cli).snapshotSave(name);
  const c = colours(cli);
  cli.out.write(`${c.green("Saved")} ${c.bold(info.name)}: ${info.containers} containers, ${info.images} images, ${info.networks} networks, ${info.volumes} volumes\n`);
}

export async function runSnapshotRemove(cli: Cli, name: string): Promise<void> {
  await labOf(cli).snapshotRemove(name);
  cli.out.write(`${colours(cli).green("Removed")} ${name}\n`);
}

export async function action(cli: Cli, _flags: ParsedFlags, args: string[]): Promise<void> {
  if (args[0] === "rm") {
    if (args.length !== 2) throw new StatusError("mockdocker: usage: mockdocker lab snapshot rm NAME", 1);
    return runSnapshotRemove(cli, args[1]!);
  }
  if (args.length !== 1) throw new StatusError("mockdocker: usage: mockdocker lab snapshot NAME", 1);
  await runSnapshot(cli, args[0]!);
}
