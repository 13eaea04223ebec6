// Layer chains as the daemon's layer store keys them (moby: layer/layer.go CreateChainID),
// and the reference counting that decides which layers an image removal frees.
import { sha256Hex } from "../ids.js";
import type { HostState, ImageRecord } from "../model.js";

/** chainID(L1) = diffID(L1); chainID(Ln) = sha256(chainID(Ln-1) + " " + diffID(Ln)). */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const diffId of diffIds) {
    const parent = out[out.length - 1];
    out.push(parent === undefined ? diffId : `sha256:${sha256Hex(`${parent} ${diffId}`)}`);
  }
  return out;
}

/** Chain ids still needed by images other than `except` and by containers. */
export function chainsInUse(state: HostState, except?: string): Set<string> {
  const used = new Set<string>();
  for (const img of Object.values(state.images)) {
    if (img.id === except) continue;
    for (const c of chainIds(img.layers)) used.add(c);
  }
  return used;
}

/** Drops LayerRecords no remaining image refers to. */
export function dropUnusedLayers(state: HostState, keep: Iterable<string> = []): void {
  const used = new Set<string>(keep);
  for (const img of Object.values(state.images)) for (const d of img.layers) used.add(d);
  for (const diffId of Object.keys(state.layers)) if (!used.has(diffId)) delete state.layers[diffId];
}

/** overlay2 keeps each layer under a random cache id; ours is derived from the chain id. */
export function cacheId(chainId: string): string {
  return sha256Hex(`overlay2:${chainId}`);
}

/** The overlay2 GraphDriver data of an image's top layer (keys sorted, as Go prints a map). */
export function graphDriverData(img: ImageRecord): Record<string, string> {
  const root = "/var/lib/docker/overlay2";
  const chains = chainIds(img.layers);
  if (chains.length === 0) return {};
  const top = cacheId(chains[chains.length - 1]!);
  const lower = chains
    .slice(0, -1)
    .reverse()
    .map((c) => `${root}/${cacheId(c)}/diff`);
  const data: Record<string, string> = {};
  if (lower.length > 0) data.LowerDir = lower.join(":");
  data.MergedDir = `${root}/${top}/merged`;
  data.UpperDir = `${root}/${top}/diff`;
  data.WorkDir = `${root}/${top}/work`;
  return data;
}
