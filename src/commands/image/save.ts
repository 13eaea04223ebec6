// docker save (docker/cli v28: cli/command/image/save.go): the daemon's archive to a file
// (mode 0600) or to stdout, never to a terminal.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { hostFiles, validateOutputPath, writeOut } from "../container/local-files.js";

export interface SaveOptions {
  images: string[];
  /** -o file; "" writes to stdout. */
  output: string;
  platform: string;
}

export async function runSave(cli: Cli, opts: SaveOptions): Promise<void> {
  if (opts.output === "") {
    if (cli.out.isTTY) throw new StatusError("cowardly refusing to save to a terminal. Use the -o flag or redirect");
  } else {
    try {
      validateOutputPath(cli.files, opts.output);
    } catch (e) {
      throw new StatusError(`failed to save image: ${(e as Error).message}`);
    }
  }
  const bytes = await cli.client.imageSave(opts.images, opts.platform ? { platform: opts.platform } : {});
  if (opts.output === "") writeOut(cli, bytes);
  else hostFiles(cli).writeBytes(opts.output, bytes, 0o600);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runSave(cli, { images: args, output: String(flags.values.output ?? ""), platform: String(flags.values.platform ?? "") });
}
