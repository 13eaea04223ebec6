// How commands turn an error into the line docker prints for one failed target.
import { DaemonError, isHostStateError } from "../cli/errors.js";

/**
 * The text docker prints for an error: the daemon's with its prefix, a client error's message.
 * A damaged host state is not one target's failure: it is rethrown for run-cli to report.
 */
export function errorText(err: unknown): string {
  if (isHostStateError(err)) throw err;
  if (err instanceof DaemonError) return err.toString();
  return err instanceof Error ? err.message : String(err);
}
