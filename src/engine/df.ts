// GET /system/df (moby: daemon/disk_usage.go SystemDiskUsage): every layer once, images with
// shared sizes and container counts, containers with their writable layers, volumes with
// their usage. The build cache is always empty here.
import { listContainers } from "./containers/list.js";
import type { HostView } from "./host.js";
import { chainIds } from "./images/layers.js";
import { listImages } from "./images/list.js";
import { treeSize, volumeRefCount } from "./prune.js";
import type { DiskUsage, VolumeUsage } from "./system/types.js";

/** Volume CreatedAt: RFC 3339 seconds in the daemon's zone (UTC here). */
const rfc3339 = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

export function diskUsage(view: HostView): DiskUsage {
  const state = view.state;
  // LayerDiskUsage: each layer chain an image refers to, once.
  const chains = new Map<string, number>();
  for (const img of Object.values(state.images)) {
    chainIds(img.layers).forEach((chain, i) => chains.set(chain, state.layers[img.layers[i]!]?.size ?? 0));
  }
  const layersSize = [...chains.values()].reduce((sum, size) => sum + size, 0);
  // ImageDiskUsage lists the top images only.
  const images = listImages(view, { containerCount: true, sharedSize: true });
  const containers = listContainers(view, { all: true, size: true });
  const volumes: VolumeUsage[] = Object.values(state.volumes)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((v) => ({
      CreatedAt: rfc3339(v.created),
      Driver: v.driver,
      Labels: Object.keys(v.labels).length > 0 ? { ...v.labels } : null,
      Mountpoint: `/var/lib/docker/volumes/${v.name}/_data`,
      Name: v.name,
      Options: v.options,
      Scope: "local",
      UsageData: { Size: treeSize(v.files), RefCount: volumeRefCount(state, v.name) },
    }));
  return { LayersSize: layersSize, Images: images, Containers: containers, Volumes: volumes, BuildCache: [] };
}
