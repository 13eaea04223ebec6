import { describe, expect, it } from "vitest";
import { imageHistory } from "../../../src/engine/images/history.js";
import { inspectImage } from "../../../src/engine/images/inspect.js";
import { chainIds, cacheId } from "../../../src/engine/images/layers.js";
import { findImage, getImage } from "../../../src/engine/images/resolve.js";
import { tagImage } from "../../../src/engine/images/tag.js";
import { addImage, diff, DIGEST, makeEngine, T0 } from "./fixtures.js";

describe("resolve", () => {
  it("finds by reference, full id, short id with or without sha256:, digest", async () => {
    const { engine } = makeEngine();
    const id = await engine.transact((tx) => addImage(tx, { layers: ["a"], refs: ["nginx:latest", `nginx@${DIGEST("n")}`] }));
    const { state } = await engine.view();
    const hex = id.slice(7);
    for (const ref of ["nginx", "nginx:latest", "docker.io/library/nginx", id, hex, hex.slice(0, 12), hex.slice(0, 3), `sha256:${hex.slice(0, 5)}`, `nginx@${DIGEST("n")}`]) {
      expect(findImage(state, ref)?.id, ref).toBe(id);
    }
    expect(findImage(state, "nginx:1")).toBeUndefined();
    expect(() => getImage(state, "nope")).toThrow("No such image: nope:latest");
    expect(() => getImage(state, "nope:1.0")).toThrow("No such image: nope:1.0");
    expect(() => getImage(state, "a".repeat(64))).toThrow(`No such image: sha256:${"a".repeat(64)}`);
    expect(() => getImage(state, "UP")).toThrow("invalid reference format: repository name (library/UP) must be lowercase");
  });
});

describe("inspectImage", () => {
  it("has the 1.50 shape and key order", async () => {
    const { engine } = makeEngine();
    const id = await engine.transact((tx) => addImage(tx, { layers: ["a", "b"], refs: ["nginx:latest", `nginx@${DIGEST("n")}`] }));
    const out = inspectImage(await engine.view(), "nginx");
    expect(Object.keys(out)).toEqual([
      "Id", "RepoTags", "RepoDigests", "Parent", "Comment", "Created", "DockerVersion", "Author", "Config",
      "Architecture", "Os", "Size", "GraphDriver", "RootFS", "Metadata",
    ]);
    const [c1, c2] = chainIds([diff("a"), diff("b")]);
    expect(out).toEqual({
      Id: id,
      RepoTags: ["nginx:latest"],
      RepoDigests: [`nginx@${DIGEST("n")}`],
      Parent: "",
      Comment: "buildkit.dockerfile.v0",
      Created: new Date(T0 - 86_400_000).toISOString().replace(".000", ""),
      DockerVersion: "",
      Author: "",
      Config: { Env: ["PATH=/usr/bin"], Cmd: ["sh"] },
      Architecture: "amd64",
      Os: "linux",
      Size: 2000,
      GraphDriver: {
        Data: {
          LowerDir: `/var/lib/docker/overlay2/${cacheId(c1!)}/diff`,
          MergedDir: `/var/lib/docker/overlay2/${cacheId(c2!)}/merged`,
          UpperDir: `/var/lib/docker/overlay2/${cacheId(c2!)}/diff`,
          WorkDir: `/var/lib/docker/overlay2/${cacheId(c2!)}/work`,
        },
        Name: "overlay2",
      },
      RootFS: { Type: "layers", Layers: [diff("a"), diff("b")] },
      Metadata: { LastTagTime: "0001-01-01T00:00:00Z" },
    });
  });
});

describe("tagImage", () => {
  it("adds a normalised tag, sets LastTagTime and emits tag", async () => {
    const { engine, store } = makeEngine();
    const id = await engine.transact((tx) => addImage(tx, { layers: ["a"], refs: ["alpine:latest"], labels: { a: "1" } }));
    await engine.transact((tx) => tagImage(tx, "alpine", "myrepo/app"));
    const s = store.snapshot();
    expect(s.references["docker.io/myrepo/app:latest"]).toBe(id);
    expect(s.images[id]!.lastTagTime).toBe(T0);
    expect(s.events.at(-1)).toMatchObject({ type: "image", action: "tag", actorId: id, attributes: { a: "1", name: "myrepo/app:latest" } });
    expect(inspectImage(await engine.view(), id).Metadata.LastTagTime).toBe("2025-06-01T10:00:00Z");
    expect(inspectImage(await engine.view(), id).RepoTags).toEqual(["alpine:latest", "myrepo/app:latest"]);
  });

  it("moves an existing tag and reports daemon errors", async () => {
    const { engine, store } = makeEngine();
    const a = await engine.transact((tx) => addImage(tx, { layers: ["a"], refs: ["x:1"] }));
    const b = await engine.transact((tx) => addImage(tx, { layers: ["b"], refs: ["y:1"] }));
    await engine.transact((tx) => tagImage(tx, "y:1", "x:1"));
    expect(store.snapshot().references["docker.io/library/x:1"]).toBe(b);
    expect(a).not.toBe(b);
    await expect(engine.transact((tx) => tagImage(tx, "nope", "x:2"))).rejects.toThrow("No such image: nope:latest");
    await expect(engine.transact((tx) => tagImage(tx, "y:1", `x@${DIGEST("q")}`))).rejects.toThrow("refusing to create a tag with a digest reference");
  });
});

describe("imageHistory", () => {
  it("is newest first with the id and tags on the top entry only", async () => {
    const { engine } = makeEngine();
    const id = await engine.transact((tx) => {
      const id = addImage(tx, { layers: ["a", "b"], refs: ["app:1"] });
      tx.state.images[id]!.history.push({ created: "2025-05-02T00:00:00Z", created_by: 'CMD ["sh"]', comment: "buildkit.dockerfile.v0", empty_layer: true });
      return id;
    });
    const items = imageHistory(await engine.view(), "app:1");
    expect(items).toEqual([
      { Comment: "buildkit.dockerfile.v0", Created: Date.UTC(2025, 4, 2) / 1000, CreatedBy: 'CMD ["sh"]', Id: id, Size: 0, Tags: ["app:1"] },
      { Comment: "buildkit.dockerfile.v0", Created: Date.UTC(2025, 4, 1) / 1000, CreatedBy: "ADD b /", Id: "<missing>", Size: 1000, Tags: null },
      { Comment: "buildkit.dockerfile.v0", Created: Date.UTC(2025, 4, 1) / 1000, CreatedBy: "ADD a /", Id: "<missing>", Size: 1000, Tags: null },
    ]);
  });
});
