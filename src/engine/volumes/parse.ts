// Mount specifications as the daemon reads them (moby: volume/mounts/linux_parser.go
// ParseMountRaw, ParseMountSpec, ParseVolumesFrom, validateMountConfigImpl), with its texts.
import { invalidParameter } from "../errors.js";
import type { MountPoint, MountSpec } from "../model.js";
import { normalizePath } from "../fs/path.js";

const RW_MODES = ["rw", "ro"];
const LABEL_MODES = ["z", "Z"];
const PROPAGATION_MODES = ["private", "rprivate", "slave", "rslave", "shared", "rshared"];
const CONSISTENCY_MODES = ["consistent", "cached", "delegated"];
const COPY_MODES = ["nocopy"];
const DEFAULT_PROPAGATION = "rprivate";

/** A parsed mount: the mount point plus what creating it needs. */
export interface ParsedMount {
  point: MountPoint;
  /** Copy the image's content into an empty volume. */
  copyData: boolean;
  /** A named volume's creation options (--mount volume-opt/volume-label). */
  driverOpts?: Record<string, string>;
  labels?: Record<string, string>;
  /** A bind source must already exist (--mount, unlike -v). */
  mustExist: boolean;
}

export function validMountMode(mode: string): boolean {
  if (mode === "") return true;
  const counts = [0, 0, 0, 0, 0];
  for (const o of mode.split(",")) {
    const i = [RW_MODES, LABEL_MODES, PROPAGATION_MODES, COPY_MODES, CONSISTENCY_MODES].findIndex((set) => set.includes(o));
    if (i < 0) return false;
    counts[i]! += 1;
  }
  return counts.every((n) => n <= 1);
}

const errInvalidSpec = (raw: string) => `invalid volume specification: '${raw}'`;
const readWrite = (mode: string) => validMountMode(mode) && !mode.split(",").includes("ro");
const propagationOf = (mode: string) => mode.split(",").find((o) => PROPAGATION_MODES.includes(o));

/** validateMountConfigImpl, reduced to the checks the simulation can make. */
function validateSpec(m: MountSpec, raw: boolean): string | undefined {
  if (m.Target === "") return "field Target must not be empty";
  if (normalizePath(m.Target) === "/" && m.Target.startsWith("/")) return "invalid specification: destination can't be '/'";
  if (!m.Target.startsWith("/")) return `invalid mount path: '${m.Target}' mount path must be absolute`;
  switch (m.Type) {
    case "bind":
      if (!m.Source) return "field Source must not be empty";
      if (m.BindOptions?.Propagation && !PROPAGATION_MODES.includes(m.BindOptions.Propagation)) return `invalid propagation mode: ${m.BindOptions.Propagation}`;
      if (m.VolumeOptions && !raw) return "field VolumeOptions must not be specified";
      if (!m.Source.startsWith("/")) return `invalid mount path: '${m.Source}' mount path must be absolute`;
      return undefined;
    case "volume":
      if (m.BindOptions) return "field BindOptions must not be specified";
      if (m.ReadOnly && !m.Source) return "must not set ReadOnly mode when using anonymous volumes";
      return undefined;
    case "tmpfs":
      if (m.BindOptions) return "field BindOptions must not be specified";
      if (m.Source) return "field Source must not be specified";
      return undefined;
    default:
      return "mount type unknown";
  }
}

function toPoint(m: MountSpec, mode: string): ParsedMount {
  const point: MountPoint = { Type: m.Type as MountPoint["Type"], Source: "", Destination: normalizePath(m.Target), Mode: mode, RW: !m.ReadOnly, Propagation: "" };
  const parsed: ParsedMount = { point, copyData: true, mustExist: false };
  if (m.Type === "volume") {
    if (m.Source) point.Name = m.Source;
    if (m.VolumeOptions?.NoCopy) parsed.copyData = false;
    if (m.VolumeOptions?.DriverConfig?.Name) point.Driver = m.VolumeOptions.DriverConfig.Name;
    const opts = m.VolumeOptions?.DriverConfig?.Options;
    if (opts) parsed.driverOpts = { ...opts };
    const labels = m.VolumeOptions?.Labels;
    if (labels && Object.keys(labels).length > 0) parsed.labels = { ...labels };
  } else if (m.Type === "bind") {
    point.Source = normalizePath(m.Source!);
    point.Propagation = m.BindOptions?.Propagation || DEFAULT_PROPAGATION;
  }
  return parsed;
}

/** ParseMountRaw: a -v value the client sent as a bind (SRC:DST[:MODE]). Throws 400. */
export function parseMountRaw(raw: string): ParsedMount {
  const arr = splitN(raw, ":", 4);
  if (arr[0] === "") throw invalidParameter(errInvalidSpec(raw));
  let spec: MountSpec;
  let mode = "";
  switch (arr.length) {
    case 1:
      spec = { Type: "volume", Target: arr[0]! };
      break;
    case 2:
      if (validMountMode(arr[1]!)) throw invalidParameter(errInvalidSpec(raw));
      spec = { Type: "volume", Source: arr[0]!, Target: arr[1]! };
      break;
    case 3:
      spec = { Type: "volume", Source: arr[0]!, Target: arr[1]! };
      mode = arr[2]!;
      break;
    default:
      throw invalidParameter(errInvalidSpec(raw));
  }
  if (!validMountMode(mode)) throw invalidParameter(`invalid mode: ${mode}`);
  if (spec.Source?.startsWith("/")) spec.Type = "bind";
  spec.ReadOnly = !readWrite(mode);
  const propagation = propagationOf(mode);
  if (propagation) spec.BindOptions = { Propagation: propagation };
  const why = validateSpec(spec, true);
  if (why) throw invalidParameter(`${errInvalidSpec(raw)}: invalid mount config for type "${spec.Type}": ${why}`);
  const parsed = toPoint(spec, mode);
  if (mode.split(",").includes("nocopy")) parsed.copyData = false;
  return parsed;
}

/** ParseMountSpec: a --mount value. Throws 400. */
export function parseMountSpec(m: MountSpec): ParsedMount {
  const why = validateSpec(m, false);
  if (why) throw invalidParameter(`invalid mount config for type "${m.Type}": ${why}`);
  return { ...toPoint(m, ""), mustExist: m.Type === "bind" && !m.BindOptions?.CreateMountpoint };
}

/** The error a --mount bind with a missing source gets. */
export function bindSourceMissing(source: string): Error {
  return invalidParameter(`invalid mount config for type "bind": bind source path does not exist: ${source}`);
}

/** ParseVolumesFrom: CONTAINER[:MODE]; no propagation or copy modes. */
export function parseVolumesFrom(spec: string): { id: string; rw: boolean } {
  if (spec === "") throw invalidParameter("volumes-from specification cannot be an empty string");
  const i = spec.indexOf(":");
  const id = i < 0 ? spec : spec.slice(0, i);
  const mode = i < 0 ? "" : spec.slice(i + 1);
  if (mode === "") return { id, rw: true };
  const bad = !validMountMode(mode) || propagationOf(mode) !== undefined || mode.split(",").includes("nocopy");
  if (bad) throw invalidParameter(`invalid mode: ${mode}`);
  return { id, rw: readWrite(mode) };
}

/** Go's strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
  const parts = s.split(sep);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}
