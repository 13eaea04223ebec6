// docker import (docker/cli v28: cli/command/image/import.go; the reference check is the API
// client's, client/image_import.go).
import { DaemonError, StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import type { FileTree } from "../../client/api.js";
import { parseNormalizedNamed } from "../../client/reference.js";
import { TarError, unpack } from "../../client/tar.js";
import { hostFiles, readIn } from "../container/local-files.js";

export interface ImportOptions {
  /** A file, "-" for stdin, or a URL. */
  source: string;
  reference: string;
  changes: string[];
  message: string;
  platform: string;
}

async function readSource(cli: Cli, source: string): Promise<Uint8Array> {
  if (source === "-") return readIn(cli);
  const files = hostFiles(cli);
  const st = files.stat(source, true);
  if (!st) throw new StatusError(`open ${source}: no such file or directory`);
  if (st.type === "dir") throw new DaemonError(`read ${source}: is a directory`, 500);
  return files.readBytes(source);
}

export async function runImport(cli: Cli, opts: ImportOptions): Promise<void> {
  if (/^https?:\/\//.test(opts.source)) {
    // The daemon fetches URLs itself; the simulated host has no network to fetch from.
    const host = opts.source.replace(/^https?:\/\//, "").split(/[/:]/)[0];
    throw new DaemonError(`Get "${opts.source}": dial tcp: lookup ${host}: no such host`, 500);
  }
  const bytes = await readSource(cli, opts.source);
  if (opts.reference !== "") {
    try {
      parseNormalizedNamed(opts.reference);
    } catch (e) {
      throw new StatusError((e as Error).message);
    }
  }
  const tree: FileTree = {};
  try {
    for (const { path, entry } of await unpack(bytes, { absolute: "strip" })) tree[path] = entry;
  } catch (error) {
    if (error instanceof TarError) throw new DaemonError(error.message, 500);
    throw error;
  }
  const id = await cli.client.imageImport({
    tree,
    source: "-",
    ...(opts.reference ? { reference: opts.reference } : {}),
    message: opts.message,
    changes: opts.changes,
    ...(opts.platform ? { platform: opts.platform } : {}),
  });
  cli.out.write(`${id}\n`);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  await runImport(cli, {
    source: args[0]!,
    reference: args[1] ?? "",
    changes: (v.change as string[] | undefined) ?? [],
    message: String(v.message ?? ""),
    platform: String(v.platform ?? ""),
  });
}
