// The built-in catalogue (Docker Hub's repositories) as a pull source.
import type { HeavyParts } from "../heavy.js";
import type { RemoteSource } from "./source.js";

export function catalogueSourceOf({ getByDigest, getLayer, getRepository, getTag, listTags }: HeavyParts["catalogue"]): RemoteSource {
  return {
    repository: (path) => getRepository(path) !== undefined,
    tag: (path, tag) => getTag(path, tag)?.image,
    digest: (path, digest) => getByDigest(path, digest),
    tags: (path) => listTags(path),
    layer: (diffId) => getLayer(diffId),
  };
}
