// What a command sees of the world: streams, the daemon client, client config, environment.
import type { DaemonApi } from "../client/api.js";

export interface OutStream {
  write(text: string): void;
  /** True when the stream is a terminal. */
  readonly isTTY: boolean;
  /** Terminal width in columns when a terminal. */
  readonly columns?: number;
}

export interface InStream {
  readonly isTTY: boolean;
  /** Reads all of stdin (empty string when there is none). */
  readAll(): Promise<string>;
  /** Reads one line (without the newline), or null at end of input. */
  readLine(): Promise<string | null>;
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
}

/** The only door to the real machine's files: what the user named on the command line. */
export interface HostFiles {
  readText(path: string): string;
  exists(path: string): boolean;
  /** Creates the file exclusively; throws if it exists. */
  writeNew(path: string, content: string): void;
  remove(path: string): void;
}
