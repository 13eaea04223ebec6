import { Engine, type Tx } from "../../../src/engine/host.js";
import { sha256Hex } from "../../../src/engine/ids.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { addReference } from "../../../src/engine/images/refs.js";
import { imageIdOf } from "../../../src/engine/image-config.js";
import type { ContainerRecord, ImageRecord } from "../../../src/engine/model.js";
import { parseNormalizedNamed } from "../../../src/engine/registry/reference.js";

export const T0 = Date.UTC(2025, 5, 1, 10);

/** A host in memory with a fixed clock and seeded ids: the real Engine on a MemoryStore. */
export function makeEngine() {
  const store = new MemoryStore();
  const engine = new Engine({
    store,
    realNow: () => T0,
    random: { bytes: (n: number) => new Uint8Array(n) },
    seed: "test",
    frozenStart: T0,
    sleep: async () => {},
  });
  return { engine, store: { snapshot: () => store.snapshot()! } };
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
