// docker image inspect (docker/cli v28: cli/command/image/inspect.go), through the shared
// inspect loop (cli/command/inspect/inspector.go).
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { StatusError } from "../../cli/errors.js";
import { inspectRefs } from "../container/inspect.js";
import { platformParseError } from "../platform.js";

export interface ImageInspectOptions {
  refs: string[];
  format: string;
  /** Accepted; a host without the containerd image store has one variant per image. */
  platform: string;
}

export async function runImageInspect(cli: Cli, opts: ImageInspectOptions): Promise<void> {
  const bad = opts.platform !== "" ? platformParseError(opts.platform) : undefined;
  if (bad) throw new StatusError(bad);
  await inspectRefs(cli, opts.refs, opts.format, (ref) => cli.client.imageInspect(ref));
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runImageInspect(cli, {
    refs: args,
    format: String(flags.values.format ?? ""),
    platform: String(flags.values.platform ?? ""),
  });
}
