// docker volume rm (docker/cli v28: cli/command/volume/remove.go): each name removed is
// printed; the errors are printed together at the end (exit 1).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { errorText } from "../errors.js";

export interface VolumeRmOptions {
  volumes: string[];
  force: boolean;
}

export async function runVolumeRm(cli: Cli, opts: VolumeRmOptions): Promise<void> {
  const errors: string[] = [];
  for (const name of opts.volumes) {
    try {
      await cli.client.volumeRemove(name, opts.force);
    } catch (error) {
      errors.push(errorText(error));
      continue;
    }
    cli.out.write(`${name}\n`);
  }
  if (errors.length > 0) throw new StatusError(errors.join("\n"), 1);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runVolumeRm(cli, { volumes: args, force: flags.values.force === true });
}
