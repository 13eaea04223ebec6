// Persistence as the engine sees it. Implementations live in src/store/.
import type { HostState, LogRecord } from "./model.js";

/** Side files that grow (container logs), written with the state in one transaction. */
export interface SideWrites {
  appendLog(containerId: string, records: LogRecord[]): void;
  removeLog(containerId: string): void;
}

export interface StateStore {
  /**
   * The current state without taking the lock; undefined when no state exists yet. The caller
   * owns the returned object and may change it (a view reconciles it in place).
   */
  read(): Promise<HostState | undefined>;
  /**
   * Under the cross-process lock: read, apply `fn`, write atomically. `fn` gets undefined when no
   * state exists yet and returns the state to write (or the same object, mutated) with a result.
   * If `fn` throws, nothing is written.
   */
  update<T>(fn: (state: HostState | undefined, side: SideWrites) => { state: HostState; result: T }): Promise<T>;
  readLog(containerId: string): Promise<LogRecord[]>;
}
