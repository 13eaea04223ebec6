// docker pull against a remote source (moby: distribution/pull.go, pull_v2.go pullTag,
// pullRepository; daemon/images/image_pull.go). Returns the daemon's JSON message stream.
// Errors before the first message are thrown (the API answers with an HTTP error); errors
// after it end the stream with an error message, as the daemon writes them.
import type { JsonMessage } from "../api-types.js";
import { emitEvent } from "../events.js";
import { EngineError, invalidParameter, notFound } from "../errors.js";
import type { Tx } from "../host.js";
import type { HostState, ImageRecord } from "../model.js";
import {
  DEFAULT_DOMAIN,
  familiarName,
  familiarString,
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

export interface PullOptions {
  allTags?: boolean;
  platform?: string;
}

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

/** What Go's HTTP client reports when nothing listens on the registry's port. */
export function unreachableRegistry(domain: string): EngineError {
  const [host, port] = domain.split(":") as [string, string | undefined];
  const loopback = host === "localhost" || /^127\./.test(host) || host === "[::1]";
  if (loopback) {
    // Loopback registries are insecure by default: the plain-HTTP attempt's error is the last one.
    const ip = host === "localhost" ? "127.0.0.1" : host;
    return new EngineError(`Get "http://${domain}/v2/": dial tcp ${ip}:${port ?? "80"}: connect: connection refused`, 500);
  }
  return new EngineError(`Get "https://${domain}/v2/": dial tcp: lookup ${host} on 127.0.0.53:53: no such host`, 500);
}

const denied = (ref: NamedReference) =>
  notFound(`pull access denied for ${familiarName(ref)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
const manifestUnknown = (ref: NamedReference) => notFound(`manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`);

function checkRepository(src: RemoteSource, ref: NamedReference): void {
  if (ref.domain !== DEFAULT_DOMAIN) throw unreachableRegistry(ref.domain);
  if (familiarName(ref) === "scratch") throw invalidParameter("'scratch' is a reserved name");
  if (!src.repository(ref.path)) throw denied(ref);
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
  const { id, messages } = materialize(src, tx.state, remote, `${ref.path}:${ref.tag ?? ref.digest}`);
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

export function pullFrom(src: RemoteSource, tx: Tx, ref: string, opts: PullOptions = {}): JsonMessage[] {
  const named = parseRef(ref);
  if (opts.allTags && isNameOnly(named)) return pullAllTagsFrom(src, tx, ref, opts);
  const platform = opts.platform ? parsePlatform(opts.platform) : undefined;
  const target = tagNameOnly(named);
  checkRepository(src, target);
  resolveRemote(src, target);
  return run(src, tx, target, [target], platform);
}

/** docker pull -a: every tag of the repository, in the registry's (sorted) order. */
export function pullAllTagsFrom(src: RemoteSource, tx: Tx, ref: string, opts: Omit<PullOptions, "allTags"> = {}): JsonMessage[] {
  const named = parseRef(ref);
  if (!isNameOnly(named)) throw invalidParameter("tag can't be used with --all-tags/-a");
  const platform = opts.platform ? parsePlatform(opts.platform) : undefined;
  checkRepository(src, named);
  const tags = [...src.tags(named.path)].sort();
  return run(src, tx, named, tags.map((tag) => ({ ...named, tag })), platform);
}
