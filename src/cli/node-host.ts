// The Node side of a command: the state directory, the engine on its file store, and the Cli
// on the real stdio (shared by the full entry and the lean one).
import { fstatSync, statSync, writeSync } from "node:fs";
import type { DaemonApi } from "../client/api.js";
import { makeContainerListView } from "../engine/containers/list.js";
import { Engine } from "../engine/host.js";
import { encodeContainerView } from "../formatter/container-view-encode.js";
import { FileStore } from "../store/file-store.js";
import { clientConfigFile, readClientConfig } from "./client-config.js";
import { extractDataDir, parseClock, resolveDataDir } from "./environment.js";
import { nodeHostFiles, nodeOutStream, nodeStdin } from "./node-io.js";
import type { Cli, OutStream } from "./types.js";
import { nodeHostFs } from "./host-fs.js";

export interface NodeHost {
  /** The docker command line, without mockdocker's own --data-dir. */
  argv: string[];
  dataDir: string;
  engine: Engine;
}

export function openNodeHost(argv: string[], env: NodeJS.ProcessEnv): NodeHost {
  const { argv: dockerArgv, dataDir: dataDirFlag } = extractDataDir(argv);
  const dataDir = resolveDataDir(dataDirFlag, env);
  const frozenStart = parseClock(env.MOCKDOCKER_CLOCK);
  const engine = new Engine({
    store: new FileStore(dataDir, { containerView: (state) => encodeContainerView(makeContainerListView(state)) }),
    realNow: () => Date.now(),
    // Web Crypto loads on first use; node:crypto would load a dozen modules with every command.
    random: { bytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)) },
    ...(env.MOCKDOCKER_SEED ? { seed: env.MOCKDOCKER_SEED } : {}),
    ...(frozenStart !== undefined ? { frozenStart } : {}),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    hostFs: nodeHostFs(),
  });
  return { argv: dockerArgv, dataDir, engine };
}

/**
 * `brokenPipe` runs when a reader went away (`mockdocker logs web | head -1`): docker dies of
 * SIGPIPE there, silently.
 */
export async function nodeCli(host: NodeHost, client: DaemonApi, env: NodeJS.ProcessEnv, brokenPipe: () => void): Promise<Cli> {
  const config = await readClientConfig(host.dataDir, env);
  return {
    out:
      fileOutput(1) ??
      lazyOutput(() => {
        stdoutStarted = true;
        return nodeOutStream(onBrokenPipe(process.stdout, brokenPipe));
      }),
    err: lazyOutput(() => {
      stderrStarted = true;
      return nodeOutStream(onBrokenPipe(process.stderr, brokenPipe));
    }),
    in: nodeStdin(),
    client,
    config,
    configFile: clientConfigFile(host.dataDir, env, config),
    env: { ...env },
    files: nodeHostFiles(),
  };
}

let stdoutStarted = false;
let stderrStarted = false;

/** Waits until what was written to process.stdout and stderr has been handed to the system. */
export async function flushOutput(): Promise<void> {
  const flush = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()));
  if (stdoutStarted) await flush(process.stdout);
  if (stderrStarted) await flush(process.stderr);
}

// Creating process.stdout or process.stderr loads Node's stream machinery: a few milliseconds,
// a good part of a short command's cost. A stream is made only when first used, and output to
// a regular file or /dev/null is written straight to the descriptor (such writes never block).

function lazyOutput(make: () => OutStream): OutStream {
  let stream: OutStream | undefined;
  return new Proxy({} as OutStream, { get: (_target, property) => Reflect.get((stream ??= make()), property) });
}

function fileOutput(fd: number): OutStream | undefined {
  let direct: boolean;
  try {
    const st = fstatSync(fd);
    direct = st.isFile() || (st.isCharacterDevice() && st.rdev === statSync("/dev/null").rdev);
  } catch {
    return undefined;
  }
  if (!direct) return undefined;
  const writeAll = (bytes: Uint8Array) => {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
  };
  return { write: (text) => writeAll(Buffer.from(text, "utf8")), writeBytes: writeAll, isTTY: false };
}

function onBrokenPipe(stream: NodeJS.WriteStream, brokenPipe: () => void): NodeJS.WriteStream {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    brokenPipe();
  });
  return stream;
}
