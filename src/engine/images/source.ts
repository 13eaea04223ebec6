// What a pull needs from a registry: repositories, tags, digests and layer blobs.
import type { CatalogueImage, CatalogueLayer } from "../registry/catalogue/types.js";

/** One platform's image as a registry serves it; `platforms` lists the index's other entries. */
export interface RemoteImage extends CatalogueImage {
  platforms?: string[];
}

/** A layer blob; `keepFiles` when the catalogue does not hold its files (pushed local layers). */
export interface RemoteLayer extends CatalogueLayer {
  keepFiles?: boolean;
}

export interface RemoteSource {
  repository(path: string): boolean;
  tag(path: string, tag: string): RemoteImage | undefined;
  digest(path: string, digest: string): RemoteImage | undefined;
  tags(path: string): string[];
  layer(diffId: string): RemoteLayer | undefined;
  /** Docker Hub: repositories only their owner may pull. */
  isPrivate?(path: string): boolean;
}
