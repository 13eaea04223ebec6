import { describe, expect, it } from "vitest";
import type { JsonMessage } from "../../../src/engine/api-types.js";
import { sha256Hex } from "../../../src/engine/ids.js";
import { imageConfigJson } from "../../../src/engine/image-config.js";
import { pullFrom } from "../../../src/engine/images/pull-core.js";
import { layerMessages } from "../../../src/engine/images/pull-layers.js";
import { progressBar } from "../../../src/engine/images/progress.js";
import type { RemoteImage, RemoteSource } from "../../../src/engine/images/source.js";
import type { CatalogueLayer } from "../../../src/engine/registry/catalogue/types.js";
import { makeEngine } from "./fixtures.js";

const h = (s: string) => sha256Hex(s);
const layer = (name: string, size: number): CatalogueLayer => ({
  key: name,
  diffId: `sha256:${h(`diff:${name}`)}`,
  blobDigest: `sha256:${h(`blob:${name}`)}`,
  size,
  compressedSize: Math.round(size * 0.4),
  files: {},
});
const LAYERS = [layer("base", 8_000_000), layer("l2", 60_000_000), layer("l3", 1_000), layer("l4", 2_000), layer("l5", 500), layer("v2", 3_000)];
const L = Object.fromEntries(LAYERS.map((l) => [l.key, l]));

function image(key: string, layerKeys: string[], labels: Record<string, string> | null = null): RemoteImage {
  return {
    key,
    id: "",
    manifestDigest: `sha256:${h(`m:${key}`)}`,
    digest: `sha256:${h(`index:${key}`)}`,
    created: Date.UTC(2025, 1, 14, 3, 28, 36),
    architecture: "amd64",
    os: "linux",
    config: { User: "", Env: ["PATH=/bin"], Cmd: ["nginx", "-g", "daemon off;"], Entrypoint: null, Volumes: null, WorkingDir: "", Labels: labels, OnBuild: null },
    history: layerKeys.map((k) => ({ created: "2025-02-14T03:28:36Z", created_by: `ADD ${k} / # buildkit`, comment: "buildkit.dockerfile.v0" })),
    layers: layerKeys.map((k) => L[k]!.diffId),
    size: layerKeys.reduce((s, k) => s + L[k]!.size, 0),
  };
}

const REPOS: Record<string, Record<string, RemoteImage>> = {
  "library/alpine": { latest: image("alpine", ["base"]), "3.20": image("alpine-old", ["v2"]) },
  "library/nginx": { latest: image("nginx", ["base", "l2", "l3", "l4", "l5"], { maintainer: "NGINX" }) },
};

const source: RemoteSource = {
  repository: (p) => p in REPOS,
  tag: (p, t) => REPOS[p]?.[t],
  digest: (p, d) => Object.values(REPOS[p] ?? {}).find((i) => i.digest === d),
  tags: (p) => Object.keys(REPOS[p] ?? {}),
  layer: (d) => LAYERS.find((l) => l.diffId === d),
};

/** What a non-TTY client prints: messages with a progress bar are dropped. */
const plain = (msgs: JsonMessage[]): string[] =>
  msgs.filter((m) => !m.progress).map((m) => (m.error ? `ERR ${m.error}` : m.id ? `${m.id}: ${m.status}` : (m.status ?? "")));
const short = (k: string) => L[k]!.blobDigest.slice(7, 19);

