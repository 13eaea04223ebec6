// Engine API-shaped request and response types, shared by the engine and its clients.

import type { MountSpec } from "./model.js";

export type Filters = Record<string, string[]>;

export interface Port {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  /** Unix seconds. */
  Created: number;
  Ports: Port[];
  SizeRw?: number;
  SizeRootFs?: number;
  Labels: Record<string, string>;
  State: string;
  Status: string;
  HostConfig: { NetworkMode: string };
  NetworkSettings: { Networks: Record<string, { NetworkID: string; IPAddress: string; MacAddress: string }> };
  Mounts: Array<{ Type: string; Name?: string; Source: string; Destination: string; Driver?: string; Mode: string; RW: boolean; Propagation: string }>;
}

export interface ImageSummary {
  Id: string;
  ParentId: string;
  RepoTags: string[];
  RepoDigests: string[];
  /** Unix seconds. */
  Created: number;
  Size: number;
  SharedSize: number;
  Labels: Record<string, string> | null;
  Containers: number;
}

/** A JSON progress message as the daemon streams them (pkg/jsonmessage). */
export interface JsonMessage {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
  progress?: string;
  error?: string;
  aux?: unknown;
}

export interface ContainerCreateRequest {
  name?: string;
  /** Image reference as the user typed it. */
  image: string;
  cmd?: string[];
  entrypoint?: string[];
  /** Entrypoint given as "" (--entrypoint ""): reset the image's entrypoint. */
  entrypointReset?: boolean;
  env: string[];
  labels: Record<string, string>;
  workingDir?: string;
  user?: string;
  hostname?: string;
  domainname?: string;
  tty: boolean;
  openStdin: boolean;
  stdinOnce: boolean;
  attachStdin: boolean;
  attachStdout: boolean;
  attachStderr: boolean;
  exposedPorts: string[];
  stopSignal?: string;
  stopTimeout?: number;
  volumes: string[];
  hostConfig: {
    binds: string[];
    containerIdFile: string;
    networkMode: string;
    portBindings: Record<string, Array<{ HostIp: string; HostPort: string }>>;
    publishAllPorts: boolean;
    restartPolicy: { Name: string; MaximumRetryCount: number };
    autoRemove: boolean;
    volumesFrom: string[];
    capAdd: string[];
    capDrop: string[];
    dns: string[];
    dnsOptions: string[];
    dnsSearch: string[];
    extraHosts: string[];
    links: string[];
    privileged: boolean;
    readonlyRootfs: boolean;
    tmpfs: Record<string, string>;
    init?: boolean;
    shmSize: number;
    memory: number;
    memoryReservation: number;
    memorySwap: number;
    nanoCpus: number;
    cpuShares: number;
    cpusetCpus: string;
    pidsLimit?: number;
    cpuPeriod?: number;
    cpuQuota?: number;
    cpusetMems?: string;
    blkioWeight?: number;
    oomKillDisable?: boolean;
    mounts: MountSpec[];
    logDriver?: string;
    logOpts?: Record<string, string>;
  };
  networking: {
    aliases: string[];
    ipv4Address?: string;
    ipv6Address?: string;
    macAddress?: string;
    /** Endpoints for the second and later --network values (API 1.44+), by name as typed. */
    extra?: Array<{ network: string; aliases: string[]; ipv4Address?: string; ipv6Address?: string; macAddress?: string }>;
  };
  platform?: string;
}

export interface LogEntry {
  stream: "stdout" | "stderr";
  text: string;
  /** ms since the epoch. */
  time: number;
}

export interface LogsOptions {
  stdout: boolean;
  stderr: boolean;
  /** Last N entries; undefined means all. */
  tail?: number;
  /** ms since the epoch; entries before are skipped. */
  since?: number;
  until?: number;
}

export interface ExecRequest {
  cmd: string[];
  env: string[];
  workingDir?: string;
  user?: string;
  tty: boolean;
  attachStdin: boolean;
  detach: boolean;
  privileged: boolean;
  stdin?: string;
}

export interface ExecResult {
  exitCode: number;
  output: Array<{ stream: "stdout" | "stderr"; text: string }>;
}

export interface WaitResult {
  StatusCode: number;
  Error?: { Message: string };
}

export interface TopResult {
  Titles: string[];
  Processes: string[][];
}

export interface RemoveImageItem {
  Untagged?: string;
  Deleted?: string;
}

export interface VersionInfo {
  Platform: { Name: string };
  Components: Array<{ Name: string; Version: string; Details: Record<string, string> }>;
  Version: string;
  ApiVersion: string;
  MinAPIVersion: string;
  GitCommit: string;
  GoVersion: string;
  Os: string;
  Arch: string;
  KernelVersion: string;
  Experimental?: boolean;
  BuildTime: string;
}

export type InfoDto = Record<string, unknown>;
