// docker info / docker system info (docker/cli v28: cli/command/system/info.go runInfo).
// mockdocker has no CLI plugins, so the client section lists none.
import { DaemonError, StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import type { InfoDto } from "../../client/api.js";
import { ClientInfo, formatInfoPretty, formatInfoTemplate, infoData, InfoFormatError, needsServerInfo } from "../../formatter/info.js";

export interface InfoOptions {
  format: string;
}

export async function runInfo(cli: Cli, opts: InfoOptions): Promise<void> {
  const client = new ClientInfo();
  let server: InfoDto | null = null;
  let daemonError: DaemonError | undefined;
  if (needsServerInfo(opts.format, client)) {
    try {
      server = await cli.client.info();
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      daemonError = e;
      // With a custom format the error is shown at once, as the template may not print it.
      if (opts.format !== "") cli.err.write(`${e.toString()}\n`);
    }
  }

  if (opts.format === "") {
    const out = formatInfoPretty(server, client);
    cli.out.write(out.out);
    cli.err.write(out.err);
    if (daemonError) throw daemonError;
    return;
  }

  let out;
  try {
    out = formatInfoTemplate(opts.format, infoData(server, client));
  } catch (e) {
    if (e instanceof InfoFormatError) throw new StatusError(e.message, 64);
    throw e;
  }
  cli.out.write(out.out);
  if (daemonError) throw new StatusError("", 1);
  if (out.error !== undefined) throw new StatusError(out.error, 1);
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  await runInfo(cli, { format: String(flags.values.format ?? "") });
}