describe("pull", () => {
  it("first pull: message sequence, image, references and event", async () => {
    const { engine, store } = makeEngine();
    const msgs = await engine.transact((tx) => pullFrom(source, tx, "alpine", {}));
    const a = REPOS["library/alpine"]!.latest!;
    expect(plain(msgs)).toEqual([
      "latest: Pulling from library/alpine",
      `${short("base")}: Pulling fs layer`,
      `${short("base")}: Verifying Checksum`,
      `${short("base")}: Download complete`,
      `${short("base")}: Pull complete`,
      `Digest: ${a.digest}`,
      "Status: Downloaded newer image for alpine:latest",
    ]);
    const downloading = msgs.filter((m) => m.status === "Downloading");
    expect(downloading.length).toBeGreaterThan(1);
    expect(downloading.at(-1)).toEqual({
      status: "Downloading",
      progressDetail: { current: 3_200_000, total: 3_200_000 },
      progress: "[==================================================>]    3.2MB/3.2MB",
      id: short("base"),
    });
    const s = store.snapshot();
    const id = `sha256:${h(imageConfigJson(s.images[Object.keys(s.images)[0]!]!))}`;
    expect(Object.keys(s.images)).toEqual([id]);
    expect(s.references).toEqual({
      "docker.io/library/alpine:latest": id,
      [`docker.io/library/alpine@${a.digest}`]: id,
    });
    expect(s.images[id]!.repoDigests).toEqual([`docker.io/library/alpine@${a.digest}`]);
    expect(s.layers[L.base!.diffId]).toEqual({ diffId: L.base!.diffId, blobDigest: L.base!.blobDigest, size: 8_000_000 });
    expect(s.events.map((e) => [e.action, e.actorId, e.attributes])).toEqual([["pull", "alpine:latest", { name: "alpine" }]]);
  });

  it("second pull is up to date and prints no layer lines", async () => {
    const { engine } = makeEngine();
    await engine.transact((tx) => pullFrom(source, tx, "alpine:latest", {}));
    const msgs = await engine.transact((tx) => pullFrom(source, tx, "alpine", {}));
    expect(plain(msgs)).toEqual([
      "latest: Pulling from library/alpine",
      `Digest: ${REPOS["library/alpine"]!.latest!.digest}`,
      "Status: Image is up to date for alpine:latest",
    ]);
  });

  it("shared base layer: Already exists, Waiting beyond 3 downloads, small layers finish first, extraction in order", async () => {
    const { engine } = makeEngine();
    await engine.transact((tx) => pullFrom(source, tx, "alpine", {}));
    const msgs = await engine.transact((tx) => pullFrom(source, tx, "nginx", {}));
    const lines = plain(msgs);
    expect(lines.slice(0, 7)).toEqual([
      "latest: Pulling from library/nginx",
      `${short("base")}: Already exists`,
      `${short("l2")}: Pulling fs layer`,
      `${short("l3")}: Pulling fs layer`,
      `${short("l4")}: Pulling fs layer`,
      `${short("l5")}: Pulling fs layer`,
      `${short("l5")}: Waiting`,
    ]);
    const idx = (s: string) => lines.indexOf(s);
    expect(idx(`${short("l3")}: Download complete`)).toBeLessThan(idx(`${short("l2")}: Download complete`));
    expect(idx(`${short("l5")}: Download complete`)).toBeLessThan(idx(`${short("l2")}: Download complete`));
    const completes = lines.filter((l) => l.endsWith("Pull complete"));
    expect(completes).toEqual(["l2", "l3", "l4", "l5"].map((k) => `${short(k)}: Pull complete`));
    expect(lines.at(-1)).toBe("Status: Downloaded newer image for nginx:latest");
  });

  it("a moved tag leaves the old image its digest reference", async () => {
    const { engine, store } = makeEngine();
    await engine.transact((tx) => pullFrom(source, tx, "alpine", {}));
    const oldId = store.snapshot().references["docker.io/library/alpine:latest"]!;
    const oldDigest = REPOS["library/alpine"]!.latest!.digest;
    REPOS["library/alpine"]!.latest = image("alpine-new", ["v2", "l3"]);
    try {
      await engine.transact((tx) => pullFrom(source, tx, "alpine", {}));
    } finally {
      REPOS["library/alpine"]!.latest = image("alpine", ["base"]);
    }
    const s = store.snapshot();
    const newId = s.references["docker.io/library/alpine:latest"]!;
    expect(newId).not.toBe(oldId);
    expect(s.references[`docker.io/library/alpine@${oldDigest}`]).toBe(oldId);
    expect(s.images[oldId]!.repoDigests).toEqual([`docker.io/library/alpine@${oldDigest}`]);
  });

  it("errors: unknown repository, unknown tag, other registries, platform", async () => {
    const { engine, store } = makeEngine();
    await expect(engine.transact((tx) => pullFrom(source, tx, "nope", {}))).rejects.toMatchObject({
      message: "pull access denied for nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      httpStatus: 404,
    });
    await expect(engine.transact((tx) => pullFrom(source, tx, "alpine:nope", {}))).rejects.toThrow(
      "manifest for alpine:nope not found: manifest unknown: manifest unknown",
    );
    await expect(engine.transact((tx) => pullFrom(source, tx, "localhost:5000/x", {}))).rejects.toThrow(
      'Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
    );
    await expect(engine.transact((tx) => pullFrom(source, tx, "UPPER", {}))).rejects.toThrow(
      "invalid reference format: repository name (library/UPPER) must be lowercase",
    );
    const msgs = await engine.transact((tx) => pullFrom(source, tx, "alpine", { platform: "linux/arm64" }));
    expect(plain(msgs)).toEqual(["latest: Pulling from library/alpine", "ERR no matching manifest for linux/arm64/v8 in the manifest list entries"]);
    expect(store.snapshot().images).toEqual({});
  });

  it("pull -a pulls every tag and reports on the repository", async () => {
    const { engine, store } = makeEngine();
    const lines = plain(await engine.transact((tx) => pullFrom(source, tx, "alpine", { allTags: true })));
    expect(lines.filter((l) => l.includes("Pulling from"))).toEqual(["3.20: Pulling from library/alpine", "latest: Pulling from library/alpine"]);
    expect(lines.at(-1)).toBe("Status: Downloaded newer image for alpine");
    expect(Object.keys(store.snapshot().references).filter((k) => !k.includes("@")).sort()).toEqual([
      "docker.io/library/alpine:3.20",
      "docker.io/library/alpine:latest",
    ]);
  });

  it("pull by digest names the digest", async () => {
    const { engine } = makeEngine();
    const d = REPOS["library/alpine"]!.latest!.digest;
    const lines = plain(await engine.transact((tx) => pullFrom(source, tx, `alpine@${d}`, {})));
    expect(lines[0]).toBe(`${d}: Pulling from library/alpine`);
    expect(lines.at(-1)).toBe(`Status: Downloaded newer image for alpine@${d}`);
  });
});

describe("layerMessages", () => {
  const l = (id: string, exists = false) => ({ id: id.repeat(12), compressedSize: 1000, size: 2000, exists });
  it("reports Already exists only for an unbroken run from the base, and a repeated blob once", () => {
    const { messages, downloaded } = layerMessages([l("a", true), l("b"), l("c", true), l("b")]);
    const lines = messages.filter((m) => !m.progress).map((m) => `${m.id!.slice(0, 1)} ${m.status}`);
    expect(lines.slice(0, 3)).toEqual(["a Already exists", "b Pulling fs layer", "c Pulling fs layer"]);
    expect(lines.filter((x) => x.startsWith("b "))).toEqual(["b Pulling fs layer", "b Verifying Checksum", "b Download complete", "b Pull complete"]);
    expect(downloaded).toBe(true);
    expect(layerMessages([l("a", true)]).downloaded).toBe(false);
  });
  it("draws the daemon's progress bar", () => {
    expect(progressBar(1_049_000, 7_797_000)).toBe("[======>                                            ]  1.049MB/7.797MB");
    expect(progressBar(0, 0)).toBe("");
  });
});
