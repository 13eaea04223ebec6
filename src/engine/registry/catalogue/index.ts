// Lookups into the built-in catalogue of remote repositories. Indexes are built on first
// use and file trees only when a layer is asked for, so start-up costs nothing.
import { imageDefs, layerDefs, repositories } from "./data.js";
import { IMAGE_DIGESTS, LAYER_DIGESTS } from "./digests.js";
import { layerTimes } from "./blobs.js";
import type { CatalogueImage, CatalogueLayer, CatalogueTag, ImageDef, LayerDef, RepositoryDef, SearchResult } from "./types.js";

export type { CatalogueImage, CatalogueLayer, CatalogueTag, RepositoryDef, SearchResult } from "./types.js";

let repoIndex: Map<string, RepositoryDef> | undefined;
let imageDefIndex: Map<string, ImageDef> | undefined;
let layerDefIndex: Map<string, LayerDef> | undefined;
let diffIdIndex: Map<string, string> | undefined;
let layerTimeIndex: Map<string, number> | undefined;
const images = new Map<string, CatalogueImage>();
const layers = new Map<string, CatalogueLayer>();

/** Catalogue objects are shared between callers: freeze them so a stray write fails loudly. */
function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

function repoMap(): Map<string, RepositoryDef> {
  return (repoIndex ??= new Map(repositories.map((r) => [r.path, r])));
}

function layerDefMap(): Map<string, LayerDef> {
  return (layerDefIndex ??= new Map(layerDefs.map((l) => [l.key, l])));
}

function digestsOfLayer(key: string): readonly [string, string] {
  const d = LAYER_DIGESTS[key];
  if (!d) throw new Error(`catalogue: no digests for layer ${key}`);
  return d;
}

function resolveImage(key: string): CatalogueImage {
  const cached = images.get(key);
  if (cached) return cached;
  const def = (imageDefIndex ??= new Map(imageDefs.map((i) => [i.key, i]))).get(key);
  const d = IMAGE_DIGESTS[key];
  if (!def || !d) throw new Error(`catalogue: unknown image ${key}`);
  const ldefs = layerDefMap();
  const img: CatalogueImage = {
    key,
    id: d[0],
    manifestDigest: d[1],
    digest: d[2],
    created: Date.parse(def.created),
    architecture: def.architecture,
    os: def.os,
    ...(def.variant ? { variant: def.variant } : {}),
    config: structuredClone(def.config),
    history: structuredClone(def.history),
    layers: def.layers.map((k) => digestsOfLayer(k)[0]),
    size: def.layers.reduce((n, k) => n + (ldefs.get(k)?.size ?? 0), 0),
  };
  images.set(key, deepFreeze(img));
  return img;
}

/** A repository by its path in the registry ("library/nginx"), or undefined. */
export function getRepository(path: string): RepositoryDef | undefined {
  return repoMap().get(path);
}

/** Tags of a repository, sorted; [] for an unknown repository. */
export function listTags(path: string): string[] {
  const r = getRepository(path);
  return r ? Object.keys(r.tags).sort() : [];
}

/** The image a tag points at (frozen: copy before changing). */
export function getTag(path: string, tag: string): CatalogueTag | undefined {
  const r = getRepository(path);
  const key = r && Object.hasOwn(r.tags, tag) ? r.tags[tag] : undefined;
  return key ? { repository: path, tag, image: resolveImage(key) } : undefined;
}

/** The image of a repository whose index digest (or platform manifest digest) is `digest`. */
export function getByDigest(path: string, digest: string): CatalogueImage | undefined {
  const r = getRepository(path);
  if (!r) return undefined;
  for (const key of new Set(Object.values(r.tags))) {
    const img = resolveImage(key);
    if (img.digest === digest || img.manifestDigest === digest) return img;
  }
  return undefined;
}

/** Tags of a repository that point at the given image key, sorted. */
export function tagsOfImage(path: string, imageKey: string): string[] {
  const r = getRepository(path);
  return r ? Object.keys(r.tags).filter((t) => r.tags[t] === imageKey).sort() : [];
}

/** A layer by diff id, with its files (frozen); undefined when the catalogue has no such layer. */
export function getLayer(diffId: string): CatalogueLayer | undefined {
  const cached = layers.get(diffId);
  if (cached) return cached;
  if (!diffIdIndex) {
    diffIdIndex = new Map();
    for (const [key, [id]] of Object.entries(LAYER_DIGESTS)) diffIdIndex.set(id, key);
  }
  const key = diffIdIndex.get(diffId);
  const def = key ? layerDefMap().get(key) : undefined;
  if (!key || !def) return undefined;
  const [id, blobDigest] = digestsOfLayer(key);
  const mtime = (layerTimeIndex ??= layerTimes(imageDefs)).get(key) ?? 0;
  const layer: CatalogueLayer = { key, diffId: id, blobDigest, size: def.size, compressedSize: def.compressedSize, files: def.files(), mtime };
  layers.set(diffId, deepFreeze(layer));
  return layer;
}

/** Every repository path, sorted. */
export function listRepositories(): string[] {
  return [...repoMap().keys()].sort();
}

/**
 * Repositories matching a `docker search` term: the term is matched against the name and
 * the description, case-insensitively. Results are ordered by stars, most first; private
 * repositories are never listed.
 */
export function search(term: string): SearchResult[] {
  const t = term.toLowerCase();
  return repositories
    .filter((r) => !r.private)
    .map((r) => ({
      name: r.path.startsWith("library/") ? r.path.slice("library/".length) : r.path,
      description: r.description,
      stars: r.stars,
      official: r.official,
    }))
    .filter((r) => r.name.includes(t) || r.description.toLowerCase().includes(t))
    .sort((a, b) => b.stars - a.stars || a.name.localeCompare(b.name));
}
