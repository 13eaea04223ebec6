// `mockdocker lab` in the state directory: reset (keeping an unreadable state file aside) and
// snapshots under snapshots/<name>/ (state.json with the event log inline, info.json, logs/).
// Callers hold the lock.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join as joinPath } from "node:path";
import type { HostState } from "../engine/model.js";
import type { SnapshotInfo } from "../engine/store.js";
import { StoreError } from "./errors.js";
import { withoutEvents } from "./event-log.js";

/** What these helpers need of the FileStore. */
export interface LabFiles {
  dir: string;
  statePath: string;
  readState(): HostState | undefined;
  writeState(state: HostState): void;
}

/** 2026-11-23T10:40:00.123Z -> 20261123T104000Z */
function stamp(t: number): string {
  return new Date(t).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

export function resetFiles(f: LabFiles): { keptAs?: string } {
  let keptAs: string | undefined;
  try {
    f.readState();
    if (existsSync(f.statePath)) copyFileSync(f.statePath, `${f.statePath}.bak`);
    rmSync(f.statePath, { force: true });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    keptAs = `${f.statePath}.corrupt-${stamp(Date.now())}`;
    renameSync(f.statePath, keptAs);
  }
  rmSync(joinPath(f.dir, "logs"), { recursive: true, force: true });
  rmSync(joinPath(f.dir, "events.json"), { force: true });
  return keptAs === undefined ? {} : { keptAs };
}

const snapshotsDir = (f: LabFiles) => joinPath(f.dir, "snapshots");
const snapshotDir = (f: LabFiles, name: string) => {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) throw new StoreError(`invalid snapshot name: ${name}`);
  return joinPath(snapshotsDir(f), name);
};

export function saveSnapshotFiles(f: LabFiles, name: string, describe: (s: HostState) => SnapshotInfo): SnapshotInfo {
  const state = f.readState();
  if (!state) throw new StoreError("there is no host to save yet");
  const target = snapshotDir(f, name);
  const tmp = joinPath(snapshotsDir(f), `.${name}.${process.pid}.tmp`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true, mode: 0o700 });
  const info = describe(state);
  // The event log lives in events.json beside the state: the snapshot holds it inline.
  writeFileSync(joinPath(tmp, "state.json"), JSON.stringify({ ...withoutEvents(state), events: state.events }), { mode: 0o600 });
  const logs = joinPath(f.dir, "logs");
  if (existsSync(logs)) cpSync(logs, joinPath(tmp, "logs"), { recursive: true });
  writeFileSync(joinPath(tmp, "info.json"), JSON.stringify(info), { mode: 0o600 });
  rmSync(target, { recursive: true, force: true });
  renameSync(tmp, target);
  return info;
}

function readInfo(dir: string): SnapshotInfo | undefined {
  try {
    return JSON.parse(readFileSync(joinPath(dir, "info.json"), "utf8")) as SnapshotInfo;
  } catch {
    return undefined;
  }
}

export function restoreSnapshotFiles(f: LabFiles, name: string): SnapshotInfo | undefined {
  const dir = snapshotDir(f, name);
  const info = readInfo(dir);
  if (!info) return undefined;
  let state: HostState;
  try {
    state = JSON.parse(readFileSync(joinPath(dir, "state.json"), "utf8")) as HostState;
  } catch (error) {
    throw new StoreError(`the snapshot ${dir} cannot be read: ${(error as Error).message}`);
  }
  f.writeState(state);
  const logs = joinPath(f.dir, "logs");
  rmSync(logs, { recursive: true, force: true });
  if (existsSync(joinPath(dir, "logs"))) cpSync(joinPath(dir, "logs"), logs, { recursive: true });
  return info;
}

export function listSnapshotFiles(f: LabFiles): SnapshotInfo[] {
  let names: string[];
  try {
    names = readdirSync(snapshotsDir(f)).filter((n) => !n.startsWith("."));
  } catch {
    return [];
  }
  return names.flatMap((n) => readInfo(joinPath(snapshotsDir(f), n)) ?? []);
}

export function removeSnapshotFiles(f: LabFiles, name: string): boolean {
  const dir = snapshotDir(f, name);
  if (!readInfo(dir)) return false;
  rmSync(dir, { recursive: true, force: true });
  return true;
}
