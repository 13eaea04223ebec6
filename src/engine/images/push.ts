// docker push (moby v28 graphdriver store: distribution/push.go Push, push_v2.go pushV2Tag;
// daemon/images/image_push.go). Returns the daemon's JSON message stream; every failure after
// "The push refers to repository" is the stream's last (error) message.
import type { JsonMessage } from "../api-types.js";
import { emitEvent } from "../events.js";
import { EngineError, invalidParameter, notFound } from "../errors.js";
import { heavy } from "../heavy.js";
import type { Tx } from "../host.js";
import type { ImageRecord } from "../model.js";
import { hubUser, type AuthConfig } from "../registry/auth.js";
import { resolveEndpoint, type Endpoint } from "../registry/endpoint.js";
import { byteLength, configBlob, digestOf, layerBlob, manifestJson, MEDIA_CONFIG, MEDIA_LAYER, type Descriptor } from "../registry/manifest.js";
import {
  familiarName,
  familiarString,
  fullName,
  fullString,
  parseNormalizedNamed,
  ReferenceError,
  trimNamed,
  type NamedReference,
} from "../registry/reference.js";
import { treeSize } from "./commit.js";
import { formatPlatform, parsePlatform, samePlatform } from "./platform.js";
import { pushLayerMessages, type PushLayer, type PushOutcome } from "./push-layers.js";
import { addReference } from "./refs.js";

export interface PushOptions {
  /** X-Registry-Auth for the reference's registry. */
  auth?: AuthConfig;
  /** Push only this platform's manifest (API 1.46+). */
  platform?: string;
}

class StreamError extends Error {}

const DENIED = "denied: requested access to the resource is denied";

function parseRef(ref: string): NamedReference {
  try {
    return parseNormalizedNamed(ref);
  } catch (e) {
    if (e instanceof ReferenceError) throw invalidParameter(e.message);
    throw e;
  }
}

/** A layer's blob as this host would upload it: the catalogue's, or its files. */
function blobOf(tx: Tx, diffId: string): { digest: string; size: number; data: string; uncompressed: number } {
  const known = heavy().catalogue.getLayer(diffId);
  if (known) return { digest: known.blobDigest, size: known.compressedSize, data: layerBlob(diffId, known.size), uncompressed: known.size };
  const rec = tx.state.layers[diffId];
  const files = rec?.files ?? {};
  const uncompressed = rec?.size ?? treeSize(files);
  const data = layerBlob(diffId, uncompressed, files);
  return { digest: digestOf(data), size: byteLength(data), data, uncompressed };
}

