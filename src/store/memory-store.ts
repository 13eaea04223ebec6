// In-memory StateStore for tests and in-process sandboxes. Each update works on a copy,
// so a failed command leaves the state as it was.
import type { HostState, LogRecord } from "../engine/model.js";
import type { SideWrites, SnapshotInfo, StateStore } from "../engine/store.js";
import { collectSideWrites } from "./side-writes.js";
import { copyLogs, type MemorySnapshot } from "./memory-lab.js";
import { withoutEvents } from "./event-log.js";
import { plainCopy } from "./plain-copy.js";

export class MemoryStore implements StateStore {
  private state: HostState | undefined;
  private readonly logs = new Map<string, LogRecord[]>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly snapshots = new Map<string, MemorySnapshot>();

  constructor(initial?: HostState) {
    this.state = initial ? structuredClone(initial) : undefined;
  }

  async read(): Promise<HostState | undefined> {
    return this.copy();
  }

  /**
   * A deep copy of the current state, except that event records are shared: they never change
   * once logged, and the log is most of a busy host's state.
   */
  private copy(): HostState | undefined {
    const state = this.state;
    if (state === undefined) return undefined;
    return { ...plainCopy(withoutEvents(state)), events: state.events.slice() };
  }

  update<T>(fn: (state: HostState | undefined, side: SideWrites) => { state: HostState; result: T }): Promise<T> {
    return this.serial(async () => {
      const { side, appended, removed } = collectSideWrites();
      const { state, result } = fn(this.copy(), side);
      for (const id of removed) this.logs.delete(id);
      for (const [id, records] of appended) this.logs.set(id, [...(this.logs.get(id) ?? []), ...records]);
      this.state = state;
      return result;
    });
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  reset(): Promise<{ keptAs?: string }> {
    return this.serial(async () => {
      this.state = undefined;
      this.logs.clear();
      return {};
    });
  }

  saveSnapshot(name: string, describe: (state: HostState) => SnapshotInfo): Promise<SnapshotInfo> {
    return this.serial(async () => {
      if (!this.state) throw new Error("no host to save");
      const info = describe(this.state);
      this.snapshots.set(name, { state: structuredClone(this.state), logs: copyLogs(this.logs), info });
      return info;
    });
  }

  restoreSnapshot(name: string): Promise<SnapshotInfo | undefined> {
    return this.serial(async () => {
      const saved = this.snapshots.get(name);
      if (!saved) return undefined;
      this.state = structuredClone(saved.state);
      this.logs.clear();
      for (const [id, records] of copyLogs(saved.logs)) this.logs.set(id, records);
      return saved.info;
    });
  }

  async listSnapshots(): Promise<SnapshotInfo[]> {
    return [...this.snapshots.values()].map((s) => s.info);
  }

  async removeSnapshot(name: string): Promise<boolean> {
    return this.snapshots.delete(name);
  }

  async readLog(containerId: string): Promise<LogRecord[]> {
    return this.logs.get(containerId) ?? [];
  }

  /** A deep copy of the current state, for assertions. */
  snapshot(): HostState | undefined {
    return this.state === undefined ? undefined : structuredClone(this.state);
  }
}
