// DaemonApi: the Engine API operations the CLI needs, with Engine API-shaped DTOs.
// local.ts serves them in-process from the engine; an HTTP pair can serve them later.
// Errors are thrown as DaemonError (cli/errors.ts) carrying the daemon's text.
import type {
  AuthConfig,
  BuildCachePruneReport,
  CommitOptions,
  ContainerCreateRequest,
  ContainerPruneReport,
  ContainerStatsFrame,
  ContainerStatsOptions,
  ContainerSummary,
  ContainerUpdateRequest,
  DiskUsage,
  EventMessage,
  EventsQuery,
  ExecRequest,
  ExecResult,
  ExtractOptions,
  FilesystemChange,
  FileTree,
  Filters,
  HostHttpResult,
  ImagePruneReport,
  ImageSummary,
  ImportOptions,
  InfoDto,
  JsonMessage,
  LoadArchive,
  LoadLine,
  LoadOptions,
  LogEntry,
  LogsOptions,
  NetworkConnectRequest,
  NetworkCreateRequest,
  NetworkPruneReport,
  NetworkSummary,
  PathArchive,
  PathStat,
  RemoveImageItem,
  SearchResultDto,
  ShellHandle,
  ShellOpenOptions,
  TopResult,
  VersionInfo,
  VolumeCreateRequest,
  VolumeDto,
  VolumePruneReport,
  WaitResult,
} from "./dto.js";

export type * from "./dto.js";

export interface DaemonApi {
  /** The simulated host's current time (ms); what the client's clock reads for relative times. */
  now(): Promise<number>;

  // system
  version(): Promise<VersionInfo>;
  info(): Promise<InfoDto>;

  // host-wide: prune, disk usage, events
  containerPrune(filters?: Filters): Promise<ContainerPruneReport>;
  /** `dangling=false` in the filters prunes every unused image (image prune -a). */
  imagePrune(filters?: Filters): Promise<ImagePruneReport>;
  networkPrune(filters?: Filters): Promise<NetworkPruneReport>;
  /** `all=true` in the filters prunes named volumes too (volume prune -a). */
  volumePrune(filters?: Filters): Promise<VolumePruneReport>;
  buildCachePrune(opts?: { all?: boolean; filters?: Filters }): Promise<BuildCachePruneReport>;
  /** GET /system/df. */
  systemDf(): Promise<DiskUsage>;
  /**
   * GET /events: buffered events the query selects, then live ones until `until` passes or the
   * signal aborts (without `until`, a stream that only an abort ends).
   */
  events(query: EventsQuery, onEvent: (m: EventMessage) => void, signal?: AbortSignal): Promise<void>;

  // containers
  containerList(opts: { all?: boolean; limit?: number; size?: boolean; filters?: Filters }): Promise<ContainerSummary[]>;
  containerCreate(req: ContainerCreateRequest): Promise<{ Id: string; Warnings: string[] }>;
  /** stdin: what an attached `-i` run feeds the main process. */
  containerStart(idOrName: string, opts?: { stdin?: string }): Promise<void>;
  containerStop(idOrName: string, opts?: { signal?: string; timeout?: number }): Promise<void>;
  containerRestart(idOrName: string, opts?: { signal?: string; timeout?: number }): Promise<void>;
  containerKill(idOrName: string, signal?: string): Promise<void>;
  containerPause(idOrName: string): Promise<void>;
  containerUnpause(idOrName: string): Promise<void>;
  containerRemove(idOrName: string, opts?: { force?: boolean; volumes?: boolean; link?: boolean }): Promise<void>;
  containerRename(idOrName: string, newName: string): Promise<void>;
  /** Blocks (in simulated time) until the condition holds. */
  containerWait(idOrName: string, condition?: "not-running" | "next-exit" | "removed"): Promise<WaitResult>;
  containerLogs(idOrName: string, opts: LogsOptions): Promise<{ entries: LogEntry[]; tty: boolean }>;
  /** Follows logs until the container stops, calling onEntry per entry as simulated time passes. */
  containerLogsFollow(idOrName: string, opts: LogsOptions, onEntry: (e: LogEntry) => void, signal?: AbortSignal): Promise<void>;
  /**
   * Streams the current run's output until its main process exits; resolves to its exit code.
   * With `start`, starts the container first (an attached `docker run`/`start -a`).
   */
  containerAttach(idOrName: string, onEntry: (e: LogEntry) => void, opts?: { start?: { stdin?: string }; signal?: AbortSignal }): Promise<number>;
  /** The Engine API's container JSON, keys in the daemon's order. */
  containerInspect(idOrName: string, opts?: { size?: boolean }): Promise<Record<string, unknown>>;
  containerTop(idOrName: string, psArgs?: string): Promise<TopResult>;
  /** POST /containers/{id}/update: resources and restart policy. */
  containerUpdate(idOrName: string, req: ContainerUpdateRequest): Promise<{ Warnings: string[] }>;
  /** Stats of the named (or listed) containers: one frame, or one per second until the signal aborts. */
  containerStats(opts: ContainerStatsOptions, onFrame: (frame: ContainerStatsFrame) => void, signal?: AbortSignal): Promise<void>;
  containerExec(idOrName: string, req: ExecRequest): Promise<ExecResult>;
  /**
   * A line-by-line session with the container's main shell (waiting on its terminal or open
   * stdin) or, with `exec`, a new exec'd shell; undefined when the target is no such shell.
   */
  containerShell(idOrName: string, opts: ShellOpenOptions): Promise<ShellHandle | undefined>;

