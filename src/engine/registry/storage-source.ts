// Pull sources over a registry's storage: a registry container, and Docker Hub as the
// catalogue plus what users pushed there (a pushed tag wins over the catalogue's).
import type { HeavyParts } from "../heavy.js";
import { treeSize } from "../images/commit.js";
import type { RemoteImage, RemoteLayer, RemoteSource } from "../images/source.js";
import type { HubState } from "../model.js";
import { imageOfConfig, parseLayerBlob, parseManifest } from "./manifest.js";
import type { RegistryStorage } from "./storage.js";

type Catalogue = HeavyParts["catalogue"];

export function storageSource(storage: RegistryStorage, catalogue: Catalogue): RemoteSource {
  const layers = new Map<string, RemoteLayer>();
  const image = (repo: string, digest: string): RemoteImage | undefined => {
    if (!storage.hasManifest(repo, digest)) return undefined;
    const m = parseManifest(storage.getBlob(digest) ?? "");
    if (!m) return undefined;
    const img = imageOfConfig(storage.getBlob(m.config.digest) ?? "", m.config.digest);
    if (!img || img.layers.length !== m.layers.length) return undefined;
    let size = 0;
    m.layers.forEach((desc, i) => {
      const diffId = img.layers[i]!;
      const blob = parseLayerBlob(storage.getBlob(desc.digest) ?? "");
      const known = catalogue.getLayer(diffId);
      const files = blob?.files ?? known?.files ?? {};
      const layerSize = blob?.size ?? known?.size ?? treeSize(files);
      size += layerSize;
      const layer: RemoteLayer = { key: known?.key ?? "", diffId, blobDigest: desc.digest, size: layerSize, compressedSize: desc.size, files };
      if (!known) layer.keepFiles = true;
      layers.set(diffId, layer);
    });
    const out: RemoteImage = {
      key: "",
      id: img.id,
      manifestDigest: digest,
      digest,
      created: img.created,
      architecture: img.architecture,
      os: img.os,
      config: img.config,
      history: img.history,
      layers: img.layers,
      size,
    };
    if (img.variant) out.variant = img.variant;
    return out;
  };
  return {
    repository: (path) => storage.tags(path).length > 0,
    tag: (path, tag) => {
      const d = storage.tag(path, tag);
      return d ? image(path, d) : undefined;
    },
    digest: (path, digest) => image(path, digest),
    tags: (path) => storage.tags(path),
    layer: (diffId) => layers.get(diffId) ?? catalogue.getLayer(diffId),
  };
}

/** Docker Hub: the catalogue, with users' pushed repositories over it. */
export function hubSource(hub: HubState, pushed: RegistryStorage, catalogue: Catalogue): RemoteSource {
  const own = storageSource(pushed, catalogue);
  const catalogueHas = (path: string) => catalogue.getRepository(path) !== undefined;
  return {
    repository: (path) => own.repository(path) || catalogueHas(path),
    tag: (path, tag) => own.tag(path, tag) ?? catalogue.getTag(path, tag)?.image,
    digest: (path, digest) => own.digest(path, digest) ?? catalogue.getByDigest(path, digest),
    tags: (path) => [...new Set([...own.tags(path), ...catalogue.listTags(path)])].sort(),
    layer: (diffId) => own.layer(diffId),
    isPrivate: (path) => hub.repositories[path]?.private === true || catalogue.getRepository(path)?.private === true,
  };
}
