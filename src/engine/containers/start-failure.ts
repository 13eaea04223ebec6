// What a failed start leaves behind (moby: daemon/start.go, containerStart's deferred cleanup):
// the container keeps the error and exit code (127 command not found, 126 not executable, 128
// otherwise) and stays Created, except one made with AutoRemove (`--rm`), which is removed with
// its anonymous volumes. The start's own transaction is abandoned, so this is recorded in one of
// its own.
import { EngineError } from "../errors.js";
import type { Engine, Tx } from "../host.js";
import { removeAnonymousVolumes } from "../volumes/attach.js";
import { removeContainerRecord } from "./process.js";

export class StartFailedError extends EngineError {
  constructor(
    message: string,
    readonly containerId: string,
    readonly exitCode: number,
  ) {
    super(message, 500);
  }
}

export function recordFailedStart(tx: Tx, failure: StartFailedError): void {
  const c = tx.state.containers[failure.containerId];
  if (!c || c.state.running) return;
  c.state.error = failure.message;
  if (failure.exitCode !== 0) c.state.exitCode = failure.exitCode;
  if (c.hostConfig.AutoRemove) {
    removeAnonymousVolumes(tx, c, tx.now);
    removeContainerRecord(tx, c, tx.now);
  }
}

/** Runs a start; when it fails, records the failure before passing the error on. */
export async function recordingFailedStart<T>(engine: Engine, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof StartFailedError) await engine.transact((tx) => recordFailedStart(tx, error));
    throw error;
  }
}
