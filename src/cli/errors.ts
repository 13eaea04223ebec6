// Errors that commands throw; cli/main.ts prints them and exits with their status.
// Mirrors docker/cli's cli.StatusError: an empty message prints nothing.

export class StatusError extends Error {
  constructor(
    message: string,
    readonly status: number = 1,
  ) {
    super(message);
  }
}

/** A daemon (Engine API) error: printed as "Error response from daemon: <message>". */
export class DaemonError extends Error {
  constructor(
    message: string,
    /** HTTP-like status the Engine API would answer with (404 not found, 409 conflict, ...). */
    readonly httpStatus: number = 500,
  ) {
    super(message);
  }

  get isNotFound(): boolean {
    return this.httpStatus === 404;
  }

  override toString(): string {
    return `Error response from daemon: ${this.message}`;
  }
}

/** The user declined a prompt: docker prints nothing and exits 0. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
  }
}

/**
 * The simulated host itself cannot be used (its state file is damaged, locked, or newer than
 * this program). Not a docker error: printed as "mockdocker: <message>", exit 1, by every verb.
 * The store's errors carry the `hostStateError` mark; commands must let them through.
 */
export function isHostStateError(error: unknown): error is Error {
  return error instanceof Error && (error as { hostStateError?: unknown }).hostStateError === true;
}
