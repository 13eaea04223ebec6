// What a pull needs from a registry: repositories, tags, digests and layer blobs.
import type { CatalogueImage, CatalogueLayer } from "../registry/catalogue/types.js";

/** One platform's image as a registry serves it; `platforms` lists the index's other entries. */
export interface RemoteImage extends CatalogueImage {
  platforms?: string[];
}

export interface RemoteSource {
  repository(path: string): boolean;
  tag(path: string, tag: string): RemoteImage | undefined;
  digest(path: string, digest: string): RemoteImage | undefined;
  tags(path: string): string[];
  layer(diffId: string): CatalogueLayer | undefined;
}
