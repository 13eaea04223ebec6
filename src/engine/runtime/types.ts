// The contract between the container engine and the simulated programs.
//
// A program runs to completion synchronously against a virtual clock: `sleep 5` moves
// the clock on instead of waiting. What it prints is recorded with the moment it was
// printed, so the engine can show only the lines that exist "now" and decide lazily
// when the process ends. Programs that serve (nginx, redis-server) never end by
// themselves: they report `exit: null` and say how they react to signals.
import type { ContainerFs } from "../fs/types.js";

export type Stream = "stdout" | "stderr";

export interface OutputChunk {
  /** ms after the process started. */
  at: number;
  stream: Stream;
  /** Text as written, including its newlines. */
  text: string;
}

export interface ProcessInfo {
  pid: number;
  /** User name as ps shows it ("root"). */
  user: string;
  /** Full command line as ps shows it, e.g. "nginx: master process nginx -g daemon off;". */
  command: string;
  /** ms after the container started. */
  startedAt: number;
  /** Parent pid (0 for PID 1). */
  ppid: number;
  /** Resident memory in bytes, when the program knows it (else a per-command estimate). */
  rss?: number;
  /** Share of one CPU it keeps busy (a stress worker: 1); absent: idle. */
  cpu?: number;
  /** Program name (services/index.ts key) of a process a supervisor watches. */
  program?: string;
  /** ms since the epoch at which an exec'd process ends (absent: lives as long as PID 1). */
  endsAt?: number;
}

/** How a process that keeps running reacts to a signal from `docker stop`/`kill`. */
export type SignalReaction =
  | { kind: "exit"; code: number; log?: OutputChunk[] } // handles it and exits with code
  | { kind: "ignore" }; // PID 1 without a handler: only SIGKILL ends it

export interface ProcessContext {
  /** The full command: argv[0] is what was executed (path or name). */
  argv: string[];
  /** "KEY=VALUE" entries, already merged (image Env, then -e flags). */
  env: string[];
  workdir: string;
  /** User as given to -u or the image (name, uid, or uid:gid); "" means root. */
  user: string;
  hostname: string;
  fs: ContainerFs;
  pid: number;
  /** Whole stdin when attached with -i to a pipe or file; undefined when none. */
  stdin?: string;
  /** No stdin given but it stays open (`-i`/`-t` with no client attached): readers wait forever. */
  stdinOpen?: boolean;
  tty: boolean;
  /** ms since the epoch at which the process starts (the virtual clock's origin). */
  startTime: number;
  /** Processes already in the container (for ps/top inside it). */
  processes: ProcessInfo[];
  /** Deterministic randomness for programs that need it (0 <= x < 1). */
  random: () => number;
  /** Bytes the container's cgroup lets it use (memory plus swap); undefined: no limit. */
  memoryLimit?: number;
  /** Looks up a simulated service reachable from this container (networking lands later). */
  network?: NetworkAccess;
}

export interface NetworkAccess {
  /** Resolve a host name from inside the container; undefined if unknown. */
  resolve(host: string): string | undefined;
  /** An HTTP GET to a simulated service; undefined when nothing answers. */
  httpGet(host: string, port: number, path: string): { status: number; headers: Record<string, string>; body: string } | undefined;
  /**
   * Asks the container's DNS server only (no /etc/hosts): the IPv4 addresses, or undefined
   * (NXDOMAIN). `upstreamOnly`: a server outside the host, which knows no container names.
   */
  dnsLookup?(name: string, upstreamOnly?: boolean): string[] | undefined;
  /** The AAAA answer: [] when the name exists without IPv6, undefined for NXDOMAIN. */
  dnsLookupAAAA?(name: string, upstreamOnly?: boolean): string[] | undefined;
  /** A reverse (PTR) lookup at the container's DNS server: "web.mynet" for a neighbour's address. */
  dnsReverse?(ip: string): string | undefined;
  /** The nameserver the container asks ("127.0.0.11" on user-defined networks). */
  nameserver?(): string;
  /** Opens a TCP connection to an IPv4 address. */
  connect?(ip: string, port: number): NetConnection;
  /** Sends an ICMP echo to an IPv4 address. */
  ping?(ip: string): { ok: true; ttl: number; rttMs: number } | { ok: false; error?: NetFailure };
  /**
   * Connects to ip:port, sends `data` and half-closes: what the server writes back before it
   * closes. `at` is when (ms since the epoch; default the process start).
   */
  exchange?(ip: string, port: number, data: string, at?: number): NetExchange;
}

export type NetExchange = { ok: true; reply: string; program: string } | { ok: false; error: NetFailure; afterMs: number };

/** Why a connection failed, as errno texts name it; afterMs is how long the attempt took. */
export type NetFailure = "refused" | "unreachable" | "timeout" | "netunreach";

export type NetConnection = { ok: true; peer: NetPeer } | { ok: false; error: NetFailure; afterMs: number };

/** The simulated program that accepted a connection. */
export interface NetPeer {
  /** Program name as services/index.ts keys it ("nginx", "redis-server", "httpd"). */
  program: string;
  /** The serving container's filesystem (writes persist with the transaction). */
  fs: ContainerFs;
  port: number;
  /** ms since the epoch (Date headers). */
  now: number;
  /** The address the server sees the client connect from (its access log). */
  clientIp?: string;
  /** Writes to the serving process's output at `at` (ms since the epoch; default `now`): an access log line in `docker logs`. */
  log?(stream: Stream, text: string, at?: number): void;
  /** The serving process ends with this conversation at `at` (a one-shot `nc -l`). */
  end?(at: number): void;
}

export interface ProcessResult {
  output: OutputChunk[];
  /** null: keeps running until signalled (a service, or `sleep infinity`). */
  exit: { code: number; at: number } | null;
  /** For a process that is still running: how it reacts to SIGTERM (or the stop signal). */
  onTerm?: SignalReaction;
  /** Processes alive while this one runs (including itself as the first), for ps/top. */
  processes?: ProcessInfo[];
  /** The kernel OOM-killed one of its processes at this ms after start (the program reacted in its output). */
  oomAt?: number;
}

/** A simulated executable, registered by name (FileEntry.program). */
export interface Program {
  run(ctx: ProcessContext): ProcessResult;
}
