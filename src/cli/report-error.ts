// Turns what a command threw into docker's stderr text and exit code (docker/cli:
// cmd/docker/docker.go main).
import { CancelledError, DaemonError, isHostStateError, StatusError } from "./errors.js";
import type { Cli } from "./types.js";

export function reportError(error: unknown, cli: Cli): number {
  if (error instanceof CancelledError) return 0;
  if (error instanceof StatusError) {
    if (error.message !== "") cli.err.write(`${error.message}\n`);
    return error.status;
  }
  if (error instanceof DaemonError) {
    cli.err.write(`${error.toString()}\n`);
    return 1;
  }
  if (isHostStateError(error)) {
    cli.err.write(`mockdocker: ${error.message}\n`);
    return 1;
  }
  // A defect: say so plainly, without a stack trace, and keep the state untouched.
  cli.err.write(`mockdocker: internal error: ${(error as Error)?.message ?? String(error)}\n`);
  return 1;
}
