// POST /images/load (moby v28: image/tarexport/load.go with the graphdriver store; an archive
// with only index.json is read as the containerd store reads an OCI layout, archive-oci.ts).
// Everything is checked before anything is stored: a broken or hostile archive changes nothing.
import { EngineError, invalidParameter } from "../errors.js";
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import { familiarString, fullString } from "../registry/reference.js";
import { digestBytes } from "./archive-tar.js";
import { BLOB, checkOs, imageOf, newLayer, parseTag, Reader, sizeOf, tmpDir, type Plan, type Planned } from "./archive-plan.js";
import { planOci } from "./archive-oci.js";
import { readJson, type LoadArchive, type LoadLine, type LoadOptions } from "./archive-read.js";
import { addReference } from "./refs.js";
import { formatPlatform, parsePlatform, samePlatform, type Platform } from "./platform.js";

/** An image's platform as --platform names it (variant normalised). */
function platformOf(record: Planned["record"]): Platform {
  try {
    return parsePlatform(formatPlatform({ os: record.os, architecture: record.architecture, variant: record.variant }));
  } catch {
    return { os: record.os, architecture: record.architecture };
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

/** tarexporter.Load: manifest.json, one entry per image. */
function planDocker(tx: Tx, r: Reader, opts: LoadOptions, plan: Plan): void {
  const want = opts.platform ? parsePlatform(opts.platform) : undefined;
  const manifest = readJson(r.archive.files["manifest.json"]!, "manifest.json");
  if (!Array.isArray(manifest)) throw invalidParameter("json: cannot unmarshal object into Go value of type []tarexport.manifestItem");
  let lastHadTags = false;
  for (const item of manifest as Array<Record<string, unknown>>) {
    const record = imageOf(r.file(item?.Config).bytes);
    checkOs(record);
    // --platform loads only the images of that platform; the others are skipped silently.
    if (want && !samePlatform(want, platformOf(record))) continue;
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
  try {
    if (archive.files["manifest.json"]) planDocker(tx, r, opts, plan);
    else if (archive.files["index.json"]) planOci(tx, r, opts, plan);
    else throw new EngineError(`open ${r.tmp}/repositories: no such file or directory`, 500);
  } catch (e) {
    // JSON of the wrong shape (null where an object belongs, ...) is a broken archive, not a crash.
    if (e instanceof TypeError) throw invalidParameter(`invalid archive: ${e.message}`);
    throw e;
  }
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
    emitEvent(state, now, "image", "load", img.id, { ...(img.config.Labels ?? {}), name: img.id });
  }
  for (const { record, parent } of plan.images) {
    if (parent && plan.images.some((p) => p.record.id === parent) && state.images[record.id]) state.images[record.id]!.parent = parent;
  }
  if (plan.printIds && ids !== "") out.push({ text: ids });
  return out;
}