/** Who may write to a Docker Hub repository: its namespace's account, logged in. */
function hubWriteCheck(tx: Tx, ref: NamedReference, auth: AuthConfig | undefined): PushOutcome | undefined {
  let user: string | undefined;
  try {
    user = hubUser(tx.state, auth);
  } catch (e) {
    return { kind: "denied", error: (e as Error).message.replace(/^Get "[^"]*": /, "") };
  }
  const namespace = ref.path.split("/")[0];
  if (user === undefined || namespace === "library" || user !== namespace) return { kind: "denied", error: DENIED };
  return undefined;
}

/** Where the blob can be mounted from instead of uploaded (push_v2.go getRepositoryMountCandidates). */
function mountSource(endpoint: Endpoint, repo: string, digest: string, diffId: string, img: ImageRecord): string | undefined {
  if (endpoint.kind === "hub" && heavy().catalogue.getLayer(diffId)) {
    // Layers pulled from a Hub repository are mounted from it (v2 metadata's source repository).
    const first = img.source?.split("/")[0] ?? "";
    const src = /[.:]/.test(first) || first === "localhost" ? undefined : img.source?.split(":")[0];
    if (src && src !== repo) return src;
  }
  return endpoint.storage.repositories().find((r) => r !== repo && endpoint.storage.hasLayer(r, digest));
}

function pushTag(tx: Tx, endpoint: Endpoint, ref: NamedReference, imageId: string, denied: PushOutcome | undefined, out: JsonMessage[]): void {
  const img = tx.state.images[imageId];
  if (!img) throw new StreamError(`could not find image from tag ${familiarString(ref)}: image not found`);
  const repo = ref.path;
  const { storage } = endpoint;
  const blobs = img.layers.map((d) => blobOf(tx, d));
  // Upload order is the top layer first (push_v2.go walks l.Parent()).
  const layers: PushLayer[] = [];
  for (let i = img.layers.length - 1; i >= 0; i--) {
    const b = blobs[i]!;
    let outcome: PushOutcome;
    if (denied) outcome = denied;
    else if (storage.hasLayer(repo, b.digest)) outcome = { kind: "exists" };
    else {
      const from = mountSource(endpoint, repo, b.digest, img.layers[i]!, img);
      outcome = from ? { kind: "mounted", from } : { kind: "push" };
    }
    layers.push({ id: img.layers[i]!.replace(/^sha256:/, "").slice(0, 12), size: b.uncompressed, outcome });
  }
  const { messages, error } = pushLayerMessages(layers);
  out.push(...messages);
  if (error) throw new StreamError(error);

  const layerDescs: Descriptor[] = blobs.map((b) => ({ mediaType: MEDIA_LAYER, size: b.size, digest: b.digest }));
  blobs.forEach((b, i) => {
    if (storage.getBlob(b.digest) === undefined) storage.putBlob(b.digest, b.data);
    storage.linkLayer(repo, b.digest);
    const rec = tx.state.layers[img.layers[i]!];
    if (rec && !rec.blobDigest) rec.blobDigest = b.digest;
  });
  const config = configBlob(img);
  storage.putBlob(img.id, config);
  storage.linkLayer(repo, img.id);
  const manifest = manifestJson({ mediaType: MEDIA_CONFIG, size: byteLength(config), digest: img.id }, layerDescs);
  const digest = digestOf(manifest);
  storage.putBlob(digest, manifest);
  storage.putManifest(repo, digest, ref.tag);
  const size = byteLength(manifest);
  out.push({ status: `${ref.tag}: digest: ${digest} size: ${size}` });
  // distribution/pull.go addDigestReference: the pushed manifest becomes a RepoDigest.
  const digestRef: NamedReference = { ...trimNamed(ref), digest };
  if (tx.state.references[fullString(digestRef)] === undefined) addReference(tx.state, digestRef, imageId);
  out.push({ aux: { Tag: ref.tag, Digest: digest, Size: size } });
}

export function pushImage(tx: Tx, refText: string, opts: PushOptions = {}): JsonMessage[] {
  const ref = parseRef(refText);
  if (ref.digest) throw invalidParameter("cannot push a digest reference");
  if (opts.platform && ref.tag) {
    // daemon/images/image_push.go: the image must be of that platform (image.go GetImage).
    const wanted = parsePlatform(opts.platform);
    const id = tx.state.references[fullString(ref)];
    const img = id ? tx.state.images[id] : undefined;
    const actual = img ? { os: img.os, architecture: img.architecture, ...(img.variant ? { variant: img.variant } : {}) } : undefined;
    if (actual && !samePlatform(wanted, parsePlatform(formatPlatform(actual)))) {
      throw notFound(`image with reference ${fullString(ref)} was found but does not match the specified platform: wanted ${formatPlatform(wanted)}, actual: ${formatPlatform(actual)}`);
    }
  }
  const out: JsonMessage[] = [{ status: `The push refers to repository [${fullName(ref)}]` }];
  try {
    const name = trimNamed(ref);
    const tagged = Object.entries(tx.state.references)
      .filter(([key]) => key.startsWith(`${fullName(name)}:`) && !key.includes("@"))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (tagged.length === 0) throw new StreamError(`An image does not exist locally with the tag: ${familiarName(ref)}`);
    let targets: Array<[NamedReference, string]>;
    if (ref.tag) {
      const id = tx.state.references[fullString(ref)];
      if (id === undefined) throw new StreamError(`tag does not exist: ${familiarString(ref)}`);
      targets = [[ref, id]];
    } else {
      targets = tagged.map(([key, id]) => [parseNormalizedNamed(key), id]);
    }
    let endpoint: Endpoint;
    try {
      endpoint = resolveEndpoint(tx.state, tx.now, ref.domain, true);
    } catch (e) {
      throw new StreamError((e as Error).message);
    }
    const denied = endpoint.kind === "hub" ? hubWriteCheck(tx, ref, opts.auth) : undefined;
    for (const [target, id] of targets) pushTag(tx, endpoint, target, id, denied, out);
    // distribution/push.go: one event for the reference as asked (ImageEventLogger).
    const labels = targets.length === 1 ? tx.state.images[targets[0]![1]]?.config.Labels : undefined;
    emitEvent(tx.state, tx.now, "image", "push", familiarString(ref), { ...(labels ?? {}), name: familiarName(ref) });
  } catch (e) {
    if (!(e instanceof StreamError) && !(e instanceof EngineError)) throw e;
    out.push({ error: e.message });
  }
  return out;
}
