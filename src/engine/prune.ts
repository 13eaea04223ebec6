// The prune operations (moby: daemon/prune.go ContainersPrune and NetworksPrune,
// daemon/images/image_prune.go ImagePrune, volume/service/service.go Prune, the builder's
// cache prune). Each validates its filters, removes what is unused and logs a `prune` event.
import type { Filters, RemoveImageItem } from "./api-types.js";
import { removeContainerRecord } from "./containers/process.js";
import { rwSize } from "./containers/list.js";
import { EngineError, invalidParameter } from "./errors.js";
import { emitEvent } from "./events.js";
import type { Tx } from "./host.js";
import { filterBool, matchLabels, validateFilterKeys } from "./images/filters.js";
import { chainIds } from "./images/layers.js";
import { childrenOf, referencesOf } from "./images/refs.js";
import { removeImage } from "./images/remove.js";
import { parseFilterTime } from "./images/timestamp.js";
import type { EventRecord, HostState } from "./model.js";
import type {
  BuildCachePruneReport,
  ContainerPruneReport,
  ImagePruneReport,
  NetworkPruneReport,
  VolumePruneReport,
} from "./system/types.js";
import type { FileTree } from "./fs/types.js";
import { ANONYMOUS_LABEL } from "./volumes/store.js";

/** getUntilFromPruneFilters: at most one `until`, read as a timestamp or a duration before now. */
function untilOf(filters: Filters, now: number): number | undefined {
  const values = filters.until;
  if (!values || values.length === 0) return undefined;
  if (values.length > 1) throw invalidParameter("more than one until filter specified");
  return parseFilterTime(values[0]!, now);
}

/** matchLabels of the prune code: every `label` matches and no `label!` does. */
export function pruneLabelsMatch(filters: Filters, labels: Record<string, string> | null | undefined): boolean {
  if (filters.label && !matchLabels(filters.label, labels)) return false;
  const not = filters["label!"];
  if (not && not.length > 0 && matchLabels(not, labels)) return false;
  return true;
}

function pruneEvent(tx: Tx, type: EventRecord["type"], reclaimed: number): void {
  emitEvent(tx.state, tx.now, type, "prune", "", { reclaimed: String(reclaimed) });
}

const byCreated = <T extends { created: number }>(a: T, b: T) => a.created - b.created;

export function pruneContainers(tx: Tx, filters: Filters = {}): ContainerPruneReport {
  validateFilterKeys(filters, ["label", "label!", "until"]);
  const until = untilOf(filters, tx.now);
  const report: ContainerPruneReport = { ContainersDeleted: null, SpaceReclaimed: 0 };
  for (const c of Object.values(tx.state.containers).sort(byCreated)) {
    if (c.state.running) continue;
    if (until !== undefined && c.created > until) continue;
    if (!pruneLabelsMatch(filters, c.config.Labels)) continue;
    const size = rwSize(c);
    removeContainerRecord(tx, c, tx.now);
    report.SpaceReclaimed += size;
    (report.ContainersDeleted ??= []).push(c.id);
  }
  pruneEvent(tx, "container", report.SpaceReclaimed);
  return report;
}

/** Layer sizes by chain id: what deleting a chain frees (the layer's diff size). */
function chainSizes(state: HostState): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const img of Object.values(state.images)) {
    chainIds(img.layers).forEach((chain, i) => sizes.set(chain, state.layers[img.layers[i]!]?.size ?? 0));
  }
  return sizes;
}

/** Runs one ImageDelete; conflicts and missing references skip the image, as the daemon does. */
function tryRemove(tx: Tx, ref: string): RemoveImageItem[] {
  try {
    return removeImage(tx, ref, {});
  } catch (error) {
    if (error instanceof EngineError) return [];
    throw error;
  }
}

export function pruneImages(tx: Tx, filters: Filters = {}): ImagePruneReport {
  const state = tx.state;
  validateFilterKeys(filters, ["dangling", "label", "label!", "until"]);
  const danglingOnly = filterBool(filters, "dangling", true);
  const until = untilOf(filters, tx.now);
  const sizes = chainSizes(state);
  // Heads (images without children) when only dangling ones go, else every image.
  const candidates = Object.values(state.images)
    .filter((img) => !danglingOnly || childrenOf(state, img.id).length === 0)
    .filter((img) => !(referencesOf(state, img.id).length === 0 && childrenOf(state, img.id).length > 0))
    .filter((img) => until === undefined || img.created <= until)
    .filter((img) => pruneLabelsMatch(filters, img.config.Labels))
    .sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));

  const deleted: RemoveImageItem[] = [];
  for (const img of candidates) {
    if (!state.images[img.id]) continue;
    const refs = referencesOf(state, img.id);
    if (refs.length === 0) {
      deleted.push(...tryRemove(tx, img.id.slice("sha256:".length)));
      continue;
    }
    // Dangling-only keeps every image that still has a tag.
    if (danglingOnly && refs.some((r) => !r.canonical)) continue;
    for (const r of refs) deleted.push(...tryRemove(tx, r.key));
  }
  const report: ImagePruneReport = { ImagesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: 0 };
  for (const d of deleted) if (d.Deleted) report.SpaceReclaimed += sizes.get(d.Deleted) ?? 0;
  pruneEvent(tx, "image", report.SpaceReclaimed);
  return report;
}

