// POST /images/create?fromSrc= (moby: daemon/images/image_import.go ImportImage and the
// router's "Imported from <src>" comment): one layer from a tarball's tree.
import type { FileTree } from "../fs/types.js";
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import { imageIdOf } from "../image-config.js";
import type { ImageRecord } from "../model.js";
import { rfc3339Nano } from "../timefmt.js";
import { applyChanges, emptyConfig } from "./config-changes.js";
import { DOCKER_VERSION, parseTarget, storeLayer, tagNew } from "./commit.js";
import { parsePlatform } from "./platform.js";
import { invalidParameter } from "../errors.js";

export interface ImportOptions {
  /** The archive's files (whiteouts are dropped: there is nothing below them). */
  tree: FileTree;
  /** "-" for a file or stdin the client sends, else the URL. */
  source: string;
  reference?: string;
  message?: string;
  changes?: string[];
  platform?: string;
}

export function importImage(tx: Tx, opts: ImportOptions): string {
  const { state, now } = tx;
  const target = opts.reference ? parseTarget(opts.reference) : undefined;
  let os = "linux";
  let architecture = "amd64";
  let variant: string | undefined;
  if (opts.platform) {
    let p;
    try {
      p = parsePlatform(opts.platform);
    } catch (e) {
      throw invalidParameter((e as Error).message);
    }
    os = p.os;
    architecture = p.architecture;
    variant = p.variant;
  }
  const config = applyChanges(emptyConfig(), opts.changes ?? []);
  const tree: FileTree = {};
  for (const [p, e] of Object.entries(opts.tree)) if (e.type !== "whiteout") tree[p] = e;
  const diffId = storeLayer(state, tree);
  const comment = opts.message || `Imported from ${opts.source}`;
  const record: ImageRecord = {
    id: "",
    repoDigests: [],
    parent: "",
    comment,
    created: now,
    author: "",
    dockerVersion: DOCKER_VERSION,
    architecture,
    os,
    config,
    layers: [diffId],
    history: [{ created: rfc3339Nano(now), created_by: "", comment }],
    size: state.layers[diffId]?.size ?? 0,
  };
  if (variant) record.variant = variant;
  record.id = imageIdOf(record);
  const img = (state.images[record.id] ??= record);
  if (target) tagNew(tx, target, img);
  emitEvent(state, now, "image", "import", img.id, { ...(img.config.Labels ?? {}), name: img.id });
  return img.id;
}
