// The local volume driver and the volume service (moby: volume/local/local.go, volume/service/
// service.go, store.go, convert.go): create, get, list with filters, remove, references.
import type { Filters } from "../api-types.js";
import { conflict, EngineError, invalidParameter, notFound } from "../errors.js";
import { emitEvent } from "../events.js";
import type { HostView, Tx } from "../host.js";
import { filterBool, matchLabels, validateFilterKeys } from "../images/filters.js";
import type { ContainerRecord, HostState, VolumeRecord } from "../model.js";

/** volume.AnonymousLabel: what marks a volume a container made without a name. */
export const ANONYMOUS_LABEL = "com.docker.volume.anonymous";

const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** api/types/volume.Volume, keys in Go's field order (omitempty ones left out when empty). */
export interface VolumeDto {
  CreatedAt: string;
  Driver: string;
  Labels: Record<string, string> | null;
  Mountpoint: string;
  Name: string;
  Options: Record<string, string> | null;
  Scope: string;
  UsageData?: { Size: number; RefCount: number };
}

export interface VolumeCreateRequest {
  Name?: string;
  Driver?: string;
  DriverOpts?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
}

export const mountpointOf = (name: string) => `/var/lib/docker/volumes/${name}/_data`;

/** time.RFC3339 of the creation time (seconds, UTC). */
const rfc3339 = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

export function volumeDto(v: VolumeRecord): VolumeDto {
  return {
    CreatedAt: rfc3339(v.created),
    Driver: v.driver,
    Labels: v.nullLabels ? null : { ...v.labels },
    Mountpoint: mountpointOf(v.name),
    Name: v.name,
    Options: v.options === null ? null : { ...v.options },
    Scope: "local",
  };
}

/** Store.Get: "get NAME: no such volume". */
export function getVolume(state: HostState, name: string): VolumeRecord {
  const v = state.volumes[name];
  if (!v) throw notFound(`get ${name}: no such volume`);
  return v;
}

/** local.Root validateName. */
function validateName(name: string): void {
  if (name.length === 1) throw invalidParameter(`create ${name}: volume name is too short, names should be at least two alphanumeric characters`);
  if (!VALID_NAME.test(name)) {
    throw invalidParameter(
      `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
    );
  }
}

const LOCAL_OPTS = ["type", "device", "o", "size"];

/** local.Root validateOpts: known keys, and type/device/o going together. */
function validateOpts(name: string, opts: Record<string, string>): void {
  const keys = Object.keys(opts);
  for (const k of keys) if (!LOCAL_OPTS.includes(k)) throw invalidParameter(`create ${name}: invalid option: "${k}"`);
  if ("size" in opts) throw invalidParameter(`create ${name}: quota size requested but no quota support`);
  const needs: Array<[string, string]> = [["type", "device"], ["device", "type"], ["o", "device"]];
  for (const [k, req] of needs) {
    if (k in opts && !(req in opts)) throw invalidParameter(`create ${name}: missing required option: "${req}"`);
  }
}

export interface CreateOptions extends VolumeCreateRequest {
  anonymous?: boolean;
}

/**
 * VolumesService.Create: an existing volume of that name is returned as it is; a new one is
 * made by the local driver (the only one there is) and announced with a create event.
 */
export function createVolume(tx: Tx, req: CreateOptions): VolumeRecord {
  const { state } = tx;
  const driver = req.Driver || "local";
  const name = req.Name || tx.ids.hex64();
  const existing = state.volumes[name];
  if (existing) {
    if (req.Driver && existing.driver !== driver) {
      throw conflict(`create ${name}: volume name must be unique`);
    }
    return existing;
  }
  if (driver !== "local") throw new EngineError(`create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`, 404);
  validateName(name);
  const options = req.DriverOpts ?? null;
  if (options) validateOpts(name, options);
  const labels = { ...(req.Labels ?? {}) };
  if (req.anonymous) labels[ANONYMOUS_LABEL] = "";
  const v: VolumeRecord = {
    name,
    driver,
    created: tx.now,
    labels,
    options: options === null ? null : { ...options },
    anonymous: req.anonymous === true,
    files: {},
    ...(req.Labels == null && !req.anonymous ? { nullLabels: true } : {}),
  };
  state.volumes[name] = v;
  emitEvent(state, tx.now, "volume", "create", name, { driver });
  return v;
}

/** Containers (any state) that mount the volume, oldest first. */
export function volumeUsers(state: HostState, name: string, except?: ContainerRecord): ContainerRecord[] {
  return Object.values(state.containers)
    .filter((c) => c !== except && c.id !== except?.id && c.mounts.some((m) => m.Type === "volume" && m.Name === name))
    .sort((a, b) => a.created - b.created);
}

/** Deletes the volume and logs its destroy event (no checks). */
export function destroyVolume(tx: Tx, v: VolumeRecord, at = tx.now): void {
  delete tx.state.volumes[v.name];
  emitEvent(tx.state, at, "volume", "destroy", v.name, { driver: v.driver });
}

/** VolumesService.Remove: in use is a conflict even when forced; force forgives a missing one. */
export function removeVolume(tx: Tx, name: string, force: boolean): void {
  const v = tx.state.volumes[name];
  if (!v) {
    if (force) return;
    throw notFound(`get ${name}: no such volume`);
  }
  const users = volumeUsers(tx.state, name);
  if (users.length > 0) throw conflict(`remove ${name}: volume is in use - [${users.map((c) => c.id).join(", ")}]`);
  destroyVolume(tx, v);
}

/** filters.Args.Match: the value itself, or any filter value as a regular expression. */
function matchName(wanted: readonly string[], name: string): boolean {
  return wanted.some((w) => {
    if (w === name) return true;
    try {
      return new RegExp(w).test(name);
    } catch {
      return false;
    }
  });
}

/** VolumesService.List: the accepted filters are dangling, name, driver and label. */
export function listVolumes(view: HostView, filters: Filters = {}): { Volumes: VolumeDto[]; Warnings: string[] | null } {
  validateFilterKeys(filters, ["dangling", "name", "driver", "label"]);
  const dangling = filters.dangling ? filterBool(filters, "dangling", false) : undefined;
  const out: VolumeDto[] = [];
  for (const v of Object.values(view.state.volumes).sort((a, b) => a.created - b.created)) {
    if (filters.driver && !filters.driver.includes(v.driver)) continue;
    if (filters.name && !matchName(filters.name, v.name)) continue;
    if (filters.label && !matchLabels(filters.label, v.labels)) continue;
    if (dangling !== undefined && (volumeUsers(view.state, v.name).length === 0) !== dangling) continue;
    out.push(volumeDto(v));
  }
  return { Volumes: out, Warnings: null };
}
