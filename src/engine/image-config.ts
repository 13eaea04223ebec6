// The image config blob as a registry serves it and `docker save` writes it: top-level keys
// sorted as buildkit emits them, the config in image-spec field order with empty fields left
// out, and Go's json escaping. Its sha256 is the image id.
import { sha256Hex } from "./ids.js";
import type { HistoryEntry, ImageConfig, ImageRecord } from "./model.js";
import { rfc3339Nano } from "./timefmt.js";

/** Go's encoding/json escapes <, > and & (and U+2028/U+2029) in strings. */
export function goJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === "" ||
  v === false ||
  v === 0 ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** docker-image-spec DockerOCIImageConfig: ocispec.ImageConfig then the Docker extensions, all omitempty. */
export function ociImageConfig(c: ImageConfig): Record<string, unknown> {
  const ordered: Array<[string, unknown]> = [
    ["User", c.User],
    ["ExposedPorts", c.ExposedPorts],
    ["Env", c.Env],
    ["Entrypoint", c.Entrypoint],
    ["Cmd", c.Cmd],
    ["Volumes", c.Volumes],
    ["WorkingDir", c.WorkingDir],
    ["Labels", c.Labels],
    ["StopSignal", c.StopSignal],
    ["ArgsEscaped", c.ArgsEscaped],
    ["Healthcheck", c.Healthcheck],
    ["OnBuild", c.OnBuild],
    ["Shell", c.Shell],
  ];
  const out: Record<string, unknown> = {};
  for (const [k, v] of ordered) if (!isEmpty(v)) out[k] = v;
  return out;
}

function historyJson(h: HistoryEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (h.created) out.created = h.created;
  if (h.created_by) out.created_by = h.created_by;
  if (h.author) out.author = h.author;
  if (h.comment) out.comment = h.comment;
  if (h.empty_layer) out.empty_layer = true;
  return out;
}

/** What a config blob is made of; `created` in ms, or already formatted as the registry stored it. */
export type ConfigSource = Pick<ImageRecord, "architecture" | "variant" | "os" | "config" | "history" | "layers"> & {
  created: number | string;
  author?: string;
};

export function imageConfigJson(img: ConfigSource): string {
  const doc: Record<string, unknown> = { architecture: img.architecture };
  if (img.author) doc.author = img.author;
  doc.config = ociImageConfig(img.config);
  doc.created = typeof img.created === "string" ? img.created : rfc3339Nano(img.created);
  doc.history = img.history.map(historyJson);
  doc.os = img.os;
  doc.rootfs = { type: "layers", diff_ids: img.layers };
  if (img.variant) doc.variant = img.variant;
  return goJson(doc);
}

export function imageIdOf(img: ConfigSource): string {
  return `sha256:${sha256Hex(imageConfigJson(img))}`;
}
