// docker volume ls (docker/cli v28: cli/command/volume/list.go).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { TABLE_FORMAT_KEY } from "../../formatter/format.js";
import { formatVolumes } from "../../formatter/volume.js";
import { parseFilters } from "../container/ps.js";

export interface VolumeLsOptions {
  quiet: boolean;
  format: string;
  /** name=value pairs as typed. */
  filters: string[];
  cluster: boolean;
}

const CLUSTER_TABLE_FORMAT = "table {{.Name}}\t{{.Group}}\t{{.Driver}}\t{{.Availability}}\t{{.Status}}";

export async function runVolumeLs(cli: Cli, opts: VolumeLsOptions): Promise<void> {
  const { Volumes } = await cli.client.volumeList(parseFilters(opts.filters));
  let format = opts.format;
  let volumes = Volumes;
  if (opts.cluster) {
    // Local volumes are never cluster volumes.
    volumes = [];
    format = opts.quiet ? TABLE_FORMAT_KEY : CLUSTER_TABLE_FORMAT;
  } else if (format === "") {
    const configured = (cli.config as { volumesFormat?: string }).volumesFormat;
    format = configured && !opts.quiet ? configured : TABLE_FORMAT_KEY;
  }
  let text: string;
  try {
    text = formatVolumes(volumes, { format, quiet: opts.quiet });
  } catch (e) {
    throw new StatusError((e as Error).message, 1);
  }
  cli.out.write(text);
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  const v = flags.values;
  await runVolumeLs(cli, {
    quiet: v.quiet === true,
    format: String(v.format ?? ""),
    filters: (v.filter as string[] | undefined) ?? [],
    cluster: v.cluster === true,
  });
}
