// mockdocker completion bash|zsh|fish: completion scripts generated from the command specs.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import { rootSpec } from "../../cli/specs/root.js";
import type { Cli } from "../../cli/types.js";
import { completionEntries } from "./completion-data.js";
import { bashScript, fishScript, zshScript } from "./completion-scripts.js";

const SHELLS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

export function completionScript(shell: string): string {
  const make = SHELLS[shell as keyof typeof SHELLS];
  if (!make) throw new StatusError(`mockdocker: no completion for "${shell}": use bash, zsh or fish`, 1);
  return make(completionEntries(rootSpec));
}

export async function action(cli: Cli, _flags: ParsedFlags, args: string[]): Promise<void> {
  cli.out.write(completionScript(args[0]!));
}