const PREDEFINED_NETWORKS = new Set(["bridge", "host", "none"]);

/** Whether a running container has an endpoint on the network. */
function networkHasEndpoints(state: HostState, name: string): boolean {
  return Object.values(state.containers).some((c) => Boolean(c.networks[name]?.endpointId));
}

export function pruneNetworks(tx: Tx, filters: Filters = {}): NetworkPruneReport {
  const state = tx.state;
  validateFilterKeys(filters, ["label", "label!", "until"]);
  const until = untilOf(filters, tx.now);
  const report: NetworkPruneReport = { NetworksDeleted: null };
  for (const n of Object.values(state.networks).sort(byCreated)) {
    if (PREDEFINED_NETWORKS.has(n.name)) continue;
    if (until !== undefined && n.created > until) continue;
    if (!pruneLabelsMatch(filters, n.labels)) continue;
    if (networkHasEndpoints(state, n.name)) continue;
    delete state.networks[n.id];
    emitEvent(state, tx.now, "network", "destroy", n.id, { name: n.name, type: n.driver });
    (report.NetworksDeleted ??= []).push(n.name);
  }
  pruneEvent(tx, "network", 0);
  return report;
}

/** Bytes held by a tree of files (the `du` of a volume or a writable layer). */
export function treeSize(tree: FileTree): number {
  let size = 0;
  for (const entry of Object.values(tree)) if (entry.type === "file") size += entry.size ?? entry.content.length;
  return size;
}

/** Containers (any state) that mount the volume. */
export function volumeRefCount(state: HostState, name: string): number {
  return Object.values(state.containers).filter((c) => c.mounts.some((m) => m.Type === "volume" && m.Name === name)).length;
}

/** strconv.ParseBool's accepted spellings. */
const GO_BOOLS: Record<string, boolean> = { "1": true, t: true, T: true, TRUE: true, true: true, True: true, "0": false, f: false, F: false, FALSE: false, false: false, False: false };

export function pruneVolumes(tx: Tx, filters: Filters = {}): VolumePruneReport {
  const state = tx.state;
  validateFilterKeys(filters, ["label", "label!", "all"]);
  // volume/service/convert.go withPrune: without all=true only anonymous volumes qualify.
  let all = false;
  if (filters.all) {
    if (filters.all.length > 1) throw invalidParameter(`invalid filter 'all=[${filters.all.join(" ")}]': only one value is expected`);
    const value = filters.all[0] ?? "";
    const parsed = GO_BOOLS[value];
    if (parsed === undefined) throw invalidParameter(`invalid filter 'all': strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
    all = parsed;
  }
  const report: VolumePruneReport = { VolumesDeleted: null, SpaceReclaimed: 0 };
  for (const v of Object.values(state.volumes).sort(byCreated)) {
    if (v.driver !== "local") continue;
    if (!all && !(ANONYMOUS_LABEL in v.labels)) continue;
    if (!pruneLabelsMatch(filters, v.labels)) continue;
    if (volumeRefCount(state, v.name) > 0) continue;
    const size = treeSize(v.files);
    delete state.volumes[v.name];
    emitEvent(state, tx.now, "volume", "destroy", v.name, { driver: v.driver });
    report.SpaceReclaimed += size;
    (report.VolumesDeleted ??= []).push(v.name);
  }
  pruneEvent(tx, "volume", report.SpaceReclaimed);
  return report;
}

const CACHE_FIELDS = ["id", "parent", "type", "description", "inuse", "shared", "private"];

/**
 * The simulation keeps no build cache: nothing to delete, but the filters are still checked
 * (builder/builder-next/builder.go Prune and toBuildkitPruneInfo).
 */
export function pruneBuildCache(tx: Tx, opts: { all?: boolean; filters?: Filters } = {}): BuildCachePruneReport {
  try {
    checkCacheFilters(opts.filters ?? {}, tx.now);
  } catch (error) {
    // api/server/backend/build Backend.PruneCache wraps every failure.
    if (error instanceof EngineError) throw invalidParameter(`failed to prune build cache: ${error.message}`);
    throw error;
  }
  pruneEvent(tx, "builder", 0);
  return { CachesDeleted: null, SpaceReclaimed: 0 };
}

function checkCacheFilters(filters: Filters, now: number): void {
  validateFilterKeys(filters, ["unused-for", "until", "label", "label!", ...CACHE_FIELDS]);
  const until = filters.until ?? [];
  const unusedFor = filters["unused-for"] ?? [];
  if (until.length > 0 && unusedFor.length > 0) throw invalidParameter('conflicting filters: "until" and "unused-for"');
  const key = unusedFor.length > 0 ? "unused-for" : "until";
  const values = [...until, ...unusedFor];
  if (values.length > 1) throw invalidParameter("filters expect only one value");
  if (values.length === 1) {
    try {
      parseFilterTime(values[0]!, now);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      throw invalidParameter(`"${key}" filter expects a duration (e.g., '24h') or a timestamp: ${error.message}`);
    }
  }
  for (const field of CACHE_FIELDS) if ((filters[field]?.length ?? 0) > 1) throw invalidParameter("filters expect only one value");
}
