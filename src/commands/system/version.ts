// docker version (docker/cli v28: cli/command/system/version.go runVersion).
import { DaemonError, StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import type { VersionInfo } from "../../client/api.js";
import { formatVersion, parseVersionFormat, VersionFormatError } from "../../formatter/version.js";

export interface VersionOptions {
  format: string;
}

export async function runVersion(cli: Cli, opts: VersionOptions): Promise<void> {
  let tmpl;
  try {
    tmpl = parseVersionFormat(opts.format);
  } catch (e) {
    if (e instanceof VersionFormatError) throw new StatusError(e.message, 64);
    throw e;
  }
  // The client part is printed even when the daemon cannot answer; its error wins.
  let server: VersionInfo | null = null;
  let daemonError: DaemonError | undefined;
  try {
    server = await cli.client.version();
  } catch (e) {
    if (!(e instanceof DaemonError)) throw e;
    daemonError = e;
  }
  const out = formatVersion(tmpl, server);
  cli.out.write(out.text);
  if (daemonError) throw daemonError;
  if (out.error !== undefined) throw new StatusError(out.error, 1);
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  await runVersion(cli, { format: String(flags.values.format ?? "") });
}
