// docker pull against a remote source (moby: distribution/pull.go, pull_v2.go pullTag,
// pullRepository; daemon/images/image_pull.go). Returns the daemon's JSON message stream.
// Errors before the first message are thrown (the API answers with an HTTP error); errors
// after it end the stream with an error message, as the daemon writes them.
import type { JsonMessage } from "../api-types.js";
import { emitEvent } from "../events.js";
import { invalidParameter, notFound } from "../errors.js";
import type { Tx } from "../host.js";
import type { HostState, ImageRecord } from "../model.js";
import {
  DEFAULT_DOMAIN,
  familiarName,
  familiarString,
  fullName,
  fullString,
  isNameOnly,
  parseNormalizedNamed,
  ReferenceError,
  tagNameOnly,
  trimNamed,
  type NamedReference,
} from "../registry/reference.js";
import { imageIdOf } from "../image-config.js";
import { chainIds, chainsInUse } from "./layers.js";
import { formatPlatform, parsePlatform, samePlatform, type Platform } from "./platform.js";
import { layerMessages } from "./pull-layers.js";
import { addReference } from "./refs.js";
import type { RemoteImage, RemoteSource } from "./source.js";
import { hubUser, type AuthConfig } from "../registry/auth.js";
import { unreachableRegistry } from "../registry/endpoint.js";

export interface PullOptions {
  allTags?: boolean;
  platform?: string;
  /** X-Registry-Auth: the credentials the client holds for the reference's registry. */
  auth?: AuthConfig;
}

/** A fixed source (Docker Hub only), or one chosen by the reference's domain. */
export type SourceOf = RemoteSource | ((ref: NamedReference) => RemoteSource);

/** A failure after the stream started: it becomes the stream's last (error) message. */
class StreamError extends Error {}

const msg = (status: string, id?: string): JsonMessage => (id === undefined ? { status } : { status, id });

function parseRef(ref: string): NamedReference {
  try {
    // "pull -a" may send the name with a trailing ":" (daemon/images/image_pull.go).
    return parseNormalizedNamed(ref.endsWith(":") ? ref.slice(0, -1) : ref);
  } catch (e) {
    if (e instanceof ReferenceError) throw invalidParameter(e.message);
    throw e;
  }
}

const denied = (ref: NamedReference) =>
  notFound(`pull access denied for ${familiarName(ref)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
const manifestUnknown = (ref: NamedReference) => notFound(`manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`);

function sourceOf(srcOf: SourceOf, ref: NamedReference): RemoteSource {
  if (typeof srcOf === "function") return srcOf(ref);
  if (ref.domain !== DEFAULT_DOMAIN) throw unreachableRegistry(ref.domain);
  return srcOf;
}

function checkRepository(tx: Tx, src: RemoteSource, ref: NamedReference, auth: AuthConfig | undefined): void {
  if (ref.domain === DEFAULT_DOMAIN && familiarName(ref) === "scratch") throw invalidParameter("'scratch' is a reserved name");
  if (ref.domain !== DEFAULT_DOMAIN) return; // a registry container answers "manifest unknown" for any name
  if (!src.repository(ref.path)) throw denied(ref);
  if (src.isPrivate?.(ref.path)) {
    const url = `https://registry-1.docker.io/v2/${ref.path}/manifests/${ref.digest ?? ref.tag ?? "latest"}`;
    const user = hubUser(tx.state, auth, url, "Head");
    if (user === undefined || user !== ref.path.split("/")[0]) throw denied(ref);
  }
}

function resolveRemote(src: RemoteSource, ref: NamedReference): RemoteImage {
  const remote = ref.digest ? src.digest(ref.path, ref.digest) : src.tag(ref.path, ref.tag!);
  if (!remote) throw manifestUnknown(ref);
  return remote;
}

function imagePlatform(r: RemoteImage): Platform {
  return parsePlatform(formatPlatform({ os: r.os, architecture: r.architecture, variant: r.variant }));
}

/** Stores layers and the image; returns the image id. */
function materialize(src: RemoteSource, state: HostState, remote: RemoteImage, source: string): { id: string; messages: JsonMessage[] } {
  const record: ImageRecord = {
    id: "",
    repoDigests: [],
    parent: "",
    comment: "",
    created: remote.created,
    author: "",
    dockerVersion: "",
    architecture: remote.architecture,
    os: remote.os,
    config: structuredClone(remote.config),
    layers: [...remote.layers],
    history: structuredClone(remote.history),
    size: remote.size,
    source,
  };
  if (remote.variant) record.variant = remote.variant;
  // The registry's config digest is the id; our serialisation of the same config is the fallback.
  record.id = remote.id || imageIdOf(record);
  if (state.images[record.id]) return { id: record.id, messages: [] };

  const present = chainsInUse(state);
  const chains = chainIds(record.layers);
  const layers = record.layers.map((diffId, i) => {
    const def = src.layer(diffId);
    return {
      id: (def?.blobDigest ?? diffId).replace(/^sha256:/, "").slice(0, 12),
      compressedSize: def?.compressedSize ?? 0,
      size: def?.size ?? 0,
      exists: present.has(chains[i]!),
    };
  });
  const { messages } = layerMessages(layers);
  for (const diffId of record.layers) {
    if (state.layers[diffId]) continue;
    const def = src.layer(diffId);
    state.layers[diffId] = def ? { diffId, blobDigest: def.blobDigest, size: def.size } : { diffId, size: 0 };
    // Layers made on some host (commit, build) travel with their files.
    if (def?.keepFiles) state.layers[diffId]!.files = structuredClone(def.files);
  }
  state.images[record.id] = record;
  return { id: record.id, messages };
}

