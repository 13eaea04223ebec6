// docker unpause (docker/cli: cli/command/container/unpause.go).
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { eachContainer, throwJoined } from "./stop.js";

export interface UnpauseOptions {
  containers: string[];
}

export async function runUnpause(cli: Cli, opts: UnpauseOptions): Promise<void> {
  throwJoined(await eachContainer(cli, opts.containers, (name) => cli.client.containerUnpause(name)));
}

export async function action(cli: Cli, _flags: ParsedFlags, args: string[]): Promise<void> {
  await runUnpause(cli, { containers: args });
}
