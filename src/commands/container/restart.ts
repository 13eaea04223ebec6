// docker restart (docker/cli: cli/command/container/restart.go): one container after another.
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { eachContainer, throwJoined, timeoutOption } from "./stop.js";

export interface RestartOptions {
  containers: string[];
  signal: string;
  timeout?: number;
}

export async function runRestart(cli: Cli, opts: RestartOptions): Promise<void> {
  const restartOpts: { signal?: string; timeout?: number } = {};
  if (opts.signal !== "") restartOpts.signal = opts.signal;
  if (opts.timeout !== undefined) restartOpts.timeout = opts.timeout;
  throwJoined(await eachContainer(cli, opts.containers, (name) => cli.client.containerRestart(name, restartOpts)));
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runRestart(cli, { containers: args, signal: String(flags.values.signal ?? ""), timeout: timeoutOption(flags) });
}
