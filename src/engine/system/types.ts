// Engine API DTOs of the host-wide operations: prune reports, disk usage, events.
import type { ContainerSummary, ImageSummary, RemoveImageItem } from "../api-types.js";

export interface ContainerPruneReport {
  ContainersDeleted: string[] | null;
  SpaceReclaimed: number;
}

export interface ImagePruneReport {
  ImagesDeleted: RemoveImageItem[] | null;
  SpaceReclaimed: number;
}

export interface NetworkPruneReport {
  NetworksDeleted: string[] | null;
}

export interface VolumePruneReport {
  VolumesDeleted: string[] | null;
  SpaceReclaimed: number;
}

export interface BuildCachePruneReport {
  CachesDeleted: string[] | null;
  SpaceReclaimed: number;
}

/** A volume as GET /system/df reports it (volume.Volume with UsageData). */
export interface VolumeUsage {
  Name: string;
  Driver: string;
  Mountpoint: string;
  CreatedAt: string;
  Labels: Record<string, string> | null;
  Scope: string;
  Options: Record<string, string> | null;
  UsageData: { Size: number; RefCount: number };
}

/** GET /system/df (types.DiskUsage). */
export interface DiskUsage {
  LayersSize: number;
  Images: ImageSummary[];
  Containers: ContainerSummary[];
  Volumes: VolumeUsage[];
  BuildCache: unknown[];
}

/** events.Message as API 1.50 sends it (deprecated status/id/from kept for containers and images). */
export interface EventMessage {
  status?: string;
  id?: string;
  from?: string;
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: string;
  /** Unix seconds. */
  time: number;
  /** Unix nanoseconds (beyond a double's exact range, hence bigint). */
  timeNano: bigint;
}

export interface EventsQuery {
  /** The client's "sec[.nanos]" timestamps (GetTimestamp), or "" for none. */
  since?: string;
  until?: string;
  filters?: Record<string, string[]>;
}
