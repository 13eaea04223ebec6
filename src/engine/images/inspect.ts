// GET /images/{name}/json for API 1.50 (moby v28.2: api/types/image InspectResponse and the
// image router's toImageInspect). Config is the image-spec config with empty fields omitted
// (28.2 shipped it that way; 28.3 put the empty fields back). Keys are in the daemon's order.
import type { HostView } from "../host.js";
import type { ImageRecord } from "../model.js";
import { ociImageConfig } from "../image-config.js";
import { graphDriverData } from "./layers.js";
import { repoDigestsOf, repoTagsOf } from "./refs.js";
import { getImage } from "./resolve.js";
import { GO_ZERO_TIME, rfc3339Nano } from "../timefmt.js";

export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Parent: string;
  Comment: string;
  Created?: string;
  DockerVersion: string;
  Author: string;
  Config: Record<string, unknown>;
  Architecture: string;
  Variant?: string;
  Os: string;
  Size: number;
  GraphDriver: { Data: Record<string, string>; Name: string };
  RootFS: { Type: string; Layers?: string[] };
  Metadata: { LastTagTime: string };
}

export function imageInspectOf(view: HostView, img: ImageRecord): ImageInspect {
  const comment = img.comment || (img.history.length > 0 ? (img.history[img.history.length - 1]!.comment ?? "") : "");
  const out: ImageInspect = {
    Id: img.id,
    RepoTags: repoTagsOf(view.state, img.id),
    RepoDigests: repoDigestsOf(view.state, img.id),
    Parent: img.parent,
    Comment: comment,
    Created: rfc3339Nano(img.created),
    DockerVersion: img.dockerVersion,
    Author: img.author,
    Config: ociImageConfig(img.config),
    Architecture: img.architecture,
    Os: img.os,
    Size: img.size,
    GraphDriver: { Data: graphDriverData(img), Name: "overlay2" },
    RootFS: img.layers.length > 0 ? { Type: "layers", Layers: [...img.layers] } : { Type: "layers" },
    Metadata: { LastTagTime: img.lastTagTime ? rfc3339Nano(img.lastTagTime) : GO_ZERO_TIME },
  };
  if (img.variant) return insertAfter(out, "Architecture", "Variant", img.variant);
  return out;
}

/** Rebuilds the object so an optional key lands where Go's struct order puts it. */
function insertAfter(obj: ImageInspect, after: keyof ImageInspect, key: keyof ImageInspect, value: unknown): ImageInspect {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = v;
    if (k === after) out[key] = value;
  }
  return out as unknown as ImageInspect;
}

export function inspectImage(view: HostView, ref: string): ImageInspect {
  return imageInspectOf(view, getImage(view.state, ref));
}
