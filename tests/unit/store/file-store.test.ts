import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCHEMA_VERSION } from "../../../src/engine/model.js";
import { FileStore } from "../../../src/store/file-store.js";
import { minimalState } from "./minimal-state.js";
import { StoreError } from "../../../src/store/errors.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "md-store-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("FileStore", () => {
  it("reads nothing from an empty directory and writes compact JSON with a backup of the previous version", async () => {
    const store = new FileStore(dir);
    expect(await store.read()).toBeUndefined();
    await store.update(() => ({ state: minimalState(1), result: undefined }));
    await store.update((s) => ({ state: { ...s!, idCounter: 2 }, result: undefined }));
    const text = fs.readFileSync(path.join(dir, "state.json"), "utf8");
    expect(text).not.toContain("\n");
    expect(JSON.parse(text).idCounter).toBe(2);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "state.json.bak"), "utf8")).idCounter).toBe(1);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("writes nothing when the transaction throws", async () => {
    const store = new FileStore(dir);
    await store.update(() => ({ state: minimalState(1), result: undefined }));
    await expect(
      store.update(() => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await store.read())!.idCounter).toBe(1);
  });

  it("writes the state when the container view cannot be made, and drops the old view", async () => {
    const view = path.join(dir, "container-view.json");
    await new FileStore(dir, { containerView: () => "view\n" }).update(() => ({ state: minimalState(1), result: undefined }));
    expect(fs.readFileSync(view, "utf8")).toMatch(/"schemaVersion":\d+\}\nview\n$/);
    const failing = new FileStore(dir, {
      containerView: () => {
        throw new Error("boom");
      },
    });
    await failing.update(() => ({ state: minimalState(2), result: undefined }));
    expect((await failing.read())!.idCounter).toBe(2);
    expect(fs.existsSync(view)).toBe(false);
  });

  it("refuses a corrupt state file with a clear error and keeps its bytes", async () => {
    const bad = '{"schemaVersion":1,"containers":{';
    fs.writeFileSync(path.join(dir, "state.json"), bad);
    const store = new FileStore(dir);
    await expect(store.read()).rejects.toThrow(StoreError);
    await expect(store.read()).rejects.toThrow(path.join(dir, "state.json"));
    await expect(store.update((s) => ({ state: s ?? minimalState(), result: 1 }))).rejects.toThrow(/not valid JSON/);
    expect(fs.readFileSync(path.join(dir, "state.json"), "utf8")).toBe(bad);
  });

  it("refuses a state file from a newer schema", async () => {
    fs.writeFileSync(path.join(dir, "state.json"), JSON.stringify({ ...minimalState(), schemaVersion: SCHEMA_VERSION + 1 }));
    await expect(new FileStore(dir).read()).rejects.toThrow(/newer mockdocker/);
  });

  it("loses no update when many writers run at once", async () => {
    const stores = Array.from({ length: 20 }, () => new FileStore(dir));
    await Promise.all(
      stores.map((store) =>
        store.update((s) => {
          const state = s ?? minimalState();
          state.idCounter += 1;
          return { state, result: undefined };
        }),
      ),
    );
    expect((await new FileStore(dir).read())!.idCounter).toBe(20);
  });

  it("takes over a lock left by a crashed holder after it goes stale", async () => {
    fs.mkdirSync(path.join(dir, "state.lock"));
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, "state.lock"), old, old);
    await new FileStore(dir).update(() => ({ state: minimalState(7), result: undefined }));
    expect((await new FileStore(dir).read())!.idCounter).toBe(7);
  });

  it("appends container logs as JSON lines beside the state and removes them", async () => {
    const store = new FileStore(dir);
    const id = "a".repeat(64);
    await store.update((_s, side) => {
      side.appendLog(id, [{ at: 1, time: 1, stream: "stdout", text: "hi\n" }]);
      return { state: minimalState(), result: undefined };
    });
    expect(await store.readLog(id)).toEqual([{ at: 1, time: 1, stream: "stdout", text: "hi\n" }]);
    await store.update((s, side) => {
      side.removeLog(id);
      return { state: s!, result: undefined };
    });
    expect(await store.readLog(id)).toEqual([]);
  });
});
