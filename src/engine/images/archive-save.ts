// GET /images/get: `docker save` with the graphdriver image store (moby v28:
// image/tarexport/save.go). Which images and tags the names select, then the archive: every
// layer tar and config under blobs/sha256/, an OCI manifest per image, index.json,
// manifest.json, oci-layout and repositories. Blob names are the sha256 of their bytes.
import { EngineError, invalidParameter, notFound } from "../errors.js";
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import type { HostState, ImageRecord } from "../model.js";
import { familiarName, fullString, parseAnyReference, ReferenceError, tagNameOnly, type NamedReference } from "../registry/reference.js";
import { parsePlatform } from "./platform.js";
import { searchIdPrefix } from "./resolve.js";
import { digestBytes, writeTar, type TarMember } from "./archive-tar.js";
import { configBytes, goJsonLine, layerBytes, MT, utf8 } from "./archive-blobs.js";

interface Selected {
  img: ImageRecord;
  /** Tagged references, in the order the names gave them. */
  refs: NamedReference[];
}

function sameRepo(a: NamedReference, b: NamedReference): boolean {
  return a.domain === b.domain && a.path === b.path;
}

/** ReferencesByName: every tag and digest of the repository, sorted like the reference store. */
function referencesByName(state: HostState, name: NamedReference): Array<{ ref: NamedReference; id: string }> {
  const out: Array<{ ref: NamedReference; id: string; key: string }> = [];
  for (const [key, id] of Object.entries(state.references)) {
    let ref: NamedReference;
    try {
      const any = parseAnyReference(key);
      if (any.kind !== "named") continue;
      ref = any.ref;
    } catch {
      continue;
    }
    if (sameRepo(ref, name)) out.push({ ref, id, key });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** tarexporter.parseNames. */
export function selectImages(state: HostState, names: string[]): Selected[] {
  const chosen = new Map<string, Selected>();
  const add = (id: string, ref?: NamedReference): void => {
    const img = state.images[id];
    if (!img) throw notFound(`No such image: ${id}`);
    let sel = chosen.get(id);
    if (!sel) chosen.set(id, (sel = { img, refs: [] }));
    if (!ref || ref.digest) return;
    const tagged = tagNameOnly(ref);
    if (!sel.refs.some((r) => fullString(r) === fullString(tagged))) sel.refs.push(tagged);
  };
  const search = (name: string): string => {
    const img = searchIdPrefix(state, name);
    if (!img) throw notFound(`No such image: ${name}`);
    return img.id;
  };
  for (const name of names) {
    let parsed;
    try {
      parsed = parseAnyReference(name);
    } catch (e) {
      if (e instanceof ReferenceError) throw invalidParameter(e.message);
      throw e;
    }
    if (parsed.kind === "id") {
      add(parsed.id);
      continue;
    }
    const ref = parsed.ref;
    if (familiarName(ref) === "sha256") {
      add(search(name));
      continue;
    }
    if (!ref.tag && !ref.digest) {
      const assocs = referencesByName(state, ref);
      for (const a of assocs) add(a.id, a.ref);
      if (assocs.length === 0) add(search(name));
      continue;
    }
    const key = ref.digest ? fullString({ domain: ref.domain, path: ref.path, digest: ref.digest }) : fullString(ref);
    const id = state.references[key] ?? Object.values(state.images).find((i) => i.repoDigests.includes(key))?.id;
    if (!id) throw notFound("reference does not exist");
    add(id, ref);
  }
  return [...chosen.values()];
}

interface Blob {
  bytes: Uint8Array;
  mtime: number;
}

/** The archive bytes of `docker save NAME...`; emits a save event per image. */
export function saveImages(tx: Tx, names: string[], opts: { platform?: string } = {}): Uint8Array {
  const { state, now } = tx;
  if (opts.platform) {
    try {
      parsePlatform(opts.platform);
    } catch (e) {
      throw invalidParameter((e as Error).message);
    }
  }
  const selected = selectImages(state, names);
  const blobs = new Map<string, Blob>();
  const putBlob = (bytes: Uint8Array, mtime: number): { digest: string; size: number } => {
    const digest = digestBytes(bytes);
    if (!blobs.has(digest)) blobs.set(digest, { bytes, mtime });
    return { digest, size: bytes.length };
  };
  const manifest: Record<string, unknown>[] = [];
  const indexEntries: Record<string, unknown>[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  let blobsDirTime = 0;

  for (const { img, refs } of selected) {
    if (img.layers.length === 0) throw new EngineError("empty export - not implemented", 500);
    const sources: Record<string, { mediaType: string; size: number; digest: string }> = {};
    const ociLayers: Array<{ mediaType: string; digest: string; size: number }> = [];
    for (const diffId of img.layers) {
      const tar = layerBytes(state, diffId);
      const { digest, size } = putBlob(tar, img.created);
      sources[diffId] = { mediaType: MT.layer, size, digest };
      ociLayers.push({ mediaType: MT.layer, digest, size });
    }
    const config = configBytes(img);
    putBlob(config, img.created);
    blobsDirTime = img.created;
    const m = utf8(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MT.manifest,
        config: { mediaType: MT.config, digest: img.id, size: config.length },
        layers: ociLayers,
      }),
    );
    const md = putBlob(m, 0);
    const untagged = { mediaType: MT.manifest, digest: md.digest, size: md.size };
    const repoTags: string[] = [];
    for (const ref of refs) {
      const familiar = familiarName(ref);
      (repositories[familiar] ??= {})[ref.tag!] = img.layers[img.layers.length - 1]!.slice("sha256:".length);
      repoTags.push(`${familiar}:${ref.tag!}`);
      indexEntries.push({
        ...untagged,
        annotations: { "io.containerd.image.name": fullString(ref), "org.opencontainers.image.ref.name": ref.tag! },
      });
    }
    // save.go checks the whole list, so only the first untagged image gets an entry.
    if (indexEntries.length === 0) indexEntries.push(untagged);
    const item: Record<string, unknown> = {
      Config: `blobs/${img.id.replace(":", "/")}`,
      RepoTags: repoTags.length > 0 ? repoTags : null,
      Layers: img.layers.map((d) => `blobs/${d.replace(":", "/")}`),
    };
    // validatedParentLinks: a parent is named only when it is saved too.
    if (img.parent && selected.some((s) => s.img.id === img.parent)) item.Parent = img.parent;
    item.LayerSources = Object.fromEntries(Object.keys(sources).sort().map((k) => [k, sources[k]]));
    manifest.push(item);
    emitEvent(state, now, "image", "save", img.id, { ...(img.config.Labels ?? {}), name: img.id });
  }

  const members: TarMember[] = [
    { name: "blobs/", type: "dir", mode: 0o755, mtime: blobsDirTime },
    { name: "blobs/sha256/", type: "dir", mode: 0o755, mtime: 0 },
  ];
  for (const digest of [...blobs.keys()].sort()) {
    const b = blobs.get(digest)!;
    members.push({ name: `blobs/sha256/${digest.slice("sha256:".length)}`, type: "file", mode: 0o644, mtime: b.mtime, body: b.bytes });
  }
  const index = { schemaVersion: 2, mediaType: MT.index, manifests: indexEntries };
  members.push({ name: "index.json", type: "file", mode: 0o644, mtime: now, body: utf8(JSON.stringify(index)) });
  members.push({ name: "manifest.json", type: "file", mode: 0o644, mtime: 0, body: utf8(goJsonLine(manifest)) });
  members.push({ name: "oci-layout", type: "file", mode: 0o644, mtime: 0, body: utf8('{"imageLayoutVersion": "1.0.0"}') });
  if (Object.keys(repositories).length > 0) {
    members.push({ name: "repositories", type: "file", mode: 0o644, mtime: 0, body: utf8(goJsonLine(sortKeys(repositories))) });
  }
  return writeTar(members);
}

/** Go marshals maps with sorted keys. */
function sortKeys(o: Record<string, Record<string, string>>): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const k of Object.keys(o).sort()) out[k] = Object.fromEntries(Object.keys(o[k]!).sort().map((t) => [t, o[k]![t]!]));
  return out;
}
