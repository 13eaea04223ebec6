// docker pause (docker/cli: cli/command/container/pause.go).
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { eachContainer, throwJoined } from "./stop.js";

export interface PauseOptions {
  containers: string[];
}

export async function runPause(cli: Cli, opts: PauseOptions): Promise<void> {
  throwJoined(await eachContainer(cli, opts.containers, (name) => cli.client.containerPause(name)));
}

export async function action(cli: Cli, _flags: ParsedFlags, args: string[]): Promise<void> {
  await runPause(cli, { containers: args });
}