/** pull_v2.go pullTag: messages for one tag or digest; returns whether the reference moved. */
function pullOne(src: RemoteSource, tx: Tx, ref: NamedReference, platform: Platform | undefined, out: JsonMessage[]): boolean {
  const remote = resolveRemote(src, ref);
  out.push(msg(`Pulling from ${ref.path}`, ref.digest ?? ref.tag));
  if (platform && !samePlatform(platform, imagePlatform(remote)) && !remote.platforms?.some((p) => samePlatform(platform, parsePlatform(p)))) {
    throw new StreamError(`no matching manifest for ${formatPlatform(platform)} in the manifest list entries`);
  }
  // Where it came from: the Hub path, or the full name for other registries.
  const source = `${ref.domain === DEFAULT_DOMAIN ? ref.path : fullName(ref)}:${ref.tag ?? ref.digest}`;
  const { id, messages } = materialize(src, tx.state, remote, source);
  out.push(...messages);
  const manifestDigest = ref.digest ?? remote.digest;
  out.push(msg(`Digest: ${manifestDigest}`));

  const state = tx.state;
  const digestRef: NamedReference = { ...trimNamed(ref), digest: manifestDigest };
  const addDigest = () => {
    // distribution/pull.go addDigestReference: an existing digest reference is never moved.
    if (state.references[fullString(digestRef)] === undefined) addReference(state, digestRef, id);
  };
  if (state.references[fullString(ref)] === id) {
    addDigest();
    return false;
  }
  if (ref.digest) addReference(state, ref, id);
  else {
    addDigest();
    addReference(state, ref, id);
  }
  return true;
}

function finish(tx: Tx, ref: NamedReference, out: JsonMessage[], updated: boolean): JsonMessage[] {
  const shown = familiarString(ref);
  out.push(msg(updated ? `Status: Downloaded newer image for ${shown}` : `Status: Image is up to date for ${shown}`));
  const attributes: Record<string, string> = {};
  const id = tx.state.references[fullString(tagNameOnly(ref))];
  const labels = id ? tx.state.images[id]?.config.Labels : undefined;
  if (labels) Object.assign(attributes, labels);
  attributes.name = familiarName(ref);
  emitEvent(tx.state, tx.now, "image", "pull", shown, attributes);
  return out;
}

function run(src: RemoteSource, tx: Tx, ref: NamedReference, refs: NamedReference[], platform: Platform | undefined): JsonMessage[] {
  const out: JsonMessage[] = [];
  let updated = false;
  try {
    for (const r of refs) updated = pullOne(src, tx, r, platform, out) || updated;
  } catch (e) {
    if (out.length === 0) throw e;
    out.push({ error: e instanceof Error ? e.message : String(e) });
    return out;
  }
  return finish(tx, ref, out, updated);
}

export function pullFrom(srcOf: SourceOf, tx: Tx, ref: string, opts: PullOptions = {}): JsonMessage[] {
  const named = parseRef(ref);
  if (opts.allTags && isNameOnly(named)) return pullAllTagsFrom(srcOf, tx, ref, opts);
  const platform = opts.platform ? parsePlatform(opts.platform) : undefined;
  const target = tagNameOnly(named);
  const src = sourceOf(srcOf, target);
  checkRepository(tx, src, target, opts.auth);
  resolveRemote(src, target);
  return run(src, tx, target, [target], platform);
}

/** docker pull -a: every tag of the repository, in the registry's (sorted) order. */
export function pullAllTagsFrom(srcOf: SourceOf, tx: Tx, ref: string, opts: Omit<PullOptions, "allTags"> = {}): JsonMessage[] {
  const named = parseRef(ref);
  if (!isNameOnly(named)) throw invalidParameter("tag can't be used with --all-tags/-a");
  const platform = opts.platform ? parsePlatform(opts.platform) : undefined;
  const src = sourceOf(srcOf, named);
  checkRepository(tx, src, named, opts.auth);
  const tags = [...src.tags(named.path)].sort();
  // distribution's tags endpoint answers NAME_UNKNOWN for a repository it never saw.
  if (tags.length === 0) throw notFound("name unknown: repository name not known to registry");
  return run(src, tx, named, tags.map((tag) => ({ ...named, tag })), platform);
}
