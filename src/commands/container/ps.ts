// docker ps / docker container ls (docker/cli: cli/command/container/list.go).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import type { Filters } from "../../client/api.js";
import { checkContainerFormat, formatContainers } from "../../formatter/container.js";
import { clientNow } from "../clock.js";

export interface PsOptions {
  quiet: boolean;
  size: boolean;
  /** --size was given explicitly (so `--size=false` keeps sizes off even for {{.Size}}). */
  sizeChanged: boolean;
  all: boolean;
  noTrunc: boolean;
  latest: boolean;
  last: number;
  format: string;
  /** name=value pairs as typed. */
  filters: string[];
}

/** filters.ParseFlag: name lower-cased and trimmed, value trimmed; values form a set. */
export function parseFilters(pairs: string[]): Filters {
  const out: Filters = {};
  for (const pair of pairs) {
    const i = pair.indexOf("=");
    if (i < 0) continue;
    const name = pair.slice(0, i).trim().toLowerCase();
    const value = pair.slice(i + 1).trim();
    const values = (out[name] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  return out;
}

export async function runPs(cli: Cli, opts: PsOptions): Promise<void> {
  let format = opts.format;
  if (format === "") format = cli.config.psFormat ?? "";
  else if (opts.quiet) cli.err.write("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");

  let limit = opts.last;
  if (opts.latest && opts.last === -1) limit = 1;
  let size = opts.size;
  if (format !== "") {
    let usesSize: boolean;
    try {
      ({ usesSize } = checkContainerFormat(format));
    } catch (e) {
      throw new StatusError((e as Error).message, 1);
    }
    if (!opts.quiet && !size && !opts.sizeChanged && usesSize) size = true;
  }

  const containers = await cli.client.containerList({ all: opts.all, limit, size, filters: parseFilters(opts.filters) });
  const now = await clientNow(cli);
  const tz = cli.env.TZ;
  let text: string;
  try {
    text = formatContainers(containers, { format, quiet: opts.quiet, size, trunc: !opts.noTrunc, now, ...(tz !== undefined ? { tz } : {}) });
  } catch (e) {
    throw new StatusError((e as Error).message, 1);
  }
  cli.out.write(text);
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  const v = flags.values;
  await runPs(cli, {
    quiet: v.quiet === true,
    size: v.size === true,
    sizeChanged: flags.changed.has("size"),
    all: v.all === true,
    noTrunc: v["no-trunc"] === true,
    latest: v.latest === true,
    last: Number(v.last ?? -1),
    format: String(v.format ?? ""),
    filters: (v.filter as string[] | undefined) ?? [],
  });
}
