// docker save (docker/cli v28: cli/command/image/save.go): the daemon's archive to a file
// (mode 0600; moby/sys atomicwriter) or to stdout, never to a terminal.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { cleanPath, dirOf, hostFiles, writeOut } from "../container/local-files.js";
import { platformParseError } from "../platform.js";

export interface SaveOptions {
  images: string[];
  /** -o file; "" writes to stdout. */
  output: string;
  platform: string;
}

/** moby/sys atomicwriter's checks of the destination, before anything is asked of the daemon. */
function outputProblem(cli: Cli, output: string): string | undefined {
  const files = hostFiles(cli);
  const abs = cleanPath(files.resolve(output));
  const dir = dirOf(abs);
  const d = files.stat(dir, true);
  if (!d) return `invalid output path: stat ${dir}: no such file or directory`;
  if (d.type !== "dir") return `invalid output path: stat ${dir}: not a directory`;
  const st = files.stat(abs, false);
  if (!st || st.type === "file") return undefined;
  if (st.type === "dir") return "cannot write to a directory";
  if (st.type === "symlink") return "cannot write to a symbolic link directly";
  return undefined;
}

export async function runSave(cli: Cli, opts: SaveOptions): Promise<void> {
  if (opts.output === "") {
    if (cli.out.isTTY) throw new StatusError("cowardly refusing to save to a terminal. Use the -o flag or redirect");
  } else {
    const why = outputProblem(cli, opts.output);
    if (why) throw new StatusError(`failed to save image: ${why}`);
  }
  const bad = opts.platform !== "" ? platformParseError(opts.platform) : undefined;
  if (bad) throw new StatusError(`invalid platform: ${bad}`);
  const bytes = await cli.client.imageSave(opts.images, opts.platform ? { platform: opts.platform } : {});
  if (opts.output === "") writeOut(cli, bytes);
  else hostFiles(cli).writeBytes(opts.output, bytes, 0o600);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runSave(cli, { images: args, output: String(flags.values.output ?? ""), platform: String(flags.values.platform ?? "") });
}