  // images
  imageList(opts: { all?: boolean; filters?: Filters; digests?: boolean }): Promise<ImageSummary[]>;
  /** Pulls and reports progress messages as they happen. `ref` is normalised ("docker.io/library/nginx:latest"). */
  imagePull(ref: string, opts: { allTags?: boolean; platform?: string; auth?: AuthConfig }, onMessage: (m: JsonMessage) => void): Promise<void>;
  /** POST /images/{name}/push: progress messages; a name without tag pushes every tag. */
  imagePush(ref: string, opts: { auth?: AuthConfig; platform?: string }, onMessage: (m: JsonMessage) => void): Promise<void>;
  /** POST /auth: checks credentials against a registry. */
  registryLogin(auth: AuthConfig): Promise<{ Status: string; IdentityToken?: string }>;
  /** GET /images/search (Docker Hub). */
  imageSearch(term: string, opts?: { limit?: number; filters?: Filters; auth?: AuthConfig }): Promise<SearchResultDto[]>;
  /** The Engine API's image JSON, keys in the daemon's order. */
  imageInspect(ref: string): Promise<Record<string, unknown>>;
  imageRemove(ref: string, opts?: { force?: boolean; noPrune?: boolean }): Promise<RemoveImageItem[]>;
  imageTag(source: string, target: string): Promise<void>;
  imageHistory(ref: string): Promise<Array<{ Id: string; Created: number; CreatedBy: string; Tags: string[] | null; Size: number; Comment: string }>>;

  // container filesystems
  /** docker diff: changes of the writable layer, sorted by path. */
  containerChanges(idOrName: string): Promise<FilesystemChange[]>;
  /** HEAD /containers/{id}/archive: what a path in the container is. */
  containerStatPath(idOrName: string, path: string): Promise<PathStat>;
  /** GET /containers/{id}/archive: a path's entries (the client makes the tar). */
  containerArchive(idOrName: string, path: string): Promise<PathArchive>;
  /** PUT /containers/{id}/archive: entries keyed relative to `dir` written into the container. */
  containerExtract(idOrName: string, dir: string, entries: FileTree, opts: ExtractOptions): Promise<void>;
  /** GET /containers/{id}/export: the merged filesystem; `created` stamps entries without an mtime. */
  containerExport(idOrName: string): Promise<{ tree: FileTree; created: number }>;
  containerCommit(idOrName: string, opts: CommitOptions): Promise<{ ID: string }>;
  /** POST /images/create?fromSrc=: returns the new image id. */
  imageImport(opts: ImportOptions): Promise<string>;
  /** GET /images/get: `docker save`'s tar archive of the named images. */
  imageSave(names: string[], opts?: { platform?: string }): Promise<Uint8Array>;
  /** POST /images/load: the client reads the tar; the daemon checks and stores it. */
  imageLoad(archive: LoadArchive, opts?: LoadOptions): Promise<LoadLine[]>;

  // networks
  networkList(filters?: Filters): Promise<NetworkSummary[]>;
  /** The Engine API's network JSON, keys in the daemon's order. */
  networkInspect(ref: string): Promise<Record<string, unknown>>;
  networkCreate(req: NetworkCreateRequest): Promise<{ Id: string; Warning: string }>;
  networkRemove(ref: string): Promise<void>;
  networkConnect(ref: string, req: NetworkConnectRequest): Promise<void>;
  networkDisconnect(ref: string, container: string, force?: boolean): Promise<void>;
  // volumes
  /** POST /volumes/create: an existing volume of that name is returned as it is. */
  volumeCreate(req: VolumeCreateRequest): Promise<VolumeDto>;
  volumeList(filters?: Filters): Promise<{ Volumes: VolumeDto[]; Warnings: string[] | null }>;
  /** The Engine API's volume JSON, keys in the daemon's order. */
  volumeInspect(name: string): Promise<Record<string, unknown>>;
  volumeRemove(name: string, force?: boolean): Promise<void>;

  /** mockdocker's own: an HTTP GET made from the host (published ports). */
  hostHttpGet(host: string, port: number, path: string): Promise<HostHttpResult>;
}
