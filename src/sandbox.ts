// In-process sandboxes: a simulated host in memory, driven by docker command lines.
// For graders and tests: no files, no processes, deterministic by default.
import { localClient } from "./client/local.js";
import { localLab } from "./client/lab.js";
import { runCli } from "./cli/run-cli.js";
import type { Cli, ClientConfig, HostFiles, Terminal } from "./cli/types.js";
import { memoryHostFiles } from "./cli/memory-files.js";
import { Engine } from "./engine/host.js";
import type { HostFsPort } from "./engine/volumes/host-files.js";
import type { HostState } from "./engine/model.js";
import { MemoryStore } from "./store/memory-store.js";

export interface SandboxOptions {
  /** Seed for ids and names (default "mockdocker"). */
  seed?: string;
  /** The instant the clock stands still at (default 2025-06-01T10:00:00Z). */
  clock?: Date | number;
  /** Client environment seen by commands (for `-e KEY`). */
  env?: Record<string, string | undefined>;
  config?: ClientConfig;
  /** Files commands may read or write (--env-file, --cidfile); default: an in-memory map. */
  files?: HostFiles;
  /** The real host's files that bind mounts read (never write); default: none, binds start empty. */
  hostFs?: HostFsPort;
}

export interface CommandResult {
  /** Bytes written as binary (tar streams) also appear here, one character per byte. */
  stdout: string;
  /** The raw bytes when the command wrote binary output. */
  stdoutBytes?: Uint8Array;
  stderr: string;
  exitCode: number;
}

export interface Sandbox {
  /** Runs one command line: a string split like a shell would, or an argv array (without "docker"). */
  /** `terminal`: stdin is that (scripted) terminal, as for `run -it` typed by a user; a function gets the detach keys. */
  run(
    command: string | string[],
    options?: {
      stdin?: string | Uint8Array;
      terminal?: Terminal | ((opts: { detachKeys: number[] }) => Terminal);
      /** Interrupts the command (Ctrl-C): ends `docker events` that follows live events. */
      signal?: AbortSignal;
    },
  ): Promise<CommandResult>;
  /** A deep copy of the host state, for assertions. */
  state(): HostState | undefined;
  readonly files: Map<string, string>;
  /** The client's config.json as commands left it (logins live here, not in the host state). */
  clientConfig(): ClientConfig;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const store = new MemoryStore();
  const clock = options.clock === undefined ? Date.UTC(2025, 5, 1, 10, 0, 0) : Number(options.clock);
  const engine = new Engine({
    store,
    realNow: () => clock,
    random: { bytes: (n) => crypto.getRandomValues(new Uint8Array(n)) },
    seed: options.seed ?? "mockdocker",
    frozenStart: clock,
    sleep: async () => {},
    ...(options.hostFs ? { hostFs: options.hostFs } : {}),
  });
  const client = localClient(engine);
  const lab = localLab(engine);
  const fileMap = new Map<string, string>();
  // One client config for the sandbox's life, so a login is seen by later commands.
  const config: ClientConfig = options.config ?? {};
  const configFile = {
    path: "/root/.docker/config.json",
    async update(change: (c: ClientConfig) => ClientConfig) {
      const next = change(structuredClone(config));
      for (const key of Object.keys(config)) delete (config as Record<string, unknown>)[key];
      return Object.assign(config, next);
    },
  };
  const files: HostFiles = options.files ?? memoryHostFiles(fileMap);
  return {
    files: fileMap,
    state: () => store.snapshot(),
    clientConfig: () => structuredClone(config),
    async run(command, runOptions = {}) {
      const argv = typeof command === "string" ? splitCommandLine(command) : [...command];
      if (argv[0] === "docker" || argv[0] === "mockdocker") argv.shift();
      let stdout = "";
      let stderr = "";
      const stdinBytes = runOptions.stdin instanceof Uint8Array ? runOptions.stdin : undefined;
      const stdinText = stdinBytes ? new TextDecoder().decode(stdinBytes) : (runOptions.stdin as string | undefined);
      const outBytes: Uint8Array[] = [];
      let consumed = 0;
      const cli: Cli = {
        out: {
          write: (t) => void (stdout += t),
          // Binary output (tar streams) also lands in stdout, one character per byte.
          writeBytes: (b) => {
            outBytes.push(b);
            stdout += Buffer.from(b).toString("latin1");
          },
          isTTY: false,
        },
        err: { write: (t) => void (stderr += t), isTTY: false },
        in: {
          isTTY: runOptions.terminal !== undefined,
          ...(runOptions.terminal ? { terminal: (o: { detachKeys: number[] }) => (typeof runOptions.terminal === "function" ? runOptions.terminal(o) : runOptions.terminal!) } : {}),
          readBytes: async () => stdinBytes ?? new TextEncoder().encode(stdinText ?? ""),
          readAll: async () => {
            const rest = (stdinText ?? "").slice(consumed);
            consumed = (stdinText ?? "").length;
            return rest;
          },
          readLine: async () => {
            const rest = (stdinText ?? "").slice(consumed);
            if (rest === "") return null;
            const nl = rest.indexOf("\n");
            consumed += nl < 0 ? rest.length : nl + 1;
            return nl < 0 ? rest : rest.slice(0, nl);
          },
        },
        client,
        config,
        configFile,
        env: options.env ?? {},
        files,
        lab,
        ...(runOptions.signal ? { signal: runOptions.signal } : {}),
      };
      const exitCode = await runCli(argv, cli);
      return outBytes.length > 0 ? { stdout, stderr, exitCode, stdoutBytes: Buffer.concat(outBytes) } : { stdout, stderr, exitCode };
    },
  };
}

/** Splits a command line as a POSIX shell would for simple quoting ('...', "...", \\). */
export function splitCommandLine(line: string): string[] {
  const args: string[] = [];
  let current = "";
  let inArg = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      current += line.slice(i + 1, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
      inArg = true;
    } else if (ch === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) i++;
        current += line[i];
        i++;
      }
      inArg = true;
    } else if (ch === "\\" && i + 1 < line.length) {
      current += line[++i];
      inArg = true;
    } else if (/\s/.test(ch)) {
      if (inArg) args.push(current);
      current = "";
      inArg = false;
    } else {
      current += ch;
      inArg = true;
    }
  }
  if (inArg) args.push(current);
  return args;
}
