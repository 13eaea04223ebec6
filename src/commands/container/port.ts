// docker port (docker/cli: cli/command/container/port.go).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { goQuote } from "../../formatter/strings.js";
import { formatPortLines, type PortBindings } from "../../formatter/container.js";

export interface PortOptions {
  container: string;
  /** PRIVATE_PORT[/PROTO] as typed; empty lists every mapping. */
  port: string;
}

/** Go strconv.ParseUint(s, 10, 16)'s error, or undefined when s parses. */
function parseUint16Error(s: string): string | undefined {
  if (!/^[0-9]+$/.test(s)) return `strconv.ParseUint: parsing ${goQuote(s)}: invalid syntax`;
  if (Number(s) > 65535) return `strconv.ParseUint: parsing ${goQuote(s)}: value out of range`;
  return undefined;
}

export async function runPort(cli: Cli, opts: PortOptions): Promise<void> {
  const c = await cli.client.containerInspect(opts.container);
  const settings = (c.NetworkSettings ?? {}) as { Ports?: PortBindings | null };
  const ports: PortBindings = settings.Ports ?? {};
  if (opts.port === "") {
    cli.out.write(formatPortLines(ports));
    return;
  }
  const slash = opts.port.indexOf("/");
  const port = slash < 0 ? opts.port : opts.port.slice(0, slash);
  const proto = slash < 0 || opts.port.slice(slash + 1) === "" ? "tcp" : opts.port.slice(slash + 1);
  const bad = parseUint16Error(port);
  if (bad !== undefined) throw new StatusError(`Error: invalid port (${port}): ${bad}`);
  const frontends = ports[`${port}/${proto}`];
  if (!frontends || frontends.length === 0) {
    throw new StatusError(`Error: No public port '${opts.port}' published for ${opts.container}`);
  }
  cli.out.write(formatPortLines(ports, `${port}/${proto}`));
}

export async function action(cli: Cli, _flags: ParsedFlags, args: string[]): Promise<void> {
  await runPort(cli, { container: args[0]!, port: args[1] ?? "" });
}
