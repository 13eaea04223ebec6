// docker rename (docker/cli v28: cli/command/container/rename.go).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { errorText } from "./stop.js";

export interface RenameOptions {
  oldName: string;
  newName: string;
}

export async function runRename(cli: Cli, opts: RenameOptions): Promise<void> {
  const oldName = opts.oldName.trim();
  const newName = opts.newName.trim();
  if (oldName === "" || newName === "") throw new StatusError("Error: Neither old nor new names may be empty");
  try {
    await cli.client.containerRename(oldName, newName);
  } catch (error) {
    cli.err.write(`${errorText(error)}\n`);
    throw new StatusError(`Error: failed to rename container named ${oldName}`);
  }
}

export async function action(cli: Cli, _flags: ParsedFlags, args: string[]): Promise<void> {
  await runRename(cli, { oldName: args[0]!, newName: args[1]! });
}
