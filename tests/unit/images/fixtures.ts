import type { HostView, Tx } from "../../../src/engine/host.js";
import { IdGenerator, sha256Hex } from "../../../src/engine/ids.js";
import { createHostState } from "../../../src/engine/state.js";
import { addReference } from "../../../src/engine/images/refs.js";
import { imageIdOf } from "../../../src/engine/image-config.js";
import type { ContainerRecord, ImageRecord } from "../../../src/engine/model.js";
import { parseNormalizedNamed } from "../../../src/engine/registry/reference.js";

export const T0 = Date.UTC(2025, 5, 1, 10);

/**
 * A host with a fixed clock and seeded ids. `transact` mirrors Engine.transact's contract
 * (a failed operation leaves the state untouched) without the container reconciler.
 */
export function makeEngine() {
  const random = { bytes: (n: number) => new Uint8Array(n) };
  let state = createHostState(T0, T0, (s) => new IdGenerator(s, random, "test"));
  const engine = {
    async transact<T>(fn: (tx: Tx) => T): Promise<T> {
      const copy = structuredClone(state);
      const tx: Tx = { state: copy, now: T0, ids: new IdGenerator(copy, random, "test"), side: { appendLog: () => {}, removeLog: () => {} } };
      const result = fn(tx);
      state = copy;
      return result;
    },
    async view(): Promise<HostView> {
      return { state: structuredClone(state), now: T0, pendingLogs: new Map() };
    },
  };
  const store = { snapshot: () => structuredClone(state) };
  return { engine, store };
}

export const diff = (name: string) => `sha256:${sha256Hex(`layer:${name}`)}`;

/** Adds an image made of the named layers (each 1000 bytes) and returns its id. */
export function addImage(
  tx: Tx,
  o: { layers: string[]; created?: number; labels?: Record<string, string>; parent?: string; refs?: string[]; cmd?: string[] },
): string {
  const layers = o.layers.map(diff);
  const img: ImageRecord = {
    id: "",
    repoDigests: [],
    parent: o.parent ?? "",
    comment: "",
    created: o.created ?? T0 - 86_400_000,
    author: "",
    dockerVersion: "",
    architecture: "amd64",
    os: "linux",
    config: { User: "", Env: ["PATH=/usr/bin"], Cmd: o.cmd ?? ["sh"], Entrypoint: null, Volumes: null, WorkingDir: "", Labels: o.labels ?? null, OnBuild: null },
    layers,
    history: o.layers.map((l) => ({ created: "2025-05-01T00:00:00Z", created_by: `ADD ${l} /`, comment: "buildkit.dockerfile.v0" })),
    size: 1000 * layers.length,
  };
  img.id = imageIdOf(img);
  tx.state.images[img.id] = img;
  for (const d of layers) tx.state.layers[d] = { diffId: d, size: 1000 };
  for (const r of o.refs ?? []) addReference(tx.state, parseNormalizedNamed(r), img.id);
  return img.id;
}

/** A minimal container record using `image`. */
export function addContainer(tx: Tx, id: string, image: string, running: boolean): void {
  tx.state.containers[id] = {
    id,
    name: `/c${id.slice(0, 4)}`,
    created: T0,
    image,
    state: { status: running ? "running" : "exited", running, paused: false, restarting: false, oomKilled: false, dead: false, pid: 0, exitCode: 0, error: "", startedAt: 0, finishedAt: 0, manuallyStopped: false },
  } as unknown as ContainerRecord;
}

export const DIGEST = (s: string) => `sha256:${sha256Hex(`manifest:${s}`)}`;
