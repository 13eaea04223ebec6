// What save's reverse needs whichever layout an archive has: reading its files, turning a
// config into an image, checking a layer tar against its diff id (moby v28:
// image/tarexport/load.go), collected in a plan that is stored only once all of it holds.
import { EngineError, invalidParameter } from "../errors.js";
import { heavy } from "../heavy.js";
import type { Tx } from "../host.js";
import { imageConfigJson } from "../image-config.js";
import type { FileTree } from "../fs/types.js";
import type { ImageRecord, LayerRecord } from "../model.js";
import { parseNormalizedNamed, type NamedReference } from "../registry/reference.js";
import { digestBytes, layerTar } from "./archive-tar.js";
import { toBase64 } from "./archive-blobs.js";
import { imageFromConfig, readJson, text, type LoadArchive, type LoadLine } from "./archive-read.js";
import { treeSize } from "./commit.js";

/** One image the archive holds, checked, ready to store. */
export interface Planned {
  record: ImageRecord;
  tags: NamedReference[];
  parent?: string;
}

export interface Plan {
  images: Planned[];
  layers: Map<string, LayerRecord>;
  lines: LoadLine[];
  /** Whether the ids are printed (load.go prints them when the last image had no tag). */
  printIds: boolean;
}

export const BLOB = /^blobs\/sha256\/([a-f0-9]{64})$/;

/** Where the daemon unpacked the archive; only error texts show it. */
export function tmpDir(archive: LoadArchive): string {
  const names = Object.keys(archive.files).sort().join("\n");
  const n = parseInt(digestBytes(new TextEncoder().encode(names)).slice(7, 15), 16) % 1_000_000_000;
  return `/var/lib/docker/tmp/docker-import-${n}`;
}

function cleanRel(p: string): string | undefined {
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join("/");
}

export class Reader {
  constructor(
    readonly archive: LoadArchive,
    readonly tmp: string,
  ) {}

  /** safePath + os.ReadFile. */
  file(path: unknown): { path: string; bytes: Uint8Array } {
    const raw = typeof path === "string" ? path : "";
    const rel = raw.startsWith("/") ? undefined : cleanRel(raw);
    if (rel === undefined) throw invalidParameter(`invalid path: ${JSON.stringify(raw)} is outside of the archive`);
    const bytes = this.archive.files[rel];
    if (!bytes) throw new EngineError(`open ${this.tmp}/${rel}: no such file or directory`, 500);
    return { path: rel, bytes };
  }

  layer(path: string): { tar: Uint8Array; tree: FileTree } {
    const broken = this.archive.broken?.[path];
    if (broken) throw new EngineError(broken, 500);
    const t = this.archive.tars[path];
    if (!t) throw new EngineError("archive/tar: invalid tar header", 500);
    return t;
  }
}

export function parseTag(repoTag: string): NamedReference {
  let ref: NamedReference;
  try {
    ref = parseNormalizedNamed(repoTag);
  } catch {
    throw invalidParameter(`invalid tag ${JSON.stringify(repoTag)}`);
  }
  if (!ref.tag || ref.digest) throw invalidParameter(`invalid tag ${JSON.stringify(repoTag)}`);
  return ref;
}

export function checkOs(record: ImageRecord): void {
  if (record.os !== "linux") throw invalidParameter(`cannot load ${record.os || "unknown"} image on linux`);
}

/** The config as an image: its digest is the id; bytes our serialiser would not re-create are kept. */
export function imageOf(bytes: Uint8Array): ImageRecord {
  const json = text(bytes);
  if (json === undefined) throw invalidParameter("invalid image JSON: not UTF-8");
  const record = imageFromConfig(readJson(bytes, "image JSON"));
  record.id = digestBytes(bytes);
  if (imageConfigJson(record) !== json) record.rawConfig = json;
  return record;
}

/** A layer the host lacks, from its tar: checked against the config's diff id. */
export function newLayer(plan: Plan, diffId: string, tar: Uint8Array, tree: FileTree, fileSize: number, quiet: boolean, mismatch: (actual: string) => string): void {
  const actual = digestBytes(tar);
  if (actual !== diffId) throw new EngineError(mismatch(actual), 500);
  if (plan.layers.has(diffId)) return;
  const remote = heavy().catalogue.getLayer(diffId);
  let record: LayerRecord;
  if (remote) record = { diffId, blobDigest: remote.blobDigest, size: remote.size };
  else {
    record = { diffId, size: treeSize(tree), files: tree };
    if (digestBytes(layerTar(tree, 0)) !== diffId) record.rawTar = toBase64(tar);
  }
  plan.layers.set(diffId, record);
  if (!quiet) {
    const id = diffId.slice("sha256:".length, "sha256:".length + 12);
    plan.lines.push({ progress: { id, status: "Loading layer", progressDetail: { current: fileSize, total: fileSize } } });
  }
}

export function sizeOf(tx: Tx, plan: Plan, layers: string[]): number {
  return layers.reduce((n, d) => n + (plan.layers.get(d)?.size ?? tx.state.layers[d]?.size ?? 0), 0);
}

