// The Engine API's data shapes (as the engine defines them), for the client and the commands.
export type { ContainerCreateRequest, ContainerSummary, ExecRequest, ExecResult, Filters, ImageSummary, InfoDto, JsonMessage, LogEntry, LogsOptions, Port, RemoveImageItem, TopResult, VersionInfo, WaitResult } from "../engine/api-types.js";
export type { ExtractOptions, FilesystemChange, PathArchive, PathStat } from "../engine/fs/changes.js";
export type { FileTree, FsEntry } from "../engine/fs/types.js";
export type { BuildCachePruneReport, ContainerPruneReport, DiskUsage, EventMessage, EventsQuery, ImagePruneReport, NetworkPruneReport, VolumePruneReport, VolumeUsage } from "../engine/system/types.js";
export type { CommitOptions } from "../engine/images/commit.js";
export type { HostHttpResult, NetworkConnectRequest, NetworkCreateRequest, NetworkSummary } from "../engine/network/types.js";
export type { ImportOptions } from "../engine/images/import.js";
export type { AuthConfig } from "../engine/registry/auth.js";
export type { SearchResultDto } from "../engine/registry/search.js";
export type { LoadArchive, LoadLine, LoadOptions } from "../engine/images/archive-read.js";
export type { VolumeCreateRequest, VolumeDto } from "../engine/volumes/store.js";
export type { ContainerStatsEntry, ContainerStatsFrame, ContainerStatsOptions } from "../engine/containers/stats-stream.js";
export type { ContainerUpdateRequest } from "../engine/containers/update.js";
export type { ShellHandle, ShellOpenOptions, ShellOutput, ShellStep } from "../engine/containers/interactive.js";
export type { ContainerListView, ListedContainer } from "../engine/containers/list-view.js";
export type { ClockState } from "../engine/model.js";
export type { StatusParts } from "../engine/containers/status.js";
