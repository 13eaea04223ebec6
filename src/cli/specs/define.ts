// Small builders that keep the spec data compact.
import type { ArgsSpec, CommandModule, CommandSpec, FlagSpec, FlagType } from "../spec.js";

/** A flag from "a|all" (shorthand|long) or "all". */
export function fl(names: string, type: FlagType, usage: string, more: Partial<FlagSpec> = {}): FlagSpec {
  const [a, b] = names.split("|");
  return b === undefined
    ? { name: a!, type, usage, ...more }
    : { name: b, short: a!, type, usage, ...more };
}

/** --format for commands that print tables. */
export const tableFormatUsage = [
  "Render the output with a template:",
  "'table':            Table with column headers (default)",
  "'table TEMPLATE':   Table whose columns come from the Go template",
  "'json':             One JSON document per item",
  "'TEMPLATE':         Each item rendered by the Go template.",
  "See https://docs.docker.com/go/formatting/ for the template syntax",
].join("\n");

/** --format for commands that print JSON documents. */
export const jsonFormatUsage = [
  "Render the output with a template:",
  "'json':             The full JSON document",
  "'TEMPLATE':         The document rendered by the Go template.",
  "See https://docs.docker.com/go/formatting/ for the template syntax",
].join("\n");

export const args = {
  none: { kind: "none" } as ArgsSpec,
  any: { kind: "any" } as ArgsSpec,
  exact: (n: number): ArgsSpec => ({ kind: "exact", n }),
  min: (n: number): ArgsSpec => ({ kind: "min", n }),
  max: (n: number): ArgsSpec => ({ kind: "max", n }),
  range: (min: number, max: number): ArgsSpec => ({ kind: "range", min, max }),
};

/** A verb defined once and placed under several parents (docker ps / docker container ls). */
export interface VerbDef {
  name: string;
  aliases?: string[];
  /** What follows the name in cobra's Use, e.g. "[OPTIONS] CONTAINER". */
  useTail: string;
  short: string;
  long?: string;
  args: ArgsSpec;
  flags: FlagSpec[];
  interspersed?: boolean;
  aliasesLine?: string;
  load: () => Promise<CommandModule>;
}

export interface Placement {
  /** Name under this parent (a shortcut may differ: ps for container ls). */
  name?: string;
  aliases?: string[];
  group?: CommandSpec["group"];
  topOrder?: number;
}

export function place(def: VerbDef, parentPath: string, at: Placement = {}): CommandSpec {
  const name = at.name ?? def.name;
  const spec: CommandSpec = {
    name,
    use: `${parentPath} ${name}${def.useTail ? " " + def.useTail : ""}`,
    short: def.short,
    args: def.args,
    flags: def.flags,
    load: def.load,
  };
  const aliases = at.name !== undefined ? at.aliases : (at.aliases ?? def.aliases);
  if (aliases?.length) spec.aliases = aliases;
  if (def.aliasesLine) spec.aliasesLine = def.aliasesLine;
  if (def.long) spec.long = def.long;
  if (def.interspersed !== undefined) spec.interspersed = def.interspersed;
  if (at.group) spec.group = at.group;
  if (at.topOrder !== undefined) spec.topOrder = at.topOrder;
  return spec;
}
