// The state directory: state.json (compact JSON) plus state.json.bak (the previous version),
// logs/<container id>.jsonl, and state.lock while a command changes the host.
//
// Reads take no lock: the file is replaced atomically by rename, so a reader sees either the
// old or the new version. Writers hold proper-lockfile's lock around read-apply-write; a crashed
// holder's lock goes stale after 2 s.
import fs from "node:fs";
import path from "node:path";
import { SCHEMA_VERSION, type HostState, type LogRecord } from "../engine/model.js";
import type { SideWrites, StateStore } from "../engine/store.js";
import { collectSideWrites } from "./side-writes.js";
import { StoreError } from "./errors.js";

const STATE_FILE = "state.json";
const LOCK_STALE_MS = 2000;

export class FileStore implements StateStore {
  readonly statePath: string;

  constructor(readonly dir: string) {
    this.statePath = path.join(dir, STATE_FILE);
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

  async readLog(containerId: string): Promise<LogRecord[]> {
    let text: string;
    try {
      text = fs.readFileSync(this.logPath(containerId), "utf8");
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
      text = fs.readFileSync(this.statePath, "utf8");
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
          `it was left as it is. Run 'mockdocker lab reset' to start a fresh host (the damaged file is then kept as ${STATE_FILE}.corrupt).`,
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
    return parsed as HostState;
  }

  private writeState(state: HostState): void {
    const tmp = `${this.statePath}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, "w", 0o600);
    try {
      fs.writeSync(fd, JSON.stringify(state));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.copyFileSync(this.statePath, `${this.statePath}.bak`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    fs.renameSync(tmp, this.statePath);
  }

  private writeLogs(appended: Map<string, LogRecord[]>, removed: Set<string>): void {
    if (appended.size === 0 && removed.size === 0) return;
    fs.mkdirSync(path.join(this.dir, "logs"), { recursive: true, mode: 0o700 });
    for (const id of removed) fs.rmSync(this.logPath(id), { force: true });
    for (const [id, records] of appended) {
      fs.appendFileSync(this.logPath(id), records.map((r) => JSON.stringify(r) + "\n").join(""), { mode: 0o600 });
    }
  }

  private logPath(containerId: string): string {
    if (!/^[0-9a-f]{64}$/.test(containerId)) throw new StoreError(`invalid container id for a log file: ${containerId}`);
    return path.join(this.dir, "logs", `${containerId}.jsonl`);
  }

  private ensureDir(): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  private async lock(): Promise<() => Promise<void>> {
    const { default: lockfile } = await import("proper-lockfile");
    try {
      return await lockfile.lock(this.dir, {
        lockfilePath: path.join(this.dir, "state.lock"),
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
