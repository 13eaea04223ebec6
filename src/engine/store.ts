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

  // `mockdocker lab`: the explicit way back to a clean or saved host.
  /**
   * Empties the host (the next operation starts a fresh one); snapshots are kept. Works when the
   * state cannot be read: the unreadable file is kept aside and its new name returned.
   */
  reset(): Promise<{ keptAs?: string }>;
  /** Under the lock, saves the current state and logs as `name` (replacing one of that name). */
  saveSnapshot(name: string, describe: (state: HostState) => SnapshotInfo): Promise<SnapshotInfo>;
  /** Under the lock, makes a snapshot the current state; undefined when there is none of that name. */
  restoreSnapshot(name: string): Promise<SnapshotInfo | undefined>;
  listSnapshots(): Promise<SnapshotInfo[]>;
  /** False when there is none of that name. */
  removeSnapshot(name: string): Promise<boolean>;
}

/** What `lab snapshots` lists about a saved host. */
export interface SnapshotInfo {
  name: string;
  /** Simulated time when it was saved (ms). */
  createdAt: number;
  containers: number;
  images: number;
  networks: number;
  volumes: number;
}
