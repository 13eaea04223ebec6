// docker history (docker/cli v28: cli/command/image/history.go, formatter_history.go).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { formatHistory } from "../../formatter/filesystem.js";
import { clientNow } from "../clock.js";
import { platformParseError } from "../platform.js";

export interface HistoryOptions {
  image: string;
  platform: string;
  human: boolean;
  quiet: boolean;
  noTrunc: boolean;
  format: string;
}

export async function runHistory(cli: Cli, opts: HistoryOptions): Promise<void> {
  const bad = opts.platform !== "" ? platformParseError(opts.platform) : undefined;
  if (bad) throw new StatusError(`invalid platform: ${bad}`);
  const items = await cli.client.imageHistory(opts.image);
  let text: string;
  try {
    text = formatHistory(items, { format: opts.format, quiet: opts.quiet, human: opts.human, trunc: !opts.noTrunc, now: await clientNow(cli) });
  } catch (e) {
    throw new StatusError((e as Error).message);
  }
  cli.out.write(text);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  await runHistory(cli, {
    image: args[0]!,
    platform: String(v.platform ?? ""),
    human: v.human !== false,
    quiet: v.quiet === true,
    noTrunc: v["no-trunc"] === true,
    format: String(v.format ?? ""),
  });
}
