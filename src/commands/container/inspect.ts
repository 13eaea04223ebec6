// docker container inspect (docker/cli: cli/command/container/inspect.go), and the loop every
// inspect command shares (docker/cli: cli/command/inspect/inspector.go Inspect).
import { DaemonError, StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { InspectFormatError, newInspector, type Inspector } from "../../formatter/inspect.js";
import { errorText } from "./stop.js";

export interface InspectOptions {
  refs: string[];
  format: string;
  size: boolean;
}

export type GetRef = (ref: string) => Promise<Record<string, unknown>>;

/**
 * Fetches each reference, prints what the inspector made of them, then fails with every
 * error joined (exit 1). An unparsable template fails first, with exit 64.
 */
export async function inspectRefs(cli: Cli, refs: string[], format: string, getRef: GetRef): Promise<void> {
  let inspector: Inspector;
  try {
    inspector = newInspector(format);
  } catch (e) {
    if (e instanceof InspectFormatError) throw new StatusError(e.message, 64);
    throw e;
  }
  const errors: string[] = [];
  for (const ref of refs) {
    let raw: Record<string, unknown>;
    try {
      raw = await getRef(ref);
    } catch (e) {
      errors.push(errorText(e));
      continue;
    }
    try {
      inspector.inspect(raw);
    } catch (e) {
      if (e instanceof DaemonError || e instanceof StatusError) throw e;
      errors.push((e as Error).message);
    }
  }
  cli.out.write(inspector.flush());
  if (errors.length > 0) throw new StatusError(errors.join("\n"), 1);
}

export async function runInspect(cli: Cli, opts: InspectOptions): Promise<void> {
  await inspectRefs(cli, opts.refs, opts.format, (ref) => cli.client.containerInspect(ref, { size: opts.size }));
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runInspect(cli, { refs: args, format: String(flags.values.format ?? ""), size: flags.values.size === true });
}
