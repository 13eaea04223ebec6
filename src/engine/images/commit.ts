// POST /commit (moby: daemon/commit.go CreateImageFromContainer, daemon/images/image_commit.go,
// image/image.go NewChildImage): the parent's layers plus one holding the container's changes.
import { visibleRwLayer } from "../fs/changes.js";
import type { FileTree } from "../fs/types.js";
import { conflict } from "../errors.js";
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import { imageIdOf } from "../image-config.js";
import { containerAttributes } from "../containers/process.js";
import { getContainer } from "../containers/lookup.js";
import type { ContainerConfig, HistoryEntry, HostState, ImageConfig, ImageRecord } from "../model.js";
import { familiarString, parseNormalizedNamed, tagNameOnly, type NamedReference } from "../registry/reference.js";
import { rfc3339Nano } from "../timefmt.js";
import { applyChanges, emptyConfig, mergeConfig } from "./config-changes.js";
import { addReference } from "./refs.js";
import { layerDiffId } from "./archive-tar.js";
import { invalidParameter } from "../errors.js";
import { ReferenceError } from "../registry/reference.js";

export const DOCKER_VERSION = "28.2.2";

export interface CommitOptions {
  /** REPOSITORY[:TAG], "" for an untagged image. */
  reference?: string;
  comment?: string;
  author?: string;
  changes?: string[];
  pause?: boolean;
}

/** Bytes a layer's files take (placeholder binaries count their stated size). */
export function treeSize(tree: FileTree): number {
  let size = 0;
  // Placeholder binaries stand for hard links of one file (busybox's applets all link to
  // /bin/busybox): like du, count each such binary once.
  const binaries = new Set<string>();
  for (const e of Object.values(tree)) {
    if (e.type !== "file") continue;
    if (e.program && e.size !== undefined) {
      const key = `${e.program}\0${e.size}`;
      if (binaries.has(key)) continue;
      binaries.add(key);
    }
    size += e.size ?? new TextEncoder().encode(e.content).length;
  }
  return size;
}

/**
 * A layer from a tree: its diff id is the sha256 of its layer tar (archive-tar.ts), which
 * `save` writes back byte for byte. Entries without an mtime are stamped with `mtime` first.
 */
export function storeLayer(state: HostState, tree: FileTree, mtime?: number): string {
  const files = mtime === undefined ? tree : stampTree(tree, mtime);
  const diffId = layerDiffId(files, 0);
  state.layers[diffId] ??= { diffId, size: treeSize(files), files };
  return diffId;
}

function stampTree(tree: FileTree, mtime: number): FileTree {
  const out: FileTree = {};
  for (const [p, e] of Object.entries(tree)) out[p] = e.type === "whiteout" || e.mtime !== undefined ? e : { ...e, mtime };
  return out;
}

export function parseTarget(reference: string): NamedReference {
  try {
    const ref = parseNormalizedNamed(reference);
    if (ref.digest) throw invalidParameter("refusing to create a tag with a digest reference");
    return tagNameOnly(ref);
  } catch (e) {
    if (e instanceof ReferenceError) throw invalidParameter(e.message);
    throw e;
  }
}

export function tagNew(tx: Tx, ref: NamedReference, img: ImageRecord): void {
  addReference(tx.state, ref, img.id);
  img.lastTagTime = tx.now;
  emitEvent(tx.state, tx.now, "image", "tag", img.id, { ...(img.config.Labels ?? {}), name: familiarString(ref) });
}

function imageConfigOf(c: ContainerConfig): ImageConfig {
  const out: ImageConfig = {
    User: c.User,
    Env: [...c.Env],
    Cmd: c.Cmd ? [...c.Cmd] : null,
    Entrypoint: c.Entrypoint ? [...c.Entrypoint] : null,
    Volumes: c.Volumes ? { ...c.Volumes } : null,
    WorkingDir: c.WorkingDir,
    Labels: { ...c.Labels },
    OnBuild: c.OnBuild ? [...c.OnBuild] : null,
  };
  if (c.ExposedPorts) out.ExposedPorts = { ...c.ExposedPorts };
  if (c.StopSignal) out.StopSignal = c.StopSignal;
  if (c.Healthcheck) out.Healthcheck = structuredClone(c.Healthcheck);
  return out;
}

/** Creates the image; returns its id ("sha256:..."). */
export function commitContainer(tx: Tx, ref: string, opts: CommitOptions): string {
  const { state, now } = tx;
  const c = getContainer(state, ref);
  if (c.state.dead) throw conflict(`You cannot commit container ${c.id} which is Dead`);
  if (c.state.status === "removing") throw conflict(`You cannot commit container ${c.id} which is being removed`);
  const target = opts.reference ? parseTarget(opts.reference) : undefined;
  const config = mergeConfig(applyChanges(emptyConfig(), opts.changes ?? []), imageConfigOf(c.config));

  // containerPause / containerUnpause around the copy (only a running container pauses).
  const pauses = opts.pause !== false && c.state.running && !c.state.paused;
  if (pauses) emitEvent(state, now, "container", "pause", c.id, containerAttributes(c));

  const parent = state.images[c.image];
  const changes = structuredClone(visibleRwLayer(c));
  const empty = Object.keys(changes).length === 0;
  const layers = [...(parent?.layers ?? [])];
  if (!empty) layers.push(storeLayer(state, changes, now));
  const entry: HistoryEntry = { created: rfc3339Nano(now), created_by: (c.config.Cmd ?? []).join(" ") };
  if (opts.author) entry.author = opts.author;
  if (opts.comment) entry.comment = opts.comment;
  if (empty) entry.empty_layer = true;
  const record: ImageRecord = {
    id: "",
    repoDigests: [],
    parent: parent ? parent.id : "",
    comment: opts.comment ?? "",
    created: now,
    author: opts.author ?? "",
    dockerVersion: DOCKER_VERSION,
    architecture: parent?.architecture ?? "amd64",
    os: parent?.os ?? "linux",
    config,
    layers,
    history: [...(parent?.history ?? []), entry],
    size: layers.reduce((n, id) => n + (state.layers[id]?.size ?? 0), 0),
  };
  if (parent?.variant) record.variant = parent.variant;
  record.id = imageIdOf(record);
  const img = (state.images[record.id] ??= record);

  if (pauses) emitEvent(state, now, "container", "unpause", c.id, containerAttributes(c));
  if (target) tagNew(tx, target, img);
  emitEvent(state, now, "container", "commit", c.id, {
    ...containerAttributes(c),
    comment: opts.comment ?? "",
    imageID: img.id,
    imageRef: target ? familiarString(target) : "",
  });
  return img.id;
}
