// The simulated host's state: JSON-serialisable, versioned. Times are ms since the epoch.
import type { FileTree } from "./fs/types.js";
import type { OutputChunk, ProcessInfo, SignalReaction } from "./runtime/types.js";

export const SCHEMA_VERSION = 1;

export interface HostState {
  schemaVersion: number;
  /** Host identity, made once. */
  host: { id: string; name: string; createdAt: number };
  clock: ClockState;
  /** Counter behind deterministic ids (MOCKDOCKER_SEED) and names. */
  idCounter: number;
  /** Layers pulled or created locally, by diff id ("sha256:<hex>"). */
  layers: Record<string, LayerRecord>;
  /** Images by id ("sha256:<hex>", the config digest). */
  images: Record<string, ImageRecord>;
  /** Tags and digests: "docker.io/library/nginx:latest" -> image id. */
  references: Record<string, string>;
  containers: Record<string, ContainerRecord>;
  networks: Record<string, NetworkRecord>;
  volumes: Record<string, VolumeRecord>;
  /** What containers wrote through bind mounts, by host source path: the real host is never written. */
  bindLayers?: Record<string, FileTree>;
  events: EventRecord[];
  /** The simulated Docker Hub: accounts and what users pushed (absent until first used). */
  hub?: HubState;
  /** Last ephemeral host port handed out, by "ip/proto": the next search starts after it (portallocator). */
  lastEphemeralPort?: Record<string, number>;
}

/** Docker Hub as the simulation keeps it (the built-in catalogue stays read-only beside it). */
export interface HubState {
  /** Username -> sha256 hex of the password; an account is made on its first login. */
  accounts: Record<string, string>;
  /** Repositories users pushed, by path ("alice/app"). */
  repositories: Record<string, { tags: Record<string, string>; manifests: string[]; layers: string[]; private?: boolean }>;
  /** Blobs by digest: manifests, configs and layer contents. */
  blobs: Record<string, string>;
}

export interface ClockState {
  /** When set, time stands still at this instant unless moved by a wait or `lab clock`. */
  frozenAt?: number;
  /** Added to the real clock when not frozen. */
  offsetMs: number;
}

export interface LayerRecord {
  diffId: string;
  /** Digest of the compressed blob in the registry (what pull progress names). */
  blobDigest?: string;
  /** Uncompressed size in bytes. */
  size: number;
  /** Files of this layer when they are not in the catalogue (committed or loaded layers). */
  files?: FileTree;
  /** A loaded layer tar (base64) that `files` would not re-create byte for byte; save writes it back. */
  rawTar?: string;
}

export interface ImageConfig {
  User: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env: string[];
  Cmd: string[] | null;
  Entrypoint: string[] | null;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  Healthcheck?: { Test: string[]; Interval?: number; Timeout?: number; Retries?: number };
  OnBuild: string[] | null;
  ArgsEscaped?: boolean;
  Shell?: string[];
}

export interface HistoryEntry {
  created: string;
  created_by: string;
  empty_layer?: boolean;
  comment?: string;
  author?: string;
}

export interface ImageRecord {
  id: string;
  /** Repository digests, "docker.io/library/nginx@sha256:...". */
  repoDigests: string[];
  parent: string;
  comment: string;
  /** ms since the epoch. */
  created: number;
  author: string;
  dockerVersion: string;
  architecture: string;
  variant?: string;
  os: string;
  config: ImageConfig;
  /** Layer diff ids, base first. */
  layers: string[];
  history: HistoryEntry[];
  /** Sum of layer sizes. */
  size: number;
  /** Catalogue key ("library/nginx:latest") this image came from, when pulled. */
  source?: string;
  /** ms since the epoch of the last tag change, for Metadata.LastTagTime. */
  lastTagTime?: number;
  /** A loaded config blob that the fields above would not re-create byte for byte (its sha256 is the id). */
  rawConfig?: string;
}

export type ContainerStatus = "created" | "running" | "paused" | "restarting" | "removing" | "exited" | "dead";

export interface ContainerState {
  status: ContainerStatus;
  running: boolean;
  paused: boolean;
  restarting: boolean;
  oomKilled: boolean;
  dead: boolean;
  pid: number;
  exitCode: number;
  error: string;
  /** 0 means never (Go's zero time). */
  startedAt: number;
  finishedAt: number;
  /** Set by stop/kill so restart policies do not bring it back. */
  manuallyStopped: boolean;
}

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

export interface RestartPolicy {
  Name: "" | "no" | "always" | "unless-stopped" | "on-failure";
  MaximumRetryCount: number;
}

export interface MountPoint {
  Type: "bind" | "volume" | "tmpfs";
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: string;
  Mode: string;
  RW: boolean;
  Propagation: string;
}

/** api/types/mount.Mount: a --mount as HostConfig.Mounts keeps it. */
export interface MountSpec {
  Type: string;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: { Propagation?: string; NonRecursive?: boolean; CreateMountpoint?: boolean };
  VolumeOptions?: { NoCopy?: boolean; Labels?: Record<string, string>; DriverConfig?: { Name?: string; Options?: Record<string, string> } };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[];
  Cmd: string[] | null;
  Healthcheck?: ImageConfig["Healthcheck"];
  /** The image reference as the user typed it. */
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string>;
  StopSignal?: string;
  StopTimeout?: number;
}

