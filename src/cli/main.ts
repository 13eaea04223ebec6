// The process entry point: the only place (with the lean fast-main.ts) that touches
// process.argv, env and exit. Wires store -> engine -> client -> program.
import { localClient } from "../client/local.js";
import { localLab } from "../client/lab.js";
import { flushOutput, nodeCli, openNodeHost } from "./node-host.js";
import { runCli } from "./run-cli.js";

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const host = openNodeHost(argv, process.env);
  const cli = { ...(await nodeCli(host, localClient(host.engine), process.env, brokenPipe)), lab: localLab(host.engine) };
  const code = await runCli(host.argv, cli);
  await flushOutput();
  return code;
}

/** The shell's status for a command killed by SIGPIPE (128 + 13), which is how docker ends. */
function brokenPipe(): void {
  process.exit(141);
}
