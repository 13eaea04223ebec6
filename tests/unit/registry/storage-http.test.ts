import { describe, expect, it } from "vitest";
import { createOverlayFs } from "../../../src/engine/fs/overlay.js";
import type { FileTree } from "../../../src/engine/fs/types.js";
import { digestOf, layerBlob, manifestJson, MEDIA_CONFIG, MEDIA_LAYER } from "../../../src/engine/registry/manifest.js";
import { fsStorage, hubStorage } from "../../../src/engine/registry/storage.js";
import { registryHttp } from "../../../src/engine/runtime/services/registry.js";

function freshFs() {
  const upper: FileTree = {};
  return { upper, fs: createOverlayFs([{ "/var/lib/registry": { type: "dir", mode: 0o755 } }], upper) };
}

describe("registry storage", () => {
  it("lays a container's registry out as distribution's filesystem driver does", () => {
    const { fs, upper } = freshFs();
    const s = fsStorage(fs);
    const layer = layerBlob("sha256:" + "1".repeat(64), 10);
    const ld = digestOf(layer);
    s.putBlob(ld, layer);
    s.linkLayer("team/app", ld);
    const m = manifestJson({ mediaType: MEDIA_CONFIG, size: 2, digest: "sha256:" + "2".repeat(64) }, [{ mediaType: MEDIA_LAYER, size: layer.length, digest: ld }]);
    const md = digestOf(m);
    s.putBlob(md, m);
    s.putManifest("team/app", md, "v1");
    const root = "/var/lib/registry/docker/registry/v2";
    expect(Object.keys(upper)).toContain(`${root}/blobs/sha256/${md.slice(7, 9)}/${md.slice(7)}/data`);
    expect(fs.readFile(`${root}/repositories/team/app/_manifests/tags/v1/current/link`)).toBe(md);
    expect(s.repositories()).toEqual(["team/app"]);
    expect(s.tags("team/app")).toEqual(["v1"]);
    expect(s.tag("team/app", "v1")).toBe(md);
    expect(s.hasManifest("team/app", md)).toBe(true);
    expect(s.hasLayer("team/app", ld)).toBe(true);
    expect(s.getBlob(ld)).toBe(layer);
    // A schema2 manifest in Docker's 3-space indent.
    expect(m.split("\n")[1]).toBe('   "schemaVersion": 2,');
  });

  it("keeps Docker Hub pushes in the hub state", () => {
    const hub = { accounts: {}, repositories: {}, blobs: {} };
    const s = hubStorage(hub);
    s.putManifest("alice/app", "sha256:" + "3".repeat(64), "1");
    expect(s.tags("alice/app")).toEqual(["1"]);
    expect(s.tag("alice/app", "constructor")).toBeUndefined();
    expect(s.repositories()).toEqual(["alice/app"]);
  });
});

describe("registry HTTP API", () => {
  it("answers /v2/, the catalog, tag lists and unknown names as distribution does", () => {
    const { fs } = freshFs();
    const s = fsStorage(fs);
    s.putManifest("b", "sha256:" + "4".repeat(64), "latest");
    s.putManifest("a/x", "sha256:" + "5".repeat(64), "2");
    s.putManifest("a/x", "sha256:" + "6".repeat(64), "1");
    const base = registryHttp(fs, "/v2/");
    expect(base.status).toBe(200);
    expect(base.body).toBe("{}");
    expect(base.headers["Docker-Distribution-Api-Version"]).toBe("registry/2.0");
    expect(registryHttp(fs, "/v2/_catalog").body).toBe('{"repositories":["a/x","b"]}\n');
    expect(registryHttp(fs, "/v2/_catalog?n=1").body).toBe('{"repositories":["a/x"]}\n');
    expect(registryHttp(fs, "/v2/a/x/tags/list").body).toBe('{"name":"a/x","tags":["1","2"]}\n');
    const unknown = registryHttp(fs, "/v2/nope/tags/list");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toBe('{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"nope"}}]}\n');
    expect(registryHttp(fs, "/").status).toBe(404);
    expect(registryHttp(fs, "/").body).toBe("404 page not found\n");
  });
});
