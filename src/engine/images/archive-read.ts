// What the daemon gets of an archive to load: its regular files by path, and for those that
// are layer tars (plain or gzipped) the uncompressed bytes and their entries, read by the
// client's tar reader. Also the config JSON as an image record.
import type { FileTree } from "../fs/types.js";
import { invalidParameter } from "../errors.js";
import type { HistoryEntry, ImageConfig, ImageRecord } from "../model.js";

export interface LoadArchive {
  /** Regular files by clean relative path ("manifest.json", "blobs/sha256/<hex>"); symlinks resolved. */
  files: Record<string, Uint8Array>;
  /** Files that read as tars: the uncompressed bytes (differs from `files` when gzipped) and the tree. */
  tars: Record<string, { tar: Uint8Array; tree: FileTree }>;
  /** Files that look like tars but could not be read: the reader's error. */
  broken?: Record<string, string>;
}

export interface LoadOptions {
  quiet?: boolean;
  platform?: string;
}

/** One line of the load output: a progress message or a text line. */
export type LoadLine = { progress: { id: string; status: string; progressDetail: { current: number; total: number } } } | { text: string };

const decoder = new TextDecoder("utf-8", { fatal: true });

export function readJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch (e) {
    throw invalidParameter(`invalid ${what}: ${(e as Error).message}`);
  }
}

export function text(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strs = (v: unknown): string[] | null => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : null);
const set = (v: unknown): Record<string, Record<string, never>> | null =>
  isObj(v) ? Object.fromEntries(Object.keys(v).map((k) => [k, {} as Record<string, never>])) : null;

function configOf(c: unknown): ImageConfig {
  const o = isObj(c) ? c : {};
  const out: ImageConfig = {
    User: str(o.User),
    Env: strs(o.Env) ?? [],
    Cmd: strs(o.Cmd),
    Entrypoint: strs(o.Entrypoint),
    Volumes: set(o.Volumes),
    WorkingDir: str(o.WorkingDir),
    Labels: isObj(o.Labels) ? Object.fromEntries(Object.entries(o.Labels).map(([k, v]) => [k, str(v)])) : null,
    OnBuild: strs(o.OnBuild),
  };
  const ports = set(o.ExposedPorts);
  if (ports) out.ExposedPorts = ports;
  if (o.StopSignal) out.StopSignal = str(o.StopSignal);
  if (o.ArgsEscaped === true) out.ArgsEscaped = true;
  if (strs(o.Shell)) out.Shell = strs(o.Shell)!;
  if (isObj(o.Healthcheck)) out.Healthcheck = structuredClone(o.Healthcheck) as ImageConfig["Healthcheck"];
  return out;
}

function historyOf(h: unknown): HistoryEntry[] {
  if (!Array.isArray(h)) return [];
  return h.filter(isObj).map((e) => {
    const out: HistoryEntry = { created: str(e.created), created_by: str(e.created_by) };
    if (e.empty_layer === true) out.empty_layer = true;
    if (e.comment) out.comment = str(e.comment);
    if (e.author) out.author = str(e.author);
    return out;
  });
}

/** image.NewFromJSON: the config blob as an image record (id and size left to the caller). */
export function imageFromConfig(config: unknown): ImageRecord {
  if (!isObj(config)) throw invalidParameter("invalid image JSON, no RootFS key");
  const rootfs = config.rootfs;
  if (!isObj(rootfs)) throw invalidParameter("invalid image JSON, no RootFS key");
  const created = Date.parse(str(config.created));
  const record: ImageRecord = {
    id: "",
    repoDigests: [],
    parent: "",
    comment: str(config.comment),
    created: Number.isNaN(created) ? 0 : created,
    author: str(config.author),
    dockerVersion: str(config.docker_version),
    architecture: str(config.architecture),
    os: str(config.os),
    config: configOf(config.config),
    layers: strs(rootfs.diff_ids) ?? [],
    history: historyOf(config.history),
    size: 0,
  };
  if (config.variant) record.variant = str(config.variant);
  return record;
}
