// The blobs an image archive carries, as bytes: layer tars and config JSON, plus the media
// types and encodings save and load share.
import { EngineError } from "../errors.js";
import { goJson, imageConfigJson } from "../image-config.js";
import type { HostState, ImageRecord } from "../model.js";
import { heavy } from "../heavy.js";
import { digestBytes, layerTar } from "./archive-tar.js";

export const MT = {
  index: "application/vnd.oci.image.index.v1+json",
  manifest: "application/vnd.oci.image.manifest.v1+json",
  config: "application/vnd.oci.image.config.v1+json",
  layer: "application/vnd.oci.image.layer.v1.tar",
} as const;

const encoder = new TextEncoder();
export const utf8 = (s: string): Uint8Array => encoder.encode(s);

/** json.Encoder output: Go's escaping and a trailing newline. */
export const goJsonLine = (v: unknown): string => `${goJson(v)}\n`;

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : "=";
    out += i + 2 < bytes.length ? B64[n & 63]! : "=";
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of clean) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** The uncompressed tar of a stored layer (what its diff id digests); needs loadHeavy() for pulled layers. */
export function layerBytes(state: HostState, diffId: string): Uint8Array {
  const record = state.layers[diffId];
  if (record?.rawTar !== undefined) return fromBase64(record.rawTar);
  if (record?.files) return layerTar(record.files, 0);
  const remote = heavy().catalogue.getLayer(diffId);
  if (remote) return layerTar(remote.files, remote.mtime ?? 0);
  throw new EngineError(`layer does not exist: ${diffId}`, 500);
}

/** The config blob; its sha256 is the image id (image.RawJSON). */
export function configBytes(img: ImageRecord): Uint8Array {
  const bytes = img.rawConfig !== undefined ? utf8(img.rawConfig) : utf8(imageConfigJson(img));
  if (digestBytes(bytes) !== img.id) throw new EngineError(`unable to save ${img.id}: its config does not match its id`, 500);
  return bytes;
}
