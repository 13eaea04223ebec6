// docker rm (docker/cli: cli/command/container/rm.go).
import { DaemonError, StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { errorText, throwJoined } from "./stop.js";

export interface RmOptions {
  containers: string[];
  force: boolean;
  volumes: boolean;
  link: boolean;
}

export async function runRm(cli: Cli, opts: RmOptions): Promise<void> {
  const errors: string[] = [];
  for (const name of opts.containers) {
    try {
      const ref = name.replace(/^\/+|\/+$/g, "");
      if (ref === "") throw new StatusError("Container name cannot be empty");
      await cli.client.containerRemove(ref, { force: opts.force, volumes: opts.volumes, link: opts.link });
    } catch (error) {
      // With --force a missing container is reported but is not a failure.
      if (opts.force && error instanceof DaemonError && error.isNotFound) {
        cli.err.write(`${error.toString()}\n`);
        continue;
      }
      errors.push(errorText(error));
      continue;
    }
    cli.out.write(`${name}\n`);
  }
  throwJoined(errors);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runRm(cli, {
    containers: args,
    force: flags.values.force === true,
    volumes: flags.values.volumes === true,
    link: flags.values.link === true,
  });
}
