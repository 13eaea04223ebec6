// GET /images/json (moby: daemon/images/image_list.go Images; api/server/router/image
// getImagesJSON makes missing RepoTags/RepoDigests empty arrays for API >= 1.43).
import type { Filters, ImageSummary } from "../api-types.js";
import type { HostView } from "../host.js";
import type { ImageRecord } from "../model.js";
import { familiarName, familiarString, parseNormalizedNamed, type NamedReference } from "../registry/reference.js";
import { filterBool, matchLabels, validateFilterKeys } from "./filters.js";
import { pathMatch } from "./glob.js";
import { chainIds } from "./layers.js";
import { childrenOf, referencesOf, type StoredRef } from "./refs.js";
import { getImage } from "./resolve.js";
import { parseFilterTime } from "./timestamp.js";

export interface ListImagesOptions {
  all?: boolean;
  filters?: Filters;
  /** Count containers per image (system df); otherwise Containers is -1. */
  containerCount?: boolean;
  sharedSize?: boolean;
}

const ACCEPTED = ["dangling", "label", "before", "since", "reference", "until"];

function tryParse(pattern: string): NamedReference | undefined {
  try {
    return parseNormalizedNamed(pattern);
  } catch {
    return undefined;
  }
}

/** reference.FamiliarMatch: the familiar string, then the familiar name. */
function familiarMatch(pattern: string, ref: NamedReference): boolean {
  return pathMatch(pattern, familiarString(ref)) || pathMatch(pattern, familiarName(ref));
}

function matchesReference(patterns: string[], r: StoredRef): boolean {
  return patterns.some((pattern) => {
    const named = tryParse(pattern);
    // A REPO:TAG pattern is compared with a digest reference by its repository only.
    const query = named?.tag && r.canonical ? familiarName(named) : pattern;
    return familiarMatch(query, r.ref);
  });
}

export function listImages(view: HostView, opts: ListImagesOptions = {}): ImageSummary[] {
  const state = view.state;
  const filters = opts.filters ?? {};
  validateFilterKeys(filters, ACCEPTED);
  const danglingOnly = filterBool(filters, "dangling", false);

  let before: number | undefined;
  for (const v of filters.before ?? []) {
    const t = getImage(state, v).created;
    if (before === undefined || before > t) before = t;
  }
  for (const v of filters.until ?? []) {
    const t = parseFilterTime(v, view.now);
    if (before === undefined || before > t) before = t;
  }
  let since: number | undefined;
  for (const v of filters.since ?? []) {
    const t = getImage(state, v).created;
    if (since === undefined || since < t) since = t;
  }

  const refPatterns = filters.reference;
  const summaries: ImageSummary[] = [];
  for (const img of Object.values(state.images)) {
    const hasChildren = childrenOf(state, img.id).length > 0;
    if (danglingOnly && hasChildren) continue;
    if (before !== undefined && !(img.created < before)) continue;
    if (since !== undefined && !(img.created > since)) continue;
    if (filters.label && !matchLabels(filters.label, img.config.Labels)) continue;

    let repoTags: string[] = [];
    let repoDigests: string[] = [];
    for (const r of referencesOf(state, img.id)) {
      if (refPatterns && !matchesReference(refPatterns, r)) continue;
      if (r.canonical) repoDigests.push(familiarString(r.ref));
      else repoTags.push(familiarString(r.ref));
    }
    if (repoTags.length === 0 && refPatterns) {
      // Only tagged patterns given: a digest-only match is not shown.
      const allTagged = refPatterns.every((p) => tryParse(p)?.tag !== undefined);
      if (allTagged) repoDigests = [];
    }
    if (repoTags.length === 0 && repoDigests.length === 0) {
      if (!(opts.all || !hasChildren)) continue;
      if (filters.dangling && !danglingOnly) continue;
      if (refPatterns) continue;
    } else if (danglingOnly && repoTags.length > 0) continue;

    summaries.push(summaryOf(view, img, repoTags, repoDigests, opts));
  }
  if (opts.sharedSize) applySharedSizes(view, summaries);
  return summaries.sort((a, b) => b.Created - a.Created || (a.Id < b.Id ? -1 : 1));
}

function summaryOf(view: HostView, img: ImageRecord, repoTags: string[], repoDigests: string[], opts: ListImagesOptions): ImageSummary {
  const containers = opts.containerCount ? Object.values(view.state.containers).filter((c) => c.image === img.id).length : -1;
  return {
    Containers: containers,
    Created: Math.floor(img.created / 1000),
    Id: img.id,
    Labels: img.config.Labels ? { ...img.config.Labels } : null,
    ParentId: img.parent,
    RepoDigests: repoDigests,
    RepoTags: repoTags,
    SharedSize: -1,
    Size: img.size,
  };
}

/** Layers (by chain) used by more than one image count as shared. */
function applySharedSizes(view: HostView, summaries: ImageSummary[]): void {
  const state = view.state;
  const refs = new Map<string, number>();
  const sizeOf = new Map<string, number>();
  for (const img of Object.values(state.images)) {
    chainIds(img.layers).forEach((c, i) => {
      refs.set(c, (refs.get(c) ?? 0) + 1);
      sizeOf.set(c, state.layers[img.layers[i]!]?.size ?? 0);
    });
  }
  for (const s of summaries) {
    const img = state.images[s.Id]!;
    s.SharedSize = chainIds(img.layers).reduce((sum, c) => sum + ((refs.get(c) ?? 0) > 1 ? sizeOf.get(c)! : 0), 0);
  }
}
