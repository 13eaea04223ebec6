// The process entry point: the only place that touches process.argv, env, exit and the real
// stdio. Wires store -> engine -> client -> program.
import { randomBytes } from "node:crypto";
import { localClient } from "../client/local.js";
import { Engine } from "../engine/host.js";
import { FileStore } from "../store/file-store.js";
import { extractDataDir, parseClock, resolveDataDir } from "./environment.js";
import { readClientConfig } from "./client-config.js";
import { nodeHostFiles, nodeStdin, nodeOutStream } from "./node-io.js";
import { runCli } from "./run-cli.js";
import type { Cli } from "./types.js";

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const env = process.env;
  const { argv: dockerArgv, dataDir: dataDirFlag } = extractDataDir(argv);
  const dataDir = resolveDataDir(dataDirFlag, env);
  const store = new FileStore(dataDir);
  const frozenStart = parseClock(env.MOCKDOCKER_CLOCK);
  const engine = new Engine({
    store,
    realNow: () => Date.now(),
    random: { bytes: (n) => new Uint8Array(randomBytes(n)) },
    ...(env.MOCKDOCKER_SEED ? { seed: env.MOCKDOCKER_SEED } : {}),
    ...(frozenStart !== undefined ? { frozenStart } : {}),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  const cli: Cli = {
    out: nodeOutStream(process.stdout),
    err: nodeOutStream(process.stderr),
    in: nodeStdin(),
    client: localClient(engine),
    config: await readClientConfig(dataDir, env),
    env: { ...env },
    files: nodeHostFiles(),
  };
  const code = await runCli(dockerArgv, cli);
  await flushStream(process.stdout);
  return code;
}

function flushStream(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}
