import { describe, expect, it } from "vitest";
import { imageConfigJson, imageIdOf } from "../../../src/engine/image-config.js";
import { inspectImage } from "../../../src/engine/images/inspect.js";
import { listImages } from "../../../src/engine/images/list.js";
import { pullImage } from "../../../src/engine/images/pull.js";
import { removeImage } from "../../../src/engine/images/remove.js";
import { getTag, listRepositories, listTags } from "../../../src/engine/registry/catalogue/index.js";
import { makeEngine } from "./fixtures.js";

describe("pull from the built-in catalogue", () => {
  it("pulls alpine with the catalogue's ids and digests", async () => {
    const { engine, store } = makeEngine();
    const remote = getTag("library/alpine", "latest")!.image;
    const msgs = await engine.transact((tx) => pullImage(tx, "alpine", {}));
    expect(msgs[0]).toEqual({ status: "Pulling from library/alpine", id: "latest" });
    expect(msgs.at(-2)).toEqual({ status: `Digest: ${remote.digest}` });
    expect(msgs.at(-1)).toEqual({ status: "Status: Downloaded newer image for alpine:latest" });
    const s = store.snapshot();
    expect(s.references["docker.io/library/alpine:latest"]).toBe(remote.id);
    const view = await engine.view();
    expect(listImages(view)[0]).toMatchObject({ Id: remote.id, RepoTags: ["alpine:latest"], RepoDigests: [`alpine@${remote.digest}`], Size: remote.size });
    expect(inspectImage(view, "alpine").RootFS.Layers).toEqual(remote.layers);
    expect(await engine.transact((tx) => removeImage(tx, "alpine"))).toEqual([
      { Untagged: "alpine:latest" },
      { Untagged: `alpine@${remote.digest}` },
      { Deleted: remote.id },
      { Deleted: remote.layers[0] },
    ]);
  });

  it("our config serialisation gives the catalogue's image id when no string needs Go's HTML escaping", () => {
    let checked = 0;
    for (const path of listRepositories()) {
      for (const tag of listTags(path)) {
        const img = getTag(path, tag)!.image;
        if (/\\u00(26|3c|3e)/.test(imageConfigJson(img))) continue;
        expect(imageIdOf(img), `${path}:${tag}`).toBe(img.id);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });
});
