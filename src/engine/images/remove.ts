// DELETE /images/{name} (moby: daemon/images/image_delete.go ImageDelete, imageDeleteHelper,
// checkImageDeleteConflict). Hard conflicts: child images, running containers. Soft ones:
// other references, stopped containers; -f overrides the soft ones only.
import type { RemoveImageItem } from "../api-types.js";
import { emitEvent } from "../events.js";
import { conflict, invalidParameter, type EngineError } from "../errors.js";
import type { Tx } from "../host.js";
import type { ContainerRecord, HostState } from "../model.js";
import { familiarString, fullName, parseNormalizedNamed, ReferenceError, tagNameOnly, type NamedReference } from "../registry/reference.js";
import { chainIds, chainsInUse, dropUnusedLayers } from "./layers.js";
import { childrenOf, deleteReference, referencesOf, type StoredRef } from "./refs.js";
import { getImage } from "./resolve.js";

export interface RemoveImageOptions {
  force?: boolean;
  noPrune?: boolean;
}

const CHILD = 1;
const RUNNING = 2;
const ACTIVE_REF = 4;
const STOPPED = 8;
const HARD = CHILD | RUNNING;
const SOFT = ACTIVE_REF | STOPPED;

const short = (id: string) => id.replace(/^sha256:/, "").slice(0, 12);

interface DeleteConflict {
  error: EngineError;
  used: boolean;
}

function firstContainer(state: HostState, pred: (c: ContainerRecord) => boolean): ContainerRecord | undefined {
  return Object.values(state.containers)
    .filter(pred)
    .sort((a, b) => a.created - b.created)[0];
}

function checkConflict(state: HostState, imgId: string, mask: number): DeleteConflict | undefined {
  const make = (hard: boolean, used: boolean, message: string): DeleteConflict => ({
    used,
    error: conflict(`conflict: unable to delete ${short(imgId)} (${hard ? "cannot be forced" : "must be forced"}) - ${message}`),
  });
  if (mask & CHILD && childrenOf(state, imgId).length > 0) return make(true, false, "image has dependent child images");
  if (mask & RUNNING) {
    const c = firstContainer(state, (c) => c.image === imgId && c.state.running);
    if (c) return make(true, true, `image is being used by running container ${short(c.id)}`);
  }
  if (mask & ACTIVE_REF && referencesOf(state, imgId).length > 0) return make(false, false, "image is referenced in multiple repositories");
  if (mask & STOPPED) {
    const c = firstContainer(state, (c) => c.image === imgId && !c.state.running);
    if (c) return make(false, true, `image is being used by stopped container ${short(c.id)}`);
  }
  return undefined;
}

/** All references are in one repository, with at most one tag (isSingleReference). */
function isSingleReference(refs: StoredRef[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  const canonicalNames = new Set<string>();
  let single: StoredRef | undefined;
  for (const r of refs) {
    if (r.canonical) canonicalNames.add(fullName(r.ref));
    else if (!single) single = r;
    else return false;
  }
  const name = fullName((single ?? refs[0]!).ref);
  return canonicalNames.size === 1 && canonicalNames.has(name);
}

function isImageIdPrefix(imageId: string, possible: string): boolean {
  return imageId.startsWith(possible) || imageId.slice(imageId.indexOf(":") + 1).startsWith(possible);
}

function untagEvent(tx: Tx, imgId: string): void {
  const labels = tx.state.images[imgId]?.config.Labels ?? {};
  emitEvent(tx.state, tx.now, "image", "untag", imgId, { ...labels, name: imgId });
}

function untag(tx: Tx, ref: NamedReference, records: RemoveImageItem[]): NamedReference {
  const r = tagNameOnly(ref);
  deleteReference(tx.state, r);
  records.push({ Untagged: familiarString(r) });
  return r;
}

function deleteHelper(tx: Tx, imgId: string, records: RemoveImageItem[], force: boolean, prune: boolean, quiet: boolean): void {
  const state = tx.state;
  const found = checkConflict(state, imgId, force ? HARD : HARD | SOFT);
  if (found) {
    const dangling = referencesOf(state, imgId).length === 0 && childrenOf(state, imgId).length === 0;
    if (quiet && (!dangling || found.used)) return;
    throw found.error;
  }
  const img = state.images[imgId]!;
  for (const r of referencesOf(state, imgId)) {
    untag(tx, r.ref, records);
    untagEvent(tx, imgId);
  }
  // Layers stay while another image shares the chain or a container still sits on this image.
  const usedByContainer = Object.values(state.containers).some((c) => c.image === imgId);
  const inUse = chainsInUse(state, imgId);
  delete state.images[imgId];
  emitEvent(state, tx.now, "image", "delete", imgId, { name: imgId });
  records.push({ Deleted: imgId });
  if (!usedByContainer) {
    for (const c of chainIds(img.layers).reverse()) {
      if (inUse.has(c)) break;
      records.push({ Deleted: c });
    }
  }
  dropUnusedLayers(state, usedByContainer ? img.layers : []);
  if (prune && img.parent && state.images[img.parent]) deleteHelper(tx, img.parent, records, false, true, true);
}

export function removeImage(tx: Tx, ref: string, opts: RemoveImageOptions = {}): RemoveImageItem[] {
  const state = tx.state;
  const force = opts.force ?? false;
  const prune = !opts.noPrune;
  const img = getImage(state, ref);
  const imgId = img.id;
  let repoRefs = referencesOf(state, imgId);
  const records: RemoveImageItem[] = [];
  let removedRepositoryRef = false;

  if (!isImageIdPrefix(imgId, ref)) {
    if (!force && isSingleReference(repoRefs)) {
      const c = firstContainer(state, (c) => c.image === imgId);
      if (c) {
        throw conflict(`conflict: unable to remove repository reference "${ref}" (must force) - container ${short(c.id)} is using its referenced image ${short(imgId)}`);
      }
    }
    let parsed: NamedReference;
    try {
      parsed = parseNormalizedNamed(ref);
    } catch (e) {
      if (e instanceof ReferenceError) throw invalidParameter(e.message);
      throw e;
    }
    parsed = untag(tx, parsed, records);
    untagEvent(tx, imgId);
    repoRefs = referencesOf(state, imgId);
    if (!parsed.digest) {
      // The last tag of a repository takes that repository's digest references with it.
      const name = fullName(parsed);
      if (!repoRefs.some((r) => !r.canonical && fullName(r.ref) === name)) {
        const remaining: StoredRef[] = [];
        for (const r of repoRefs) {
          if (r.canonical && fullName(r.ref) === name) untag(tx, r.ref, records);
          else remaining.push(r);
        }
        repoRefs = remaining;
      }
    }
    if (repoRefs.length > 0) return records;
    removedRepositoryRef = true;
  } else if (isSingleReference(repoRefs)) {
    const found = checkConflict(state, imgId, force ? HARD : HARD | (SOFT & ~ACTIVE_REF));
    if (found) throw found.error;
    for (const r of repoRefs) {
      untag(tx, r.ref, records);
      untagEvent(tx, imgId);
    }
  }
  deleteHelper(tx, imgId, records, force, prune, removedRepositoryRef);
  return records;
}
