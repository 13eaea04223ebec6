// A new container's mount points (moby: daemon/volumes.go registerMountPoints, then
// daemon/create_unix.go createContainerOSSpecificSettings for Config.Volumes and
// populateVolumes): --volumes-from, -v binds, --mount, then anonymous volumes; empty volumes
// get the image's content at their path; mount points are made in the container's rootfs.
import { getContainer } from "../containers/lookup.js";
import { imageLowers } from "../fs/changes.js";
import { normalizePath } from "../fs/path.js";
import type { ContainerFs, FileTree } from "../fs/types.js";
import { heavy } from "../heavy.js";
import type { Tx } from "../host.js";
import { invalidParameter } from "../errors.js";
import type { ContainerRecord, MountPoint } from "../model.js";
import { hostPathExists, hostSourceIsFile } from "./host-files.js";
import { bindSourceMissing, parseMountRaw, parseMountSpec, parseVolumesFrom, type ParsedMount } from "./parse.js";
import { createVolume, mountpointOf } from "./store.js";

const duplicate = (dest: string) => invalidParameter(`Duplicate mount point: ${dest}`);

export function registerMounts(tx: Tx, c: ContainerRecord): void {
  const h = c.hostConfig;
  const points = new Map<string, MountPoint>();
  const copy: ParsedMount[] = [];

  for (const spec of h.VolumesFrom ?? []) {
    const { id, rw } = parseVolumesFrom(spec);
    const from = getContainer(tx.state, id);
    for (const m of from.mounts) {
      points.set(m.Destination, { ...m, Mode: "", RW: m.RW && rw });
    }
  }

  const binds = new Set<string>();
  const tmpfs = Object.keys(h.Tmpfs ?? {}).map((d) => normalizePath(d));
  const take = (parsed: ParsedMount, target: string): void => {
    const p = parsed.point;
    if (binds.has(p.Destination) || tmpfs.includes(p.Destination)) throw duplicate(target);
    if (p.Type === "volume") attachVolume(tx, parsed);
    else if (p.Type === "bind") prepareBind(tx, parsed);
    binds.add(p.Destination);
    points.set(p.Destination, p);
    if (p.Type === "volume") copy.push(parsed);
  };
  for (const raw of h.Binds ?? []) {
    const parsed = parseMountRaw(raw);
    take(parsed, parsed.point.Destination);
  }
  for (const spec of h.Mounts ?? []) take(parseMountSpec(spec), spec.Target);

  for (const dest of Object.keys(c.config.Volumes ?? {}).map((d) => normalizePath(d)).sort()) {
    if (points.has(dest) || tmpfs.includes(dest)) continue;
    const v = createVolume(tx, { anonymous: true });
    const point: MountPoint = { Type: "volume", Name: v.name, Source: mountpointOf(v.name), Destination: dest, Driver: "local", Mode: "", RW: true, Propagation: "" };
    points.set(dest, point);
    copy.push({ point, copyData: true, mustExist: false });
  }

  c.mounts = [...points.values()];
  const rootfs = heavy().overlay.createOverlayFs([...imageLowers(tx.state, c)], c.rwLayer);
  for (const parsed of copy) if (parsed.copyData) copyUp(tx, rootfs, parsed.point);
  for (const m of c.mounts) makeMountpoint(tx, rootfs, m);
  for (const dest of tmpfs) makeMountpoint(tx, rootfs, { Type: "tmpfs", Source: "", Destination: dest, Mode: "", RW: true, Propagation: "" });
}

/** Creates (or finds) the volume; a local named volume's mode gets "z" (setBindModeIfNull). */
function attachVolume(tx: Tx, parsed: ParsedMount): void {
  const p = parsed.point;
  const v = createVolume(tx, {
    ...(p.Name ? { Name: p.Name } : { anonymous: true }),
    ...(p.Driver ? { Driver: p.Driver } : {}),
    ...(parsed.driverOpts ? { DriverOpts: parsed.driverOpts } : {}),
    ...(parsed.labels ? { Labels: parsed.labels } : {}),
  });
  p.Name = v.name;
  p.Driver = v.driver;
  p.Source = mountpointOf(v.name);
  if (v.driver === "local" && p.Mode === "") p.Mode = "z";
}

/** A -v host path that does not exist is created (here: in the simulation only); --mount refuses. */
function prepareBind(tx: Tx, parsed: ParsedMount): void {
  const source = parsed.point.Source;
  const layers = (tx.state.bindLayers ??= {});
  const known = source in layers || hostPathExists(tx.state, source);
  if (!known && parsed.mustExist) throw bindSourceMissing(source);
  layers[source] ??= {};
}

/** populateVolume: an empty volume gets what the image has at its path (copyExistingContents). */
function copyUp(tx: Tx, rootfs: ContainerFs, m: MountPoint): void {
  const v = m.Name ? tx.state.volumes[m.Name] : undefined;
  if (!v || Object.keys(v.files).some((p) => p !== "/")) return;
  let base: string;
  try {
    base = rootfs.resolve(m.Destination);
  } catch {
    return;
  }
  const top = rootfs.stat(base);
  if (!top || top.type !== "dir") return;
  const files: FileTree = { "/": { ...top } };
  const walk = (dir: string, rel: string): void => {
    for (const name of rootfs.readdir(dir)) {
      const e = rootfs.lstat(`${dir === "/" ? "" : dir}/${name}`);
      if (!e) continue;
      files[`${rel}/${name}`] = { ...e };
      if (e.type === "dir") walk(`${dir === "/" ? "" : dir}/${name}`, `${rel}/${name}`);
    }
  };
  walk(base, "");
  v.files = files;
}

/** The mount point in the rootfs: a directory, or an empty file for a single-file bind. */
function makeMountpoint(tx: Tx, rootfs: ContainerFs, m: MountPoint): void {
  if (rootfs.stat(m.Destination)) return;
  const asFile = m.Type === "bind" && hostSourceIsFile(tx.state, m.Source);
  try {
    if (asFile) {
      const parent = m.Destination.slice(0, m.Destination.lastIndexOf("/")) || "/";
      rootfs.mkdir(parent, { parents: true });
      rootfs.writeFile(m.Destination, "");
    } else {
      rootfs.mkdir(m.Destination, { parents: true });
    }
  } catch {
    // A path the rootfs cannot hold (a file on the way) stays unmounted.
  }
}
