// POST /images/load (moby v28: image/tarexport/load.go with the graphdriver store; an archive
// with only index.json is read as the containerd store reads an OCI layout). Everything is
// checked before anything is stored: a broken or hostile archive changes nothing.
import { EngineError, invalidParameter, notFound } from "../errors.js";
import { emitEvent } from "../events.js";
import { heavy } from "../heavy.js";
import type { Tx } from "../host.js";
import { imageConfigJson } from "../image-config.js";
import type { FileTree } from "../fs/types.js";
import type { ImageRecord, LayerRecord } from "../model.js";
import { familiarString, fullString, parseNormalizedNamed, type NamedReference } from "../registry/reference.js";
import { digestBytes } from "./archive-tar.js";
import { toBase64 } from "./archive-blobs.js";
import { layerTar } from "./archive-tar.js";
import { imageFromConfig, readJson, text, type LoadArchive, type LoadLine, type LoadOptions } from "./archive-read.js";
import { treeSize } from "./commit.js";
import { addReference } from "./refs.js";
import { parsePlatform, samePlatform, type Platform } from "./platform.js";

/** One image the archive holds, checked, ready to store. */
interface Planned {
  record: ImageRecord;
  tags: NamedReference[];
  parent?: string;
}

interface Plan {
  images: Planned[];
  layers: Map<string, LayerRecord>;
  lines: LoadLine[];
  /** Whether the ids are printed (load.go prints them when the last image had no tag). */
  printIds: boolean;
}

const BLOB = /^blobs\/sha256\/([a-f0-9]{64})$/;

