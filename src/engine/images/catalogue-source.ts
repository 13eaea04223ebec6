// The built-in catalogue (Docker Hub's repositories) as a pull source.
import { getByDigest, getLayer, getRepository, getTag, listTags } from "../registry/catalogue/index.js";
import type { RemoteSource } from "./source.js";

export const catalogueSource: RemoteSource = {
  repository: (path) => getRepository(path) !== undefined,
  tag: (path, tag) => getTag(path, tag)?.image,
  digest: (path, digest) => getByDigest(path, digest),
  tags: (path) => listTags(path),
  layer: (diffId) => getLayer(diffId),
};
