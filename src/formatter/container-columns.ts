// The columns of docker ps (docker/cli v28: cli/command/formatter/container.go), apart from the
// ContainerContext that renders them, so the listing from the stored view loads only these.
import { humanDuration } from "./units.js";

export const defaultContainerTableFormat =
  "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

/** formatter.DefaultQuietFormat. */
export const defaultQuietFormat = "{{.ID}}";

/** NewContainerContext's header map. */
export const containerHeaders: Readonly<Record<string, string>> = {
  ID: "CONTAINER ID",
  Names: "NAMES",
  Image: "IMAGE",
  Command: "COMMAND",
  CreatedAt: "CREATED AT",
  RunningFor: "CREATED",
  Ports: "PORTS",
  State: "STATE",
  Status: "STATUS",
  Size: "SIZE",
  Labels: "LABELS",
  Mounts: "MOUNTS",
  LocalVolumes: "LOCAL VOLUMES",
  Networks: "NETWORKS",
  Platform: "PLATFORM",
};

/** ContainerContext.RunningFor: how long ago the container was made. */
export function runningFor(createdSeconds: number, now: number): string {
  return humanDuration(now - createdSeconds * 1000) + " ago";
}
