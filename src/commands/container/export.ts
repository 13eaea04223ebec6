// docker export (docker/cli v28: cli/command/container/export.go).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { pack } from "../../client/tar.js";
import { hostFiles, validateOutputPath, writeOut } from "./local-files.js";

export interface ExportOptions {
  container: string;
  /** -o file; "" writes to stdout. */
  output: string;
}

export async function runExport(cli: Cli, opts: ExportOptions): Promise<void> {
  if (opts.output === "" && cli.out.isTTY) throw new StatusError("cowardly refusing to save to a terminal. Use the -o flag or redirect");
  if (opts.output !== "") {
    try {
      validateOutputPath(cli.files, opts.output);
    } catch (e) {
      throw new StatusError(`failed to export container: ${(e as Error).message}`);
    }
  }
  const { tree, created } = await cli.client.containerExport(opts.container);
  const bytes = await pack(tree, { mtime0: created });
  if (opts.output === "") writeOut(cli, bytes);
  else hostFiles(cli).writeBytes(opts.output, bytes, 0o600);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runExport(cli, { container: args[0]!, output: String(flags.values.output ?? "") });
}
