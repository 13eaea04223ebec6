// docker kill (docker/cli: cli/command/container/kill.go).
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { eachContainer, throwJoined } from "./stop.js";

export interface KillOptions {
  containers: string[];
  /** Empty: the daemon's default (SIGKILL). */
  signal: string;
}

export async function runKill(cli: Cli, opts: KillOptions): Promise<void> {
  const signal = opts.signal === "" ? undefined : opts.signal;
  throwJoined(await eachContainer(cli, opts.containers, (name) => cli.client.containerKill(name, signal)));
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runKill(cli, { containers: args, signal: String(flags.values.signal ?? "") });
}
