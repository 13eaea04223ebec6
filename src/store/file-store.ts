// The state directory: state.json (compact JSON) plus state.json.bak (the previous version),
// events.json (the event log), logs/<container id>.jsonl, container-view.json (the listing
// `docker ps` reads, when the engine gives a way to make it), and state.lock while a command
// changes the host.
//
// Reads take no lock: the file is replaced atomically by rename, so a reader sees either the
// old or the new version. Writers hold proper-lockfile's lock around read-apply-write; a crashed
// holder's lock goes stale after 2 s.
import { appendFileSync, closeSync, copyFileSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync, type Stats } from "node:fs";
import { join as joinPath } from "node:path";
import { SCHEMA_VERSION, type EventRecord, type HostState, type LogRecord } from "../engine/model.js";
import type { SideWrites, SnapshotInfo, StateStore } from "../engine/store.js";
import { CONTAINER_VIEW_FILE, containerViewFileText } from "./container-view.js";
import { collectSideWrites } from "./side-writes.js";
import { StoreError } from "./errors.js";
import { attachEvents, eventsChanged, touchedEvents, withoutEvents } from "./event-log.js";
import { compactContainer, expandContainer } from "./compact.js";
import { listSnapshotFiles, removeSnapshotFiles, resetFiles, restoreSnapshotFiles, saveSnapshotFiles, type LabFiles } from "./file-lab.js";

const STATE_FILE = "state.json";
const EVENTS_FILE = "events.json";
const LOCK_STALE_MS = 2000;

export interface FileStoreOptions {
  /** The text of the listing kept beside the state (store/container-view.ts); undefined: none. */
  containerView?: (state: HostState) => string | undefined;
}

export class FileStore implements StateStore {
  readonly statePath: string;
  readonly eventsPath: string;
  /** The event log as this process read it, so an unchanged log is not written back. */
  private eventsRead?: { length: number; last: EventRecord | undefined };

  constructor(
    readonly dir: string,
    private readonly options: FileStoreOptions = {},
  ) {
    this.statePath = joinPath(dir, STATE_FILE);
    this.eventsPath = joinPath(dir, EVENTS_FILE);
  }

  async read(): Promise<HostState | undefined> {
    return this.readState();
  }

  async update<T>(fn: (state: HostState | undefined, side: SideWrites) => { state: HostState; result: T }): Promise<T> {
    this.ensureDir();
    const release = await this.lock();
    try {
      const current = this.readState();
      const { side, appended, removed } = collectSideWrites();
      const { state, result } = fn(current, side);
      this.writeLogs(appended, removed);
      this.writeState(state);
      return result;
    } finally {
      await release();
    }
  }

  async reset(): Promise<{ keptAs?: string }> {
    return this.locked(() => resetFiles(this.labFiles()));
  }

  async saveSnapshot(name: string, describe: (state: HostState) => SnapshotInfo): Promise<SnapshotInfo> {
    return this.locked(() => saveSnapshotFiles(this.labFiles(), name, describe));
  }

  async restoreSnapshot(name: string): Promise<SnapshotInfo | undefined> {
    return this.locked(() => restoreSnapshotFiles(this.labFiles(), name));
  }

  async listSnapshots(): Promise<SnapshotInfo[]> {
    return listSnapshotFiles(this.labFiles());
  }

  async removeSnapshot(name: string): Promise<boolean> {
    return this.locked(() => removeSnapshotFiles(this.labFiles(), name));
  }

  private labFiles(): LabFiles {
    return { dir: this.dir, statePath: this.statePath, readState: () => this.readState(), writeState: (s) => this.writeState(s) };
  }

  private async locked<T>(fn: () => T): Promise<T> {
    this.ensureDir();
    const release = await this.lock();
    try {
      return fn();
    } finally {
      await release();
    }
  }

  async readLog(containerId: string): Promise<LogRecord[]> {
    let text: string;
    try {
      text = readFileSync(this.logPath(containerId), "utf8");
    } catch {
      return [];
    }
    const records: LogRecord[] = [];
    for (const line of text.split("\n")) {
      if (line === "") continue;
      try {
        records.push(JSON.parse(line) as LogRecord);
      } catch {
        // A torn last line from a crash: skip it rather than fail `docker logs`.
      }
    }
    return records;
  }

