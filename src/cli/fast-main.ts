// The lean entry for the commands a learner runs most often, `docker ps` and `docker images`
// (nothing before the verb but mockdocker's --data-dir): the same flags, client operation and
// formatter as the full CLI, without loading the rest of the CLI and the engine. Anything it
// does not take on — help, a flag error, a notice, arguments — returns undefined, and the
// launcher runs the full CLI, which prints what docker prints.
import { withDaemonErrors } from "../client/daemon-errors.js";
import type { DaemonApi } from "../client/api.js";
import { DaemonViews } from "../engine/daemon-views.js";
import { loadFlagParser, parseFlags, withHelpFlag } from "./flags.js";
import { flushOutput, nodeCli, openNodeHost } from "./node-host.js";
import { reportError } from "./report-error.js";
import type { VerbDef } from "./specs/define.js";
import { ls as containerLs } from "./specs/container-ls.js";
import { ls as imageLs } from "./specs/image-ls.js";

const verbs: Record<string, { spec: VerbDef; maxArgs: number }> = {
  ps: { spec: containerLs, maxArgs: 0 },
  images: { spec: imageLs, maxArgs: 1 },
};

export async function fastMain(argv: string[] = process.argv.slice(2)): Promise<number | undefined> {
  const host = openNodeHost(argv, process.env);
  const verb = verbs[host.argv[0] ?? ""];
  if (verb === undefined) return undefined;
  const words = host.argv.slice(1);
  if (words.some((w) => w.startsWith("-"))) await loadFlagParser();
  let parsed;
  try {
    parsed = parseFlags(words, withHelpFlag(verb.spec.flags), {
      interspersed: true,
      ctx: { env: process.env },
      notice: () => {
        throw new Error("notice");
      },
    });
  } catch {
    return undefined;
  }
  if (parsed.flags.values.help === true || parsed.args.length > verb.maxArgs) return undefined;

  const client = withDaemonErrors(new DaemonViews(host.engine)) as unknown as DaemonApi;
  const cli = await nodeCli(host, client, process.env, brokenPipe);
  let code = 0;
  try {
    const mod = await verb.spec.load();
    await mod.action(cli, parsed.flags, parsed.args);
  } catch (error) {
    code = reportError(error, cli);
  }
  await flushOutput();
  return code;
}

/** The shell's status for a command killed by SIGPIPE (128 + 13), which is how docker ends. */
function brokenPipe(): void {
  process.exit(141);
}
