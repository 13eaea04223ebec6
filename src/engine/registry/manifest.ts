// The blobs a push uploads and a pull reads back: the image config, one blob per layer and a
// schema2 manifest (distribution: manifest/schema2, marshalled with a 3-space indent as
// json.MarshalIndent(m, "", "   ") does). The manifest digest is the sha256 of its bytes.
// Layer blobs are the simulation's own: the layer's diff id and, for layers the catalogue
// does not hold, its files.
import { imageFromConfig } from "../images/archive-read.js";
import { imageConfigJson } from "../image-config.js";
import { sha256Hex } from "../ids.js";
import type { FileTree } from "../fs/types.js";
import type { ImageRecord } from "../model.js";

export const MEDIA_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
export const MEDIA_CONFIG = "application/vnd.docker.container.image.v1+json";
export const MEDIA_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";

export interface Descriptor {
  mediaType: string;
  size: number;
  digest: string;
}

export interface Manifest {
  schemaVersion: 2;
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
}

export interface LayerBlob {
  diffId: string;
  /** Uncompressed size. */
  size?: number;
  files?: FileTree;
}

export const digestOf = (data: string) => `sha256:${sha256Hex(data)}`;

/** UTF-8 byte length. */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

export function configBlob(img: ImageRecord): string {
  return imageConfigJson(img);
}

export function layerBlob(diffId: string, size: number, files?: FileTree): string {
  return JSON.stringify(files ? { diffId, size, files } : { diffId, size });
}

export function manifestJson(config: Descriptor, layers: Descriptor[]): string {
  const m: Manifest = { schemaVersion: 2, mediaType: MEDIA_MANIFEST, config, layers };
  return JSON.stringify(m, null, 3);
}

export function parseManifest(data: string): Manifest | undefined {
  try {
    const m = JSON.parse(data) as Manifest;
    return m && m.schemaVersion === 2 && Array.isArray(m.layers) && m.config ? m : undefined;
  } catch {
    return undefined;
  }
}

export function parseLayerBlob(data: string): LayerBlob | undefined {
  try {
    const b = JSON.parse(data) as LayerBlob;
    return typeof b?.diffId === "string" ? b : undefined;
  } catch {
    return undefined;
  }
}

/** The image a config blob describes; its id is the config's digest. */
export function imageOfConfig(data: string, digest: string): ImageRecord | undefined {
  try {
    const img = imageFromConfig(JSON.parse(data));
    img.id = digest;
    return img;
  } catch {
    return undefined;
  }
}
