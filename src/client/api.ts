// DaemonApi: the Engine API operations the CLI needs, with Engine API-shaped DTOs.
// local.ts serves them in-process from the engine; an HTTP pair can serve them later.
// Errors are thrown as DaemonError (cli/errors.ts) carrying the daemon's text.
import type {
  Filters,
  Port,
  ContainerSummary,
  ImageSummary,
  JsonMessage,
  ContainerCreateRequest,
  LogEntry,
  LogsOptions,
  ExecRequest,
  ExecResult,
  WaitResult,
  TopResult,
  RemoveImageItem,
  VersionInfo,
  InfoDto,
} from "../engine/api-types.js";

export type {
  Filters,
  Port,
  ContainerSummary,
  ImageSummary,
  JsonMessage,
  ContainerCreateRequest,
  LogEntry,
  LogsOptions,
  ExecRequest,
  ExecResult,
  WaitResult,
  TopResult,
  RemoveImageItem,
  VersionInfo,
  InfoDto,
};

export interface DaemonApi {
  /** The simulated host's current time (ms); what the client's clock reads for relative times. */
  now(): Promise<number>;

  // system
  version(): Promise<VersionInfo>;
  info(): Promise<InfoDto>;

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
  containerExec(idOrName: string, req: ExecRequest): Promise<ExecResult>;

  // images
  imageList(opts: { all?: boolean; filters?: Filters; digests?: boolean }): Promise<ImageSummary[]>;
  /** Pulls and reports progress messages as they happen. `ref` is normalised ("docker.io/library/nginx:latest"). */
  imagePull(ref: string, opts: { allTags?: boolean; platform?: string }, onMessage: (m: JsonMessage) => void): Promise<void>;
  /** The Engine API's image JSON, keys in the daemon's order. */
  imageInspect(ref: string): Promise<Record<string, unknown>>;
  imageRemove(ref: string, opts?: { force?: boolean; noPrune?: boolean }): Promise<RemoveImageItem[]>;
  imageTag(source: string, target: string): Promise<void>;
  imageHistory(ref: string): Promise<Array<{ Id: string; Created: number; CreatedBy: string; Tags: string[] | null; Size: number; Comment: string }>>;
}