/** Where the daemon unpacked the archive; only error texts show it. */
function tmpDir(archive: LoadArchive): string {
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

class Reader {
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

/** Every blobs/sha256/<hex> must hash to its name (content store ingestion). */
function verifyBlobs(archive: LoadArchive): void {
  for (const [path, bytes] of Object.entries(archive.files)) {
    const m = BLOB.exec(path);
    if (!m) continue;
    const actual = digestBytes(bytes);
    if (actual !== `sha256:${m[1]}`) throw new EngineError(`unexpected commit digest ${actual}, expected sha256:${m[1]}: failed precondition`, 412);
  }
}

function parseTag(repoTag: string): NamedReference {
  let ref: NamedReference;
  try {
    ref = parseNormalizedNamed(repoTag);
  } catch {
    throw invalidParameter(`invalid tag ${JSON.stringify(repoTag)}`);
  }
  if (!ref.tag || ref.digest) throw invalidParameter(`invalid tag ${JSON.stringify(repoTag)}`);
  return ref;
}

function checkOs(record: ImageRecord): void {
  if (record.os !== "linux") throw invalidParameter(`cannot load ${record.os || "unknown"} image on linux`);
}

/** The config as an image: its digest is the id; bytes our serialiser would not re-create are kept. */
function imageOf(bytes: Uint8Array): ImageRecord {
  const json = text(bytes);
  if (json === undefined) throw invalidParameter("invalid image JSON: not UTF-8");
  const record = imageFromConfig(readJson(bytes, "image JSON"));
  record.id = digestBytes(bytes);
  if (imageConfigJson(record) !== json) record.rawConfig = json;
  return record;
}

/** A layer the host lacks, from its tar: checked against the config's diff id. */
function newLayer(plan: Plan, diffId: string, tar: Uint8Array, tree: FileTree, fileSize: number, quiet: boolean, mismatch: (actual: string) => string): void {
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

function sizeOf(tx: Tx, plan: Plan, layers: string[]): number {
  return layers.reduce((n, d) => n + (plan.layers.get(d)?.size ?? tx.state.layers[d]?.size ?? 0), 0);
}

/** tarexporter.Load: manifest.json, one entry per image. */
function planDocker(tx: Tx, r: Reader, opts: LoadOptions, plan: Plan): void {
  const manifest = readJson(r.archive.files["manifest.json"]!, "manifest.json");
  if (!Array.isArray(manifest)) throw invalidParameter("json: cannot unmarshal object into Go value of type []tarexport.manifestItem");
  let lastHadTags = false;
  for (const item of manifest as Array<Record<string, unknown>>) {
    const record = imageOf(r.file(item?.Config).bytes);
    checkOs(record);
    const layers = Array.isArray(item.Layers) ? item.Layers : [];
    if (layers.length !== record.layers.length) {
      throw invalidParameter(`invalid manifest, layers length mismatch: expected ${layers.length}, got ${record.layers.length}`);
    }
    record.layers.forEach((diffId, i) => {
      if (tx.state.layers[diffId] || plan.layers.has(diffId)) return;
      const file = r.file(layers[i]);
      const { tar, tree } = r.layer(file.path);
      newLayer(plan, diffId, tar, tree, file.bytes.length, opts.quiet === true, (actual) => `invalid diffID for layer ${i}: expected "${diffId}", got "${actual}"`);
    });
    record.size = sizeOf(tx, plan, record.layers);
    const tags = (Array.isArray(item.RepoTags) ? item.RepoTags : []).map((t) => parseTag(String(t)));
    const planned: Planned = { record, tags };
    if (typeof item.Parent === "string" && item.Parent) planned.parent = item.Parent;
    plan.images.push(planned);
    lastHadTags = tags.length > 0;
  }
  plan.printIds = !lastHadTags;
}

const MANIFEST_TYPES = new Set(["application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"]);
const INDEX_TYPES = new Set(["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"]);

function blob(r: Reader, desc: unknown): { path: string; bytes: Uint8Array } {
  const digest = typeof desc === "object" && desc ? String((desc as Record<string, unknown>).digest ?? "") : "";
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw invalidParameter(`invalid digest ${JSON.stringify(digest)}`);
  const path = `blobs/sha256/${digest.slice(7)}`;
  const bytes = r.archive.files[path];
  if (!bytes) throw notFound(`content digest ${digest}: not found`);
  return { path, bytes };
}

/** The name an OCI layout gives a manifest: containerd's image name, else a full ref.name. */
function ociName(annotations: unknown): NamedReference | undefined {
  const a = (typeof annotations === "object" && annotations ? annotations : {}) as Record<string, unknown>;
  for (const key of ["io.containerd.image.name", "org.opencontainers.image.ref.name"]) {
    const v = a[key];
    if (typeof v !== "string") continue;
    try {
      const ref = parseNormalizedNamed(v);
      if (ref.tag && !ref.digest) return ref;
    } catch {
      // A bare tag ("latest") names nothing by itself.
    }
  }
  return undefined;
}

/** An OCI image layout (index.json), as the containerd image store imports it. */
function planOci(tx: Tx, r: Reader, opts: LoadOptions, plan: Plan): void {
  const want: Platform = opts.platform ? parsePlatform(opts.platform) : { os: "linux", architecture: "amd64" };
  const byId = new Map<string, Planned>();
  const visit = (desc: Record<string, unknown>, name: NamedReference | undefined, depth: number): void => {
    const mediaType = String(desc.mediaType ?? "");
    const { bytes } = blob(r, desc);
    const doc = readJson(bytes, "manifest") as Record<string, unknown>;
    const type = mediaType || String(doc.mediaType ?? "");
    if (INDEX_TYPES.has(type) || Array.isArray(doc.manifests)) {
      if (depth > 4) throw invalidParameter("invalid index: nested too deep");
      const children = (Array.isArray(doc.manifests) ? doc.manifests : []) as Array<Record<string, unknown>>;
      const match = children.find((c) => {
        const p = c.platform as Record<string, string> | undefined;
        return !p || samePlatform(want, parsePlatform([p.os, p.architecture, p.variant].filter(Boolean).join("/")));
      });
      if (!match) throw notFound(`no match for platform in manifest: not found`);
      visit(match, name, depth + 1);
      return;
    }
    if (type && !MANIFEST_TYPES.has(type)) throw invalidParameter(`unsupported media type ${type}`);
    const record = imageOf(blob(r, doc.config).bytes);
    checkOs(record);
    const layers = (Array.isArray(doc.layers) ? doc.layers : []) as Array<Record<string, unknown>>;
    if (layers.length !== record.layers.length) {
      throw invalidParameter(`invalid manifest, layers length mismatch: expected ${layers.length}, got ${record.layers.length}`);
    }
    record.layers.forEach((diffId, i) => {
      if (tx.state.layers[diffId] || plan.layers.has(diffId)) return;
      const file = blob(r, layers[i]);
      const { tar, tree } = r.layer(file.path);
      newLayer(plan, diffId, tar, tree, file.bytes.length, opts.quiet === true, (actual) => `failed to extract layer ${diffId}: wrong diff id calculated on extraction "${actual}"`);
    });
    record.size = sizeOf(tx, plan, record.layers);
    let planned = byId.get(record.id);
    if (!planned) {
      planned = { record, tags: [] };
      byId.set(record.id, planned);
      plan.images.push(planned);
    }
    if (name && !planned.tags.some((t) => fullString(t) === fullString(name))) planned.tags.push(name);
  };
  const index = readJson(r.archive.files["index.json"]!, "index.json") as Record<string, unknown>;
  const manifests = (Array.isArray(index?.manifests) ? index.manifests : []) as Array<Record<string, unknown>>;
  for (const desc of manifests) visit(desc, ociName(desc.annotations), 0);
  plan.printIds = plan.images.length > 0 && plan.images[plan.images.length - 1]!.tags.length === 0;
}

/** Loads the archive; returns what `docker load` prints. */
export function loadImages(tx: Tx, archive: LoadArchive, opts: LoadOptions = {}): LoadLine[] {
  const r = new Reader(archive, tmpDir(archive));
  if (opts.platform) {
    try {
      parsePlatform(opts.platform);
    } catch (e) {
      throw invalidParameter((e as Error).message);
    }
  }
  verifyBlobs(archive);
  const plan: Plan = { images: [], layers: new Map(), lines: [], printIds: false };
  if (archive.files["manifest.json"]) planDocker(tx, r, opts, plan);
  else if (archive.files["index.json"]) planOci(tx, r, opts, plan);
  else throw new EngineError(`open ${r.tmp}/repositories: no such file or directory`, 500);
  return store(tx, plan);
}

/** Applies a checked plan: layers, images, tags (moving tags say so), parents, events. */
function store(tx: Tx, plan: Plan): LoadLine[] {
  const { state, now } = tx;
  const out: LoadLine[] = [];
  let layerLines = plan.lines;
  for (const [diffId, record] of plan.layers) state.layers[diffId] ??= record;
  let ids = "";
  for (const { record, tags } of plan.images) {
    // Progress lines of the layers this image brought come before its "Loaded image" lines.
    const mine = layerLines.filter((l) => "progress" in l && record.layers.some((d) => d.slice(7, 19) === l.progress.id));
    layerLines = layerLines.filter((l) => !mine.includes(l));
    out.push(...mine);
    const img = (state.images[record.id] ??= record);
    ids += `Loaded image ID: ${img.id}\n`;
    for (const ref of tags) {
      const key = fullString(ref);
      const prev = state.references[key];
      if (prev && prev !== img.id) {
        out.push({ text: `The image ${familiarString(ref)} already exists, renaming the old one with ID ${prev} to empty string\n` });
      }
      addReference(state, ref, img.id);
      img.lastTagTime = now;
      out.push({ text: `Loaded image: ${familiarString(ref)}\n` });
    }
    emitEvent(state, now, "image", "load", img.id, { name: img.id });
  }
  for (const { record, parent } of plan.images) {
    if (parent && plan.images.some((p) => p.record.id === parent) && state.images[record.id]) state.images[record.id]!.parent = parent;
  }
  if (plan.printIds) out.push({ text: ids });
  return out;
}
