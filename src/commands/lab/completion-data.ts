// What shell completion knows, read from the command specs: each command path's subcommands,
// flags, and the kinds of object its arguments name (from the usage line).
import type { CommandSpec } from "../../cli/spec.js";

export interface CompletionEntry {
  /** Words after the program name, e.g. "container run" ("" for the root). */
  path: string;
  subs: string[];
  flags: string[];
  /** Object kind of each positional argument, in order: container, image, network, volume, or "-" for none. */
  args: string[];
}

const KINDS: Array<[RegExp, string]> = [
  [/^\[?CONTAINER\b/, "container"],
  [/^\[?(IMAGE|SOURCE_IMAGE|TARGET_IMAGE|REPOSITORY|NAME\[:TAG)/, "image"],
  [/^\[?NETWORK\b/, "network"],
  [/^\[?VOLUME\b/, "volume"],
];

function argKinds(spec: CommandSpec, path: string): string[] {
  // The usage tail after the command path, without options.
  const first = spec.use.split("\n")[0]!;
  const tail = first.slice(first.indexOf(path) + path.length).trim();
  return tail
    .split(/\s+/)
    .filter((w) => w !== "" && w !== "[OPTIONS]" && !w.startsWith("..."))
    .map((w) => KINDS.find(([re]) => re.test(w))?.[1] ?? "-");
}

export function completionEntries(root: CommandSpec): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  const walk = (spec: CommandSpec, words: string[]) => {
    const path = words.join(" ");
    const subs = (spec.subcommands ?? []).flatMap((c) => [c.name, ...(c.aliases ?? [])]);
    const flags = spec.flags.filter((f) => !f.hidden).flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]);
    if (words.length === 0) flags.push("--data-dir");
    flags.push("--help");
    const args = spec.subcommands ? [] : argKinds(spec, words[words.length - 1] ?? "");
    out.push({ path, subs, flags: [...new Set(flags)].sort(), args });
    for (const c of spec.subcommands ?? []) {
      walk(c, [...words, c.name]);
      for (const a of c.aliases ?? []) walk(c, [...words, a]);
    }
  };
  walk(root, []);
  return out;
}
