// docker rmi / docker image rm (docker/cli v28: cli/command/image/remove.go).
import { DaemonError, StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { errorText } from "../container/stop.js";
import { platformParseError } from "../platform.js";

export interface RemoveOptions {
  images: string[];
  force: boolean;
  noPrune: boolean;
  platforms: string[];
}

export async function runRemove(cli: Cli, opts: RemoveOptions): Promise<void> {
  for (const p of opts.platforms) {
    const bad = platformParseError(p);
    if (bad) throw new StatusError(bad);
  }
  const errors: string[] = [];
  // Only "not found" errors are forgiven by --force.
  let fatal = false;
  for (const img of opts.images) {
    let items;
    try {
      items = await cli.client.imageRemove(img, { force: opts.force, noPrune: opts.noPrune });
    } catch (e) {
      if (!(e instanceof DaemonError && e.isNotFound)) fatal = true;
      errors.push(errorText(e));
      continue;
    }
    for (const item of items) {
      cli.out.write(item.Deleted ? `Deleted: ${item.Deleted}\n` : `Untagged: ${item.Untagged ?? ""}\n`);
    }
  }
  if (errors.length === 0) return;
  if (!opts.force || fatal) throw new StatusError(errors.join("\n"), 1);
  cli.err.write(errors.join("\n") + "\n");
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  await runRemove(cli, {
    images: args,
    force: v.force === true,
    noPrune: v["no-prune"] === true,
    platforms: (v.platform as string[] | undefined) ?? [],
  });
}
