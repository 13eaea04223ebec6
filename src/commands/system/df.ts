// docker system df (docker/cli v28: cli/command/system/df.go).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { DiskUsageExecError, formatDiskUsage } from "../../formatter/df.js";
import { FormatError } from "../../formatter/format.js";

export interface DfOptions {
  format: string;
  verbose: boolean;
}

export async function runDf(cli: Cli, opts: DfOptions): Promise<void> {
  const du = await cli.client.systemDf();
  const now = await cli.client.now();
  let text: string;
  try {
    text = formatDiskUsage(du, { format: opts.format, verbose: opts.verbose, now });
  } catch (e) {
    if (e instanceof FormatError) throw new StatusError(e.message, 1);
    if (e instanceof DiskUsageExecError) {
      cli.out.write(e.partial);
      throw new StatusError(e.message, 1);
    }
    throw e;
  }
  cli.out.write(text);
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  await runDf(cli, { format: String(flags.values.format ?? ""), verbose: flags.values.verbose === true });
}
