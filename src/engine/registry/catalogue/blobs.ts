// The catalogue's content-addressed blobs: how a layer, an image config, a manifest and an
// index are serialised, and the sha256 digests derived from those bytes. The digests are
// stored precomputed in digests.ts (start-up stays cheap); a test recomputes them.
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { imageConfigJson as sharedImageConfigJson } from "../../image-config.js";
import { layerDiffId } from "../../images/archive-tar.js";
import type { ImageDef, LayerDef } from "./types.js";

export const digestOf = (s: string): string => `sha256:${bytesToHex(sha256(utf8ToBytes(s)))}`;

/** The well-known empty layer: an empty tar, gzipped (32 bytes). */
export const EMPTY_LAYER_DIFF_ID = "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";
export const EMPTY_LAYER_BLOB = "sha256:4f4fb700ef54461cfa02571ae0db9a0dc1e0cdb5577484a6d75e68dc38e8acc1";

/** When a layer's files were written: the build step that made it, in the first image using it. */
export function layerTimes(images: ImageDef[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const img of images) {
    let i = 0;
    for (const h of img.history) {
      if (h.empty_layer) continue;
      const key = img.layers[i++];
      if (key !== undefined && !times.has(key)) times.set(key, Date.parse(h.created || img.created));
    }
  }
  return times;
}

/** The diff id is the sha256 of the layer tar (files stamped with the layer's build time). */
export function layerDigests(def: LayerDef, mtime: number): { diffId: string; blobDigest: string } {
  const files = def.files();
  if (def.size === 0 && Object.keys(files).length === 0) return { diffId: EMPTY_LAYER_DIFF_ID, blobDigest: EMPTY_LAYER_BLOB };
  const diffId = layerDiffId(files, mtime);
  return { diffId, blobDigest: digestOf(`gzip:${diffId}:${def.compressedSize}`) };
}

/** The image config blob; its digest is the image ID. */
export function imageConfigJson(def: ImageDef, diffIds: string[]): string {
  return sharedImageConfigJson({ ...def, layers: diffIds });
}

const byteLength = (s: string): number => utf8ToBytes(s).length;

export function manifestJson(configJson: string, layers: { blobDigest: string; compressedSize: number }[]): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: "application/vnd.oci.image.manifest.v1+json",
    config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: digestOf(configJson), size: byteLength(configJson) },
    layers: layers.map((l) => ({ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: l.blobDigest, size: l.compressedSize })),
  });
}

export function indexJson(manifest: string, def: ImageDef): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: "application/vnd.oci.image.index.v1+json",
    manifests: [
      {
        mediaType: "application/vnd.oci.image.manifest.v1+json",
        digest: digestOf(manifest),
        size: byteLength(manifest),
        platform: { architecture: def.architecture, os: def.os, ...(def.variant ? { variant: def.variant } : {}) },
      },
    ],
  });
}

/** Every digest of the catalogue, computed from content: what digests.ts must hold. */
export function computeDigests(layers: LayerDef[], images: ImageDef[]): {
  layers: Record<string, [string, string]>;
  images: Record<string, [string, string, string]>;
} {
  const out = { layers: {} as Record<string, [string, string]>, images: {} as Record<string, [string, string, string]> };
  const byKey = new Map(layers.map((l) => [l.key, l]));
  const times = layerTimes(images);
  for (const l of layers) {
    const d = layerDigests(l, times.get(l.key) ?? 0);
    out.layers[l.key] = [d.diffId, d.blobDigest];
  }
  for (const img of images) {
    const ls = img.layers.map((k) => {
      const def = byKey.get(k);
      if (!def) throw new Error(`image ${img.key}: unknown layer ${k}`);
      const [diffId, blobDigest] = out.layers[k]!;
      return { diffId, blobDigest, compressedSize: def.compressedSize };
    });
    const config = imageConfigJson(img, ls.map((l) => l.diffId));
    const manifest = manifestJson(config, ls);
    out.images[img.key] = [digestOf(config), digestOf(manifest), digestOf(indexJson(manifest, img))];
  }
  return out;
}
