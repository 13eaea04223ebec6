// What a command sees of the world: streams, the daemon client, client config, environment.
import type { DaemonApi } from "../client/api.js";
import type { LabApi } from "../client/lab.js";

export interface OutStream {
  write(text: string): void;
  /** True when the stream is a terminal. */
  readonly isTTY: boolean;
  /** Terminal width in columns when a terminal. */
  readonly columns?: number;
  /** Raw bytes (tar streams of cp and export); text streams without it take latin1 text. */
  writeBytes?(bytes: Uint8Array): void;
}

export interface InStream {
  readonly isTTY: boolean;
  /** Reads all of stdin (empty string when there is none). */
  readAll(): Promise<string>;
  /** Reads one line (without the newline), or null at end of input. */
  readLine(): Promise<string | null>;
  /** Reads all of stdin as bytes (tar streams of cp and import). */
  readBytes?(): Promise<Uint8Array>;
  /** Reads a line from the terminal without echoing it (passwords); null when cancelled. */
  readSecret?(): Promise<string | null>;
  /** A terminal session on stdin (raw mode, line editing, history); only when isTTY. */
  terminal?(opts: { detachKeys: number[] }): Terminal | Promise<Terminal>;
}

/** What the user did at the terminal (cli/terminal.ts). */
export type TerminalInput = { kind: "line"; text: string } | { kind: "eof" } | { kind: "interrupt" } | { kind: "detach" };

/** An interactive terminal for `run -it`, `exec -it`, `attach`: docker's escape proxy in front of a line editor. */
export interface Terminal {
  /** Shows the prompt and reads one edited line; Ctrl-D on an empty line is eof, Ctrl-C interrupt. */
  readLine(prompt: string): Promise<TerminalInput>;
  /** While a command holds the terminal: the next Ctrl-C or detach sequence. */
  waitKey(): Promise<"interrupt" | "detach">;
  /** Stops a pending waitKey (its promise then never settles); keys go to the line editor again. */
  stopWaiting?(): void;
  /** Ends a pending readLine (as eof): the container went away while the user was typing. */
  cancel?(): void;
  /** Gives the terminal back as it was. */
  close(): void;
}

/** docker's ~/.docker/config.json equivalent. */
export interface ClientConfig {
  psFormat?: string;
  imagesFormat?: string;
  networksFormat?: string;
  volumesFormat?: string;
  statsFormat?: string;
  detachKeys?: string;
  auths?: Record<string, { auth?: string }>;
  /** Filters every prune adds to the user's ("label!=keep"). */
  pruneFilters?: string[];
}

/** The client config file: its path (for messages) and a locked read-modify-write. */
export interface ClientConfigFile {
  readonly path: string;
  update(change: (config: ClientConfig) => ClientConfig): Promise<ClientConfig>;
}

export interface Cli {
  out: OutStream;
  err: OutStream;
  in: InStream;
  client: DaemonApi;
  config: ClientConfig;
  /** The client's environment (for `-e KEY` without a value, etc.). */
  env: Record<string, string | undefined>;
  /** Reads a file the user named (--env-file, --cidfile checks); throws Node-style errors. */
  files: HostFiles;
  /** Where config.json lives and how to change it (login, logout); absent: changes stay in memory. */
  configFile?: ClientConfigFile;
  /** mockdocker's own lab operations (reset, snapshots, clock, grading); absent in bare test Clis. */
  lab?: LabApi;
  /** Aborted on an interrupt (Ctrl-C) in-process; ends streams that follow (events). */
  signal?: AbortSignal;
}

/** The only door to the real machine's files: what the user named on the command line. */
export interface HostFiles {
  readText(path: string): string;
  exists(path: string): boolean;
  /** Creates the file exclusively; throws if it exists. */
  writeNew(path: string, content: string): void;
  remove(path: string): void;
  // Binary files and directory trees, for cp, export -o and import (optional: text-only hosts lack them).
  readBytes?(path: string): Uint8Array;
  /** Creates or truncates the file. */
  writeBytes?(path: string, bytes: Uint8Array, mode?: number): void;
  /** Like lstat (or stat with `follow`); undefined when nothing is there. */
  stat?(path: string, follow?: boolean): HostStat | undefined;
  readdir?(path: string): string[];
  mkdir?(path: string, mode?: number): void;
  symlink?(target: string, path: string): void;
  /** Sets a file's modification time (ms). */
  utime?(path: string, mtime: number): void;
  /** The absolute form of a path the user typed (against the working directory). */
  resolve?(path: string): string;
}

export interface HostStat {
  type: "file" | "dir" | "symlink" | "other";
  /** Permission bits. */
  mode: number;
  size: number;
  /** ms since the epoch. */
  mtime: number;
  /** Symlink target. */
  target?: string;
}
