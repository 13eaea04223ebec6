// The Node side of a command: the state directory, the engine on its file store, and the Cli
// on the real stdio (shared by the full entry and the lean one).
import type { DaemonApi } from "../client/api.js";
import { Engine } from "../engine/host.js";
import { FileStore } from "../store/file-store.js";
import { readClientConfig } from "./client-config.js";
import { extractDataDir, parseClock, resolveDataDir } from "./environment.js";
import { nodeHostFiles, nodeOutStream, nodeStdin } from "./node-io.js";
import type { Cli } from "./types.js";
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
    store: new FileStore(dataDir),
    realNow: () => Date.now(),
    // Web Crypto from the global: node:crypto costs a millisecond to load and ps needs no ids.
    random: { bytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)) },
    ...(env.MOCKDOCKER_SEED ? { seed: env.MOCKDOCKER_SEED } : {}),
    ...(frozenStart !== undefined ? { frozenStart } : {}),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    hostFs: nodeHostFs(),
  });
  return { argv: dockerArgv, dataDir, engine };
}

export async function nodeCli(host: NodeHost, client: DaemonApi, env: NodeJS.ProcessEnv): Promise<Cli> {
  return {
    out: nodeOutStream(process.stdout),
    err: nodeOutStream(process.stderr),
    in: nodeStdin(),
    client,
    config: await readClientConfig(host.dataDir, env),
    env: { ...env },
    files: nodeHostFiles(),
  };
}

export function flushStdout(): Promise<void> {
  return new Promise((resolve) => process.stdout.write("", () => resolve()));
}
