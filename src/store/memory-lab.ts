// Snapshots of an in-memory host: deep copies of the state and the logs, kept by name.
import type { HostState, LogRecord } from "../engine/model.js";
import type { SnapshotInfo } from "../engine/store.js";

export interface MemorySnapshot {
  state: HostState;
  logs: Map<string, LogRecord[]>;
  info: SnapshotInfo;
}

export function copyLogs(logs: Map<string, LogRecord[]>): Map<string, LogRecord[]> {
  return new Map([...logs].map(([id, records]) => [id, records.map((r) => ({ ...r }))]));
}
