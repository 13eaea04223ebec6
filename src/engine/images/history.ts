// GET /images/{name}/history (moby: daemon/images/image_history.go ImageHistory): newest
// first; "<missing>" ids except where a local parent chain supplies them; Size per layer.
import type { HostView } from "../host.js";
import { repoTagsOf } from "./refs.js";
import { getImage } from "./resolve.js";

/** api/types/image HistoryResponseItem, keys in the generated struct's order. */
export interface HistoryItem {
  Comment: string;
  /** Unix seconds. */
  Created: number;
  CreatedBy: string;
  Id: string;
  Size: number;
  Tags: string[] | null;
}

export function imageHistory(view: HostView, ref: string): HistoryItem[] {
  const state = view.state;
  const img = getImage(state, ref);
  const items: HistoryItem[] = [];
  let layerIndex = 0;
  for (const h of img.history) {
    let size = 0;
    if (!h.empty_layer) {
      const diffId = img.layers[layerIndex++];
      if (diffId === undefined) throw new Error("too many non-empty layers in History section");
      size = state.layers[diffId]?.size ?? 0;
    }
    const created = h.created ? Math.floor(Date.parse(h.created) / 1000) : 0;
    items.unshift({ Comment: h.comment ?? "", Created: created, CreatedBy: h.created_by, Id: "<missing>", Size: size, Tags: null });
  }
  let id: string | undefined = img.id;
  for (const item of items) {
    item.Id = id;
    const tags = repoTagsOf(state, id);
    item.Tags = tags.length > 0 ? tags : null;
    id = state.images[id]?.parent || undefined;
    if (!id || !state.images[id]) break;
  }
  return items;
}
