// docker stop (docker/cli: cli/command/container/stop.go).
import { DaemonError, StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";

export interface StopOptions {
  containers: string[];
  signal: string;
  /** Seconds; undefined lets the daemon use the container's StopTimeout (10 by default). */
  timeout?: number;
}

/** The text an error prints as: daemon errors carry their "Error response from daemon: " prefix. */
import { errorText } from "../errors.js";
export { errorText };

/** The API client counts HTTP 304 (already stopped, already started) as success. */
export function isNotModified(error: unknown): boolean {
  return error instanceof DaemonError && error.httpStatus === 304;
}

/**
 * docker/cli's parallelOperation loop: runs `op` per container, prints each name as typed
 * on success, collects the failures and returns them joined one per line (errors.Join).
 */
export async function eachContainer(cli: Cli, containers: string[], op: (name: string) => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  for (const name of containers) {
    try {
      await op(name);
    } catch (error) {
      if (!isNotModified(error)) {
        errors.push(errorText(error));
        continue;
      }
    }
    cli.out.write(`${name}\n`);
  }
  return errors;
}

/** Throws the joined per-container errors, as `errors.Join` would print them. */
export function throwJoined(errors: string[]): void {
  if (errors.length > 0) throw new StatusError(errors.join("\n"), 1);
}

export function timeoutOption(flags: ParsedFlags): number | undefined {
  if (flags.changed.has("timeout")) return Number(flags.values.timeout);
  if (flags.changed.has("time")) return Number(flags.values.time);
  return undefined;
}

export async function runStop(cli: Cli, opts: StopOptions): Promise<void> {
  const stopOpts: { signal?: string; timeout?: number } = {};
  if (opts.signal !== "") stopOpts.signal = opts.signal;
  if (opts.timeout !== undefined) stopOpts.timeout = opts.timeout;
  throwJoined(await eachContainer(cli, opts.containers, (name) => cli.client.containerStop(name, stopOpts)));
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runStop(cli, { containers: args, signal: String(flags.values.signal ?? ""), timeout: timeoutOption(flags) });
}
