// Is a command line a shell that reads its commands from stdin (`sh`, `bash -l`, `busybox sh`)?
// Such a process is what `run -it`, `exec -it` and `attach` talk to line by line.
import type { ContainerFs } from "../../fs/types.js";
import { basenameOf } from "../../fs/path.js";
import { resolveExecutable } from "../programs.js";
import type { ShellFlavor } from "./messages.js";

const FLAVORS: Record<string, ShellFlavor> = { sh: "ash", ash: "ash", bash: "bash", dash: "dash" };

export function interactiveShellFlavor(fs: ContainerFs, argv: string[], env: string[], workdir: string): ShellFlavor | undefined {
  if (argv.length === 0) return undefined;
  const found = resolveExecutable(fs, argv[0]!, env, workdir);
  if (!found.ok || found.interpreter) return undefined;
  let args = argv.slice(1);
  let flavor: ShellFlavor | undefined;
  if (found.program === "busybox") {
    let name = basenameOf(argv[0]!);
    if (name === "busybox") {
      name = args[0] ?? "";
      args = args.slice(1);
    }
    flavor = name === "sh" || name === "ash" ? "ash" : undefined;
  } else {
    flavor = FLAVORS[found.program];
  }
  if (!flavor) return undefined;
  // Options only (-i, -l, --login, -s); -c or a script file means it does not read stdin.
  for (const a of args) {
    if (a === "-" || a === "--login" || a === "--norc" || a === "--noprofile") continue;
    if (/^[-+][a-zA-Z]+$/.test(a) && !a.includes("c")) continue;
    return undefined;
  }
  return flavor;
}
