// Builds ImageDefs the way a Dockerfile does: a base image plus steps, each step one
// history entry and, when it changes files, one layer.
import type { FileTree } from "../../fs/types.js";
import type { HistoryEntry, ImageConfig } from "../../model.js";
import type { ImageDef, LayerDef } from "./types.js";

export const DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
export const BUILDKIT = "buildkit.dockerfile.v0";

export interface Step {
  /** created_by, as `docker history --no-trunc` shows it. */
  by: string;
  /** Layer key when the step changed files. */
  layer?: string;
  /** Defaults to the image's created time. */
  created?: string;
  /** Defaults to buildkit's comment; "" for none. */
  comment?: string;
}

/** Config fields a step sequence sets; Env entries replace same-named ones from the base. */
export type ConfigPatch = Partial<ImageConfig>;

const EMPTY_CONFIG: ImageConfig = {
  User: "",
  Env: [DEFAULT_PATH],
  Cmd: null,
  Entrypoint: null,
  Volumes: null,
  WorkingDir: "",
  Labels: null,
  OnBuild: null,
};

function mergeEnv(base: string[], patch: string[]): string[] {
  const out = [...base];
  for (const kv of patch) {
    const name = kv.slice(0, kv.indexOf("="));
    const i = out.findIndex((e) => e.slice(0, e.indexOf("=")) === name);
    if (i >= 0) out[i] = kv;
    else out.push(kv);
  }
  return out;
}

function mergeConfig(base: ImageConfig, patch: ConfigPatch): ImageConfig {
  const c: ImageConfig = { ...base, ...patch };
  c.Env = mergeEnv(base.Env, patch.Env ?? []);
  if (patch.Labels !== undefined) c.Labels = patch.Labels === null ? null : { ...(base.Labels ?? {}), ...patch.Labels };
  if (patch.ExposedPorts) c.ExposedPorts = { ...(base.ExposedPorts ?? {}), ...patch.ExposedPorts };
  if (patch.Volumes) c.Volumes = { ...(base.Volumes ?? {}), ...patch.Volumes };
  // A new ENTRYPOINT clears the CMD inherited from the base (Dockerfile semantics).
  if (patch.Entrypoint !== undefined && patch.Cmd === undefined) c.Cmd = null;
  return c;
}

export function defineImage(o: {
  key: string;
  created: string;
  base?: ImageDef;
  config: ConfigPatch;
  steps: Step[];
}): ImageDef {
  const history: HistoryEntry[] = [...(o.base?.history ?? [])];
  const layers = [...(o.base?.layers ?? [])];
  for (const s of o.steps) {
    const h: HistoryEntry = { created: s.created ?? o.created, created_by: s.by };
    const comment = s.comment ?? BUILDKIT;
    if (comment) h.comment = comment;
    if (s.layer) layers.push(s.layer);
    else h.empty_layer = true;
    history.push(h);
  }
  return {
    key: o.key,
    created: o.created,
    architecture: "amd64",
    os: "linux",
    config: mergeConfig(o.base?.config ?? EMPTY_CONFIG, o.config),
    history,
    layers,
  };
}

/** Compressed size of a layer of binaries, about what gzip achieves on them. */
export const gz = (size: number): number => Math.max(32, Math.round(size * 0.38));

export function layer(key: string, size: number, files: () => FileTree, compressedSize = gz(size)): LayerDef {
  return { key, size, compressedSize, files };
}

/** Env entries from a record, keeping order. */
export const env = (r: Record<string, string>): string[] => Object.entries(r).map(([k, v]) => `${k}=${v}`);

/** `{"80/tcp": {}}` from ["80/tcp"]. */
export const ports = (...p: string[]): Record<string, Record<string, never>> =>
  Object.fromEntries(p.map((x) => [x, {} as Record<string, never>]));
export const volumes = ports;

/** The layer of a step that only creates directories or changes nothing visible (size 0). */
export const EMPTY_LAYER = "empty";
