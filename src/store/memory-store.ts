// In-memory StateStore for tests and in-process sandboxes. Each update works on a copy,
// so a failed command leaves the state as it was.
import type { HostState, LogRecord } from "../engine/model.js";
import type { SideWrites, StateStore } from "../engine/store.js";
import { collectSideWrites } from "./side-writes.js";

export class MemoryStore implements StateStore {
  private state: HostState | undefined;
  private readonly logs = new Map<string, LogRecord[]>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(initial?: HostState) {
    this.state = initial ? structuredClone(initial) : undefined;
  }

  async read(): Promise<HostState | undefined> {
    return this.state === undefined ? undefined : structuredClone(this.state);
  }

  update<T>(fn: (state: HostState | undefined, side: SideWrites) => { state: HostState; result: T }): Promise<T> {
    const run = async () => {
      const { side, appended, removed } = collectSideWrites();
      const { state, result } = fn(this.state === undefined ? undefined : structuredClone(this.state), side);
      for (const id of removed) this.logs.delete(id);
      for (const [id, records] of appended) this.logs.set(id, [...(this.logs.get(id) ?? []), ...records]);
      this.state = state;
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async readLog(containerId: string): Promise<LogRecord[]> {
    return this.logs.get(containerId) ?? [];
  }

  /** A deep copy of the current state, for assertions. */
  snapshot(): HostState | undefined {
    return this.state === undefined ? undefined : structuredClone(this.state);
  }
}
