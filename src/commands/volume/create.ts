// docker volume create (docker/cli v28: cli/command/volume/create.go): prints the volume's name.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";

export interface VolumeCreateOptions {
  name: string;
  driver: string;
  driverOpts: Record<string, string>;
  labels: string[];
}

/** opts.ConvertKVStringsToMap: "k=v" and bare "k" (empty value). */
function kvMap(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf("=");
    if (i < 0) out[v] = "";
    else out[v.slice(0, i)] = v.slice(i + 1);
  }
  return out;
}

export async function runVolumeCreate(cli: Cli, opts: VolumeCreateOptions): Promise<void> {
  const vol = await cli.client.volumeCreate({
    Driver: opts.driver,
    DriverOpts: opts.driverOpts,
    Name: opts.name,
    Labels: kvMap(opts.labels),
  });
  cli.out.write(`${vol.Name}\n`);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  let name = String(v.name ?? "");
  if (args.length === 1) {
    if (name !== "") throw new StatusError("conflicting options: cannot specify a volume-name through both --name and as a positional arg");
    name = args[0]!;
  }
  await runVolumeCreate(cli, {
    name,
    driver: String(v.driver ?? "local"),
    driverOpts: { ...((v.opt as Record<string, string> | undefined) ?? {}) },
    labels: (v.label as string[] | undefined) ?? [],
  });
}
