// docker images / docker image ls (docker/cli v28: cli/command/image/list.go).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { TABLE_FORMAT_KEY } from "../../formatter/format.js";
import { formatImages } from "../../formatter/image.js";
import { formatImageTree } from "../../formatter/image-tree.js";
import { parseFilters } from "../container/ps.js";
import { clientNow } from "../clock.js";

export interface ImagesOptions {
  /** The REPOSITORY[:TAG] argument ("" when absent). */
  matchName: string;
  quiet: boolean;
  all: boolean;
  noTrunc: boolean;
  showDigests: boolean;
  format: string;
  /** name=value pairs as typed. */
  filters: string[];
  tree: boolean;
  /** The word the command was invoked as ("images", "ls", "list"): only "images" gets the hint. */
  calledAs: string;
}

// printAmbiguousHint: `docker images ls` looks for an image named "ls".
const imageSubcommands = ["build", "history", "import", "inspect", "list", "load", "ls", "prune", "pull", "push", "rm", "save", "tag"];

function treeConflict(opts: ImagesOptions): string | undefined {
  if (opts.quiet) return "--quiet is not yet supported with --tree";
  if (opts.noTrunc) return "--no-trunc is not yet supported with --tree";
  if (opts.showDigests) return "--show-digest is not yet supported with --tree";
  if (opts.format !== "") return "--format is not yet supported with --tree";
  return undefined;
}

export async function runImages(cli: Cli, opts: ImagesOptions): Promise<void> {
  if (opts.tree) {
    const conflict = treeConflict(opts);
    if (conflict) throw new StatusError(conflict);
  }
  const filters = parseFilters(opts.filters);
  if (opts.matchName !== "") {
    const refs = (filters.reference ??= []);
    if (!refs.includes(opts.matchName)) refs.push(opts.matchName);
  }
  const images = await cli.client.imageList({ all: opts.all, filters });

  if (opts.tree) {
    cli.out.write(formatImageTree(images, { all: opts.all }));
    return;
  }

  let format = opts.format;
  if (format === "") format = cli.config.imagesFormat && !opts.quiet ? cli.config.imagesFormat : TABLE_FORMAT_KEY;
  const tz = cli.env.TZ;
  let text: string;
  try {
    text = formatImages(images, {
      format,
      quiet: opts.quiet,
      digest: opts.showDigests,
      trunc: !opts.noTrunc,
      now: await clientNow(cli),
      ...(tz !== undefined ? { tz } : {}),
    });
  } catch (e) {
    throw new StatusError((e as Error).message, 1);
  }
  cli.out.write(text);
  if (images.length === 0 && opts.calledAs === "images" && imageSubcommands.includes(opts.matchName)) {
    cli.err.write(`\nNo images found matching "${opts.matchName}": did you mean "docker image ${opts.matchName}"?\n`);
  }
}

/**
 * `calledAs` is the word typed for the command; when the dispatcher does not say, the
 * top-level `docker images` is assumed, the form the hint exists for.
 */
export async function action(cli: Cli, flags: ParsedFlags, args: string[], calledAs = "images"): Promise<void> {
  const v = flags.values;
  await runImages(cli, {
    matchName: args[0] ?? "",
    quiet: v.quiet === true,
    all: v.all === true,
    noTrunc: v["no-trunc"] === true,
    showDigests: v.digests === true,
    format: String(v.format ?? ""),
    filters: (v.filter as string[] | undefined) ?? [],
    tree: v.tree === true,
    calledAs,
  });
}
