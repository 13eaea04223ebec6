// docker load (docker/cli v28: cli/command/image/load.go). The client reads the tar (the
// daemon's untar step: names and links that leave the archive are refused) and hands the
// daemon its files; layer tars are read here too, since the engine keeps no tar reader.
import { DaemonError, StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import type { FileTree, LoadArchive } from "../../client/api.js";
import { filesOf, inflate, isGzip, looksLikeTar, readMembers, TarError, toTree, unpack } from "../../client/tar.js";
import { JsonMessageDisplay } from "../../formatter/jsonmessage.js";
import { hostFiles, readIn } from "../container/local-files.js";
import { platformParseError } from "../platform.js";

export interface LoadOptions {
  /** -i file; "" reads stdin. */
  input: string;
  quiet: boolean;
  platform: string;
}

async function readInput(cli: Cli, input: string): Promise<Uint8Array> {
  if (input === "") {
    // An empty terminal would wait forever: docker refuses it.
    if (cli.in.isTTY) throw new StatusError("requested load from stdin, but stdin is empty");
    return readIn(cli);
  }
  const files = hostFiles(cli);
  const st = files.stat(input, true);
  if (!st) throw new StatusError(`open ${input}: no such file or directory`);
  if (st.type === "dir") throw new StatusError(`read ${input}: is a directory`);
  return files.readBytes(input);
}

/** The archive as the daemon sees it once untarred. */
export async function readArchive(bytes: Uint8Array): Promise<LoadArchive> {
  const files = filesOf(await readMembers(bytes));
  const tars: Record<string, { tar: Uint8Array; tree: FileTree }> = {};
  const broken: Record<string, string> = {};
  for (const [path, data] of Object.entries(files)) {
    const tar = isGzip(data) ? inflate(data) : data;
    if (!tar) {
      broken[path] = "unexpected EOF";
      continue;
    }
    if (!looksLikeTar(tar)) continue;
    try {
      tars[path] = { tar, tree: toTree(await unpack(tar)) };
    } catch (e) {
      if (!(e instanceof TarError)) throw e;
      broken[path] = e.message;
    }
  }
  return { files, tars, broken };
}

export async function runLoad(cli: Cli, opts: LoadOptions): Promise<void> {
  const bytes = await readInput(cli, opts.input);
  const bad = opts.platform !== "" ? platformParseError(opts.platform) : undefined;
  if (bad) throw new StatusError(`invalid platform: ${bad}`);
  let archive: LoadArchive;
  try {
    archive = await readArchive(bytes);
  } catch (e) {
    if (e instanceof TarError) throw new DaemonError(e.message, 500);
    throw e;
  }
  // Off a terminal the CLI asks for quiet output: no progress, only the result lines.
  const quiet = opts.quiet || !cli.out.isTTY;
  const lines = await cli.client.imageLoad(archive, { quiet, ...(opts.platform ? { platform: opts.platform } : {}) });
  const display = new JsonMessageDisplay(cli.out, cli.out.isTTY, cli.out.columns ?? 80);
  for (const line of lines) {
    if ("progress" in line) display.display(line.progress);
    else display.display({ status: line.text.replace(/\n$/, "") });
  }
}

export async function action(cli: Cli, flags: ParsedFlags): Promise<void> {
  const v = flags.values;
  await runLoad(cli, { input: String(v.input ?? ""), quiet: v.quiet === true, platform: String(v.platform ?? "") });
}