  private readState(): HostState | undefined {
    let text: string;
    try {
      text = readFileSync(this.statePath, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new StoreError(`cannot read the state file ${this.statePath}: ${(error as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new StoreError(
        `the state file ${this.statePath} is not valid JSON (${(error as Error).message}); ` +
          `it was left as it is. Run 'mockdocker lab reset' to start a fresh host (the damaged file is then kept as ${STATE_FILE}.corrupt-<time>).`,
      );
    }
    const version = (parsed as { schemaVersion?: unknown }).schemaVersion;
    if (typeof version !== "number") {
      throw new StoreError(`the state file ${this.statePath} has no schemaVersion; it was left as it is. Run 'mockdocker lab reset' to start a fresh host.`);
    }
    if (version > SCHEMA_VERSION) {
      throw new StoreError(
        `the state file ${this.statePath} was written by a newer mockdocker (schema ${version}, this one reads up to ${SCHEMA_VERSION}); it was left as it is.`,
      );
    }
    const state = parsed as HostState;
    for (const id in state.containers) state.containers[id] = expandContainer(state.containers[id] as unknown as Record<string, unknown>);
    // Older state files hold the event log inline: it moves to events.json on the next write.
    if (Array.isArray(state.events)) return state;
    return attachEvents(state, () => this.readEvents());
  }

  private readEvents(): EventRecord[] {
    let events: EventRecord[] = [];
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.eventsPath, "utf8"));
      if (Array.isArray(parsed)) events = parsed as EventRecord[];
    } catch {
      // No log yet, or a damaged one: the log is a convenience, the host state is intact.
    }
    this.eventsRead = { length: events.length, last: events[events.length - 1] };
    return events;
  }

  private writeState(state: HostState): void {
    const events = touchedEvents(state);
    if (events !== undefined && (this.eventsRead === undefined || eventsChanged(this.eventsRead, events))) {
      renameSync(this.writeTemp(this.eventsPath, JSON.stringify(events)).tmp, this.eventsPath);
      this.eventsRead = { length: events.length, last: events[events.length - 1] };
    }
    const { tmp, written } = this.writeTemp(this.statePath, JSON.stringify(forDisk(state)));
    this.writeContainerView(state, written);
    try {
      copyFileSync(this.statePath, `${this.statePath}.bak`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    renameSync(tmp, this.statePath);
  }

  /**
   * The listing beside the state. It is only a shortcut: when it cannot be made or written, the
   * old one goes (it would not match the new state anyway) and the state is written all the same.
   * Not synced: a view lost in a crash only sends `docker ps` the long way.
   */
  private writeContainerView(state: HostState, written: Stats): void {
    if (!this.options.containerView) return;
    const viewPath = joinPath(this.dir, CONTAINER_VIEW_FILE);
    try {
      const view = this.options.containerView(state);
      if (view === undefined) throw new Error("no view");
      renameSync(this.writeTemp(viewPath, containerViewFileText(written, state.schemaVersion, view), { sync: false }).tmp, viewPath);
    } catch {
      rmSync(viewPath, { force: true });
    }
  }

  /** Writes and syncs a temp file beside `file`, for an atomic rename over it. */
  private writeTemp(file: string, text: string, { sync = true } = {}): { tmp: string; written: Stats } {
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = openSync(tmp, "w", 0o600);
    try {
      writeSync(fd, text);
      if (sync) fsyncSync(fd);
      return { tmp, written: fstatSync(fd) };
    } finally {
      closeSync(fd);
    }
  }

  private writeLogs(appended: Map<string, LogRecord[]>, removed: Set<string>): void {
    if (appended.size === 0 && removed.size === 0) return;
    mkdirSync(joinPath(this.dir, "logs"), { recursive: true, mode: 0o700 });
    for (const id of removed) rmSync(this.logPath(id), { force: true });
    for (const [id, records] of appended) {
      appendFileSync(this.logPath(id), records.map((r) => JSON.stringify(r) + "\n").join(""), { mode: 0o600 });
    }
  }

  private logPath(containerId: string): string {
    if (!/^[0-9a-f]{64}$/.test(containerId)) throw new StoreError(`invalid container id for a log file: ${containerId}`);
    return joinPath(this.dir, "logs", `${containerId}.jsonl`);
  }

  private ensureDir(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  private async lock(): Promise<() => Promise<void>> {
    const { default: lockfile } = await import("proper-lockfile");
    try {
      return await lockfile.lock(this.dir, {
        lockfilePath: joinPath(this.dir, "state.lock"),
        realpath: false,
        stale: LOCK_STALE_MS,
        update: LOCK_STALE_MS / 2,
        retries: { retries: 400, factor: 1.3, minTimeout: 5, maxTimeout: 50, randomize: true },
      });
    } catch (error) {
      throw new StoreError(`cannot lock the state directory ${this.dir}: ${(error as Error).message}`);
    }
  }
}

/** The state as state.json holds it: no event log, container records compacted. */
function forDisk(state: HostState): Omit<HostState, "events"> {
  const rest = withoutEvents(state);
  const containers: Record<string, unknown> = {};
  for (const [id, c] of Object.entries(state.containers)) containers[id] = compactContainer(c);
  return { ...rest, containers } as Omit<HostState, "events">;
}
