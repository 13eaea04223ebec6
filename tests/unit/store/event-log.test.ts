import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emitEvent } from "../../../src/engine/events.js";
import { FileStore } from "../../../src/store/file-store.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { minimalState } from "./minimal-state.js";

const host = () => minimalState();

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "md-events-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the event log beside the state", () => {
  it("is written to events.json, not state.json, and read back when touched", async () => {
    const store = new FileStore(dir);
    await store.update(() => {
      const state = host();
      emitEvent(state, 1000, "container", "create", "a".repeat(64));
      return { state, result: undefined };
    });
    expect(fs.readFileSync(path.join(dir, "state.json"), "utf8")).not.toContain('"events"');
    expect(JSON.parse(fs.readFileSync(path.join(dir, "events.json"), "utf8"))).toHaveLength(1);
    await store.update((s) => {
      emitEvent(s!, 2000, "container", "start", "a".repeat(64));
      return { state: s!, result: undefined };
    });
    const read = await store.read();
    expect(read!.events.map((e) => e.action)).toEqual(["create", "start"]);
  });

  it("leaves events.json alone when a command does not touch the log", async () => {
    const store = new FileStore(dir);
    await store.update(() => {
      const state = host();
      emitEvent(state, 1000, "network", "create", "n");
      return { state, result: undefined };
    });
    const eventsFile = path.join(dir, "events.json");
    fs.writeFileSync(eventsFile, JSON.stringify([{ marker: true }]));
    await store.update((s) => ({ state: { ...s!, idCounter: 7 } as typeof s & object, result: undefined }));
    expect(fs.readFileSync(eventsFile, "utf8")).toBe('[{"marker":true}]');
    await store.update((s) => ({ state: s!, result: undefined }));
    expect(fs.readFileSync(eventsFile, "utf8")).toBe('[{"marker":true}]');
  });

  it("moves the log of an older state file, which held it inline, out on the next write", async () => {
    const old = { ...host(), events: [{ time: 5, seq: 0, type: "image" as const, action: "pull", actorId: "busybox:latest", attributes: {}, scope: "local" }] };
    fs.writeFileSync(path.join(dir, "state.json"), JSON.stringify(old));
    const store = new FileStore(dir);
    await store.update((s) => ({ state: s!, result: undefined }));
    expect(fs.readFileSync(path.join(dir, "state.json"), "utf8")).not.toContain('"events"');
    expect((await store.read())!.events.map((e) => e.action)).toEqual(["pull"]);
  });

  it("memory store: copies share event records but not the log array", async () => {
    const store = new MemoryStore();
    await store.update(() => {
      const state = host();
      emitEvent(state, 1000, "volume", "create", "v");
      return { state, result: undefined };
    });
    const a = (await store.read())!;
    a.events.push({ ...a.events[0]!, action: "destroy" });
    const b = (await store.read())!;
    expect(b.events).toHaveLength(1);
  });
});
