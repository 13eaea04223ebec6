// The reference store seen from one image: tags and digests that point at it, in moby's order
// (reference/store.go References sorts by the full reference string).
import type { HostState, ImageRecord } from "../model.js";
import { familiarString, fullString, parseNormalizedNamed, type NamedReference } from "../registry/reference.js";

export interface StoredRef {
  /** The key in state.references: "docker.io/library/nginx:latest". */
  key: string;
  ref: NamedReference;
  canonical: boolean;
}

function toStored(key: string): StoredRef | undefined {
  try {
    const ref = parseNormalizedNamed(key);
    return { key, ref, canonical: ref.digest !== undefined };
  } catch {
    return undefined;
  }
}

/** All references to an image (tags and digests), sorted like the daemon's reference store. */
export function referencesOf(state: HostState, imageId: string): StoredRef[] {
  const keys = new Set<string>();
  for (const [key, id] of Object.entries(state.references)) if (id === imageId) keys.add(key);
  for (const d of state.images[imageId]?.repoDigests ?? []) keys.add(d);
  const refs = [...keys].map(toStored).filter((r): r is StoredRef => r !== undefined);
  return refs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Adds a tag or digest reference. A tag that moves leaves its old image (moby: reference/store.go addReference). */
export function addReference(state: HostState, ref: NamedReference, imageId: string): void {
  const key = fullString(ref);
  const previous = state.references[key];
  if (previous && previous !== imageId && ref.digest) {
    const old = state.images[previous];
    if (old) old.repoDigests = old.repoDigests.filter((d) => d !== key);
  }
  state.references[key] = imageId;
  const img = state.images[imageId];
  if (ref.digest && img && !img.repoDigests.includes(key)) img.repoDigests.push(key);
}

/** Deletes a reference; returns true when it existed. */
export function deleteReference(state: HostState, ref: NamedReference): boolean {
  const key = fullString(ref);
  let found = false;
  const id = state.references[key];
  if (id !== undefined) {
    delete state.references[key];
    found = true;
  }
  for (const img of Object.values(state.images)) {
    if (img.repoDigests.includes(key)) {
      img.repoDigests = img.repoDigests.filter((d) => d !== key);
      found = true;
    }
  }
  return found;
}

export function repoTagsOf(state: HostState, imageId: string): string[] {
  return referencesOf(state, imageId)
    .filter((r) => !r.canonical)
    .map((r) => familiarString(r.ref));
}

export function repoDigestsOf(state: HostState, imageId: string): string[] {
  return referencesOf(state, imageId)
    .filter((r) => r.canonical)
    .map((r) => familiarString(r.ref));
}

/** Images whose parent is this one (moby: image/store.go Children). */
export function childrenOf(state: HostState, imageId: string): ImageRecord[] {
  return Object.values(state.images).filter((img) => img.parent === imageId);
}
