// docker volume inspect (docker/cli v28: cli/command/volume/inspect.go).
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { inspectRefs } from "../container/inspect.js";

export interface VolumeInspectOptions {
  names: string[];
  format: string;
}

export async function runVolumeInspect(cli: Cli, opts: VolumeInspectOptions): Promise<void> {
  await inspectRefs(cli, opts.names, opts.format, (name) => cli.client.volumeInspect(name));
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runVolumeInspect(cli, { names: args, format: String(flags.values.format ?? "") });
}
