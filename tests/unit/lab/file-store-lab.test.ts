// The state directory's lab operations: reset (also of a damaged state file) and snapshots.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HostState } from "../../../src/engine/model.js";
import type { SnapshotInfo } from "../../../src/engine/store.js";
import { FileStore } from "../../../src/store/file-store.js";
import { minimalState } from "../store/minimal-state.js";

const state = (counter: number) =>
  minimalState(counter, [{ time: 1, seq: counter, type: "container", action: "create", actorId: "a", attributes: {}, scope: "local" }]);

const LOG_ID = "a".repeat(64);
const info = (name: string) => (s: HostState): SnapshotInfo => ({ name, createdAt: s.idCounter, containers: 0, images: 0, networks: 0, volumes: 0 });

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "md-lab-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("FileStore lab operations", () => {
  it("reset empties the host, keeps the previous state as the backup, and drops logs and events", async () => {
    const store = new FileStore(dir);
    await store.update((_, side) => {
      side.appendLog(LOG_ID, [{ time: 1, stream: "stdout", text: "hi\n" } as never]);
      return { state: state(1), result: undefined };
    });
    expect(await store.reset()).toEqual({});
    expect(await store.read()).toBeUndefined();
    expect(await store.readLog(LOG_ID)).toEqual([]);
    expect(fs.existsSync(path.join(dir, "events.json"))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "state.json.bak"), "utf8")).idCounter).toBe(1);
  });

  it("reset is the way out of a damaged state file, whose bytes it keeps", async () => {
    fs.writeFileSync(path.join(dir, "state.json"), "{ not json");
    const store = new FileStore(dir);
    await expect(store.read()).rejects.toThrow(/lab reset/);
    const { keptAs } = await store.reset();
    expect(keptAs).toMatch(/state\.json\.corrupt-\d{8}T\d{6}Z$/);
    expect(fs.readFileSync(keptAs!, "utf8")).toBe("{ not json");
    expect(await store.read()).toBeUndefined();
  });

  it("snapshots hold the state, the event log and the logs, and come back", async () => {
    const store = new FileStore(dir);
    await store.update((_, side) => {
      side.appendLog(LOG_ID, [{ time: 1, stream: "stdout", text: "one\n" } as never]);
      return { state: state(1), result: undefined };
    });
    expect(await store.saveSnapshot("first", info("first"))).toMatchObject({ name: "first", createdAt: 1 });
    await store.update((_, side) => {
      side.removeLog(LOG_ID);
      return { state: state(2), result: undefined };
    });
    expect((await store.listSnapshots()).map((s) => s.name)).toEqual(["first"]);
    expect(await store.restoreSnapshot("first")).toMatchObject({ name: "first" });
    const back = await store.read();
    expect(back?.idCounter).toBe(1);
    expect(back?.events.map((e) => e.seq)).toEqual([1]);
    expect((await store.readLog(LOG_ID)).map((r) => (r as { text?: string }).text)).toEqual(["one\n"]);
    expect(await store.removeSnapshot("first")).toBe(true);
    expect(await store.removeSnapshot("first")).toBe(false);
    expect(await store.restoreSnapshot("first")).toBeUndefined();
  });

  it("refuses snapshot names that would leave the snapshots directory", async () => {
    const store = new FileStore(dir);
    await store.update(() => ({ state: state(1), result: undefined }));
    await expect(store.saveSnapshot("../x", info("../x"))).rejects.toThrow(/invalid snapshot name/);
  });
});