export interface HostConfig {
  Binds: string[] | null;
  ContainerIDFile: string;
  LogConfig: { Type: string; Config: Record<string, string> };
  NetworkMode: string;
  PortBindings: Record<string, PortBinding[]>;
  RestartPolicy: RestartPolicy;
  AutoRemove: boolean;
  VolumesFrom: string[] | null;
  CapAdd: string[] | null;
  CapDrop: string[] | null;
  Dns: string[];
  DnsOptions: string[];
  DnsSearch: string[];
  ExtraHosts: string[] | null;
  Links: string[] | null;
  Privileged: boolean;
  PublishAllPorts: boolean;
  ReadonlyRootfs: boolean;
  Tmpfs?: Record<string, string>;
  Init?: boolean;
  ShmSize: number;
  // Resources
  CpuShares: number;
  Memory: number;
  NanoCpus: number;
  MemoryReservation: number;
  MemorySwap: number;
  PidsLimit: number | null;
  CpusetCpus: string;
  CpuPeriod?: number;
  CpuQuota?: number;
  CpusetMems?: string;
  BlkioWeight?: number;
  Mounts?: MountSpec[];
}

export interface EndpointRecord {
  networkId: string;
  endpointId: string;
  ipAddress: string;
  ipPrefixLen: number;
  gateway: string;
  macAddress: string;
  aliases: string[];
  dnsNames: string[];
  links: string[];
  ipamConfig?: { IPv4Address?: string; IPv6Address?: string };
  /** --mac-address: the MAC the endpoint gets instead of a random one. */
  configuredMac?: string;
}

/** The simulated main process, as the runtime reported it when the container started. */
export interface ProcessRecord {
  /** Output not yet moved to the log (chunks whose time has not come). */
  pending: OutputChunk[];
  /** ms since the epoch at which the main process ends by itself; null: runs until stopped. */
  exitAt: number | null;
  exitCode: number;
  onTerm: SignalReaction;
  processes: ProcessInfo[];
  /** A stop or kill is under way: its completion emits the `stop` event. */
  stopPending?: boolean;
  /** The stop signal was ignored: SIGKILL follows when the grace period ends. */
  killAfterGrace?: boolean;
  /** The kernel's OOM killer struck a process of the container at this instant (ms since the epoch). */
  oomAt?: number;
  /** An interactive shell's working directory and variables, kept between attaches. */
  shell?: { cwd: string; vars: Record<string, string>; exported: string[]; status: number };
}

export interface ContainerRecord {
  id: string;
  /** With the leading "/". */
  name: string;
  created: number;
  path: string;
  args: string[];
  /** Image id ("sha256:..."). */
  image: string;
  config: ContainerConfig;
  hostConfig: HostConfig;
  state: ContainerState;
  restartCount: number;
  /** Back-off before the next automatic restart, ms (Docker: 100 doubling to 60000). */
  restartDelayMs: number;
  /** When an automatic restart is due (status restarting). */
  restartAt?: number;
  /** The container's writable layer. */
  rwLayer: FileTree;
  mounts: MountPoint[];
  /** Contents of its tmpfs mounts by destination, while it runs. */
  tmpfsFiles?: Record<string, FileTree>;
  /** Endpoints by network name. */
  networks: Record<string, EndpointRecord>;
  sandboxId: string;
  process?: ProcessRecord;
  /** Exec sessions started in it (ids). */
  execIds: string[];
  /** Next pid to hand out inside the container. */
  nextPid: number;
  /** Published ports while running (NetworkSettings.Ports), with the host ports chosen. */
  ports?: Array<{ IP: string; PrivatePort: number; PublicPort: number; Type: string }>;
  /** When it was paused: a paused process does not advance. */
  pausedAt?: number;
}

export interface NetworkRecord {
  id: string;
  name: string;
  created: number;
  driver: string;
  scope: string;
  enableIPv6: boolean;
  internal: boolean;
  attachable: boolean;
  ipam: { driver: string; options: Record<string, string> | null; config: Array<{ Subnet: string; Gateway?: string; IPRange?: string; AuxiliaryAddresses?: Record<string, string> }> };
  options: Record<string, string>;
  labels: Record<string, string>;
  /** Absent means true (only `--ipv4=false` turns it off). */
  enableIPv4?: boolean;
  /** The subnet came from the default pools, not --subnet (static --ip is refused then). */
  dynamicSubnet?: boolean;
}

export interface VolumeRecord {
  name: string;
  driver: string;
  created: number;
  labels: Record<string, string>;
  options: Record<string, string> | null;
  /** Anonymous volumes get the com.docker.volume.anonymous label in Docker 28. */
  anonymous: boolean;
  files: FileTree;
  /** Labels show as JSON null (volumes made by a container's -v, not by volume create). */
  nullLabels?: boolean;
}

export interface EventRecord {
  /** ns precision is faked from ms: time in ms plus a sequence for ordering. */
  time: number;
  seq: number;
  type: "container" | "image" | "network" | "volume" | "daemon" | "plugin" | "node" | "service" | "secret" | "config" | "builder";
  action: string;
  actorId: string;
  attributes: Record<string, string>;
  scope: "local" | "swarm";
}

export type LogRecord = OutputChunk & { /** absolute ms */ time: number };
