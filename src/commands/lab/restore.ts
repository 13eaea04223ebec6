// mockdocker lab restore NAME
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { colours, isoTime, labOf } from "./common.js";

export async function runRestore(cli: Cli, name: string): Promise<void> {
  const info = await labOf(cli).snapshotRestore(name);
  const c = colours(cli);
  cli.out.write(`${c.green("Restored")} ${c.bold(info.name)} (saved at ${isoTime(info.createdAt)})\n`);
}

export async function action(cli: Cli, _flags: ParsedFlags, args: string[]): Promise<void> {
  await runRestore(cli, args[0]!);
}
