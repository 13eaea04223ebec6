// Flag parsing with pflag's grammar and messages (spf13/pflag flag.go parseArgs,
// parseLongArg, parseSingleShortArg, set). The argv is first split into flag occurrences the
// way pflag reads it; commander then assigns, converts and accumulates the values through
// per-flag argParsers, so value errors surface in argv order before any later syntax error.
import type * as Commander from "commander";

// commander is only needed once a flag was given; `docker ps` alone never loads it.
let commander: typeof Commander | undefined;

/** Loads the flag value machinery (commander) before parseFlags is given flags. */
export async function loadFlagParser(): Promise<void> {
  commander ??= await import("commander");
}
import type { FlagContext, FlagSpec, ParsedFlags } from "./spec.js";
import {
  goQuote,
  parseBool,
  parseDuration,
  parseInt0,
  parseNanoCpus,
  parseUint0,
  ramInBytes,
} from "./specs/go-parse.js";
import { parseMount } from "./specs/mount.js";
import { splitCsv, validateGpus, validateUlimit } from "./specs/validators.js";

/** A pflag parse error; its message is exactly what pflag reports. */
export class FlagError extends Error {}

/** The flag cobra adds to every command ("-h" still works but is deprecated). */
export function helpFlag(withShorthand: boolean): FlagSpec {
  return {
    name: "help",
    ...(withShorthand ? { short: "h", shorthandDeprecated: "use --help" } : {}),
    type: "bool",
    usage: "Print usage",
    hidden: true,
  };
}

/** The flag set cobra would parse for a command: its flags plus the help flag. */
export function withHelpFlag(flags: FlagSpec[]): FlagSpec[] {
  if (flags.some((f) => f.name === "help")) return flags;
  return [...flags, helpFlag(!flags.some((f) => f.short === "h"))];
}

const typeNames: Record<FlagSpec["type"], string> = {
  bool: "",
  string: "string",
  int: "int",
  uint: "uint",
  uint16: "uint16",
  list: "list",
  stringArray: "stringArray",
  strings: "strings",
  map: "map",
  filter: "filter",
  bytes: "bytes",
  swapbytes: "bytes",
  duration: "duration",
  decimal: "decimal",
  ulimit: "ulimit",
  mount: "mount",
  gpus: "gpu-request",
};

export function typeNameOf(f: FlagSpec): string {
  return f.typeName ?? typeNames[f.type];
}

/** How pflag names a flag in "invalid argument" errors. */
export function flagDisplayName(f: FlagSpec): string {
  return f.short && !f.shorthandDeprecated ? `-${f.short}, --${f.name}` : `--${f.name}`;
}

function zeroValue(f: FlagSpec): unknown {
  switch (f.type) {
    case "bool":
      return false;
    case "string":
      return "";
    case "int":
    case "uint":
    case "uint16":
    case "bytes":
    case "swapbytes":
    case "duration":
    case "decimal":
      return 0;
    case "map":
      return {};
    default:
      return [];
  }
}

/** The value a command sees when the flag is absent (a fresh copy each time). */
export function defaultValue(f: FlagSpec): unknown {
  const v = f.default ?? zeroValue(f);
  if (Array.isArray(v)) return [...v];
  if (v && typeof v === "object") return { ...v };
  return v;
}

/** Converts one raw value the way the flag's pflag Value.Set does; throws with Set's error. */
export function convertValue(f: FlagSpec, raw: string, prev: unknown, ctx: FlagContext): unknown {
  const checked = f.validate ? f.validate(raw, ctx) : raw;
  const list = () => [...(prev as unknown[])];
  switch (f.type) {
    case "bool":
      return parseBool(checked);
    case "string":
      return checked;
    case "int":
      return parseInt0(checked);
    case "uint":
      return parseUint0(checked);
    case "uint16":
      return parseUint0(checked, 16);
    case "bytes":
      return ramInBytes(checked);
    case "swapbytes":
      return checked === "-1" ? -1 : ramInBytes(checked);
    case "duration":
      return parseDuration(checked);
    case "decimal":
      return parseNanoCpus(checked);
    case "list":
    case "stringArray":
      return [...list(), checked];
    case "strings":
      return checked === "" ? list() : [...list(), ...splitCsv(checked)];
    case "filter":
      // docker/cli opts.FilterOpt -> filters.ParseFlag: empty values are ignored.
      if (checked === "") return list();
      if (!checked.includes("=")) throw new Error("bad format of filter (expected name=value)");
      return [...list(), checked];
    case "ulimit":
      return [...list(), validateUlimit(checked)];
    case "gpus":
      return [...list(), validateGpus(checked)];
    case "mount":
      return [...list(), parseMount(checked)];
    case "map": {
      const i = checked.indexOf("=");
      const out = { ...(prev as Record<string, string>) };
      out[i < 0 ? checked : checked.slice(0, i)] = i < 0 ? "" : checked.slice(i + 1);
      return out;
    }
  }
}

interface Occurrence {
  flag: FlagSpec;
  value: string;
}

interface Scan {
  occurrences: Occurrence[];
  args: string[];
  error?: string;
}

/** pflag's parseArgs: splits argv into flag occurrences and positional arguments. */
function scan(argv: string[], flags: FlagSpec[], interspersed: boolean, notice: (text: string) => void): Scan {
  const byName = new Map(flags.map((f) => [f.name, f]));
  const byShort = new Map(flags.filter((f) => f.short).map((f) => [f.short!, f]));
  const occurrences: Occurrence[] = [];
  const args: string[] = [];
  let rest = argv.slice();
  const done = (error?: string): Scan => (error === undefined ? { occurrences, args } : { occurrences, args, error });

  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s.length < 2 || s[0] !== "-") {
      args.push(s);
      if (!interspersed) {
        args.push(...rest);
        return done();
      }
      continue;
    }
    if (s[1] === "-") {
      if (s.length === 2) {
        args.push(...rest);
        return done();
      }
      let name = s.slice(2);
      if (name[0] === "-" || name[0] === "=") return done(`bad flag syntax: ${s}`);
      const eq = name.indexOf("=");
      const inline = eq >= 0 ? name.slice(eq + 1) : undefined;
      if (eq >= 0) name = name.slice(0, eq);
      const flag = byName.get(name);
      if (!flag) return done(`unknown flag: --${name}`);
      let value: string;
      if (inline !== undefined) value = inline;
      else if (flag.type === "bool") value = "true";
      else if (rest.length > 0) value = rest.shift()!;
      else return done(`flag needs an argument: ${s}`);
      if (flag.deprecated) notice(`Flag --${name} has been deprecated, ${flag.deprecated}\n`);
      occurrences.push({ flag, value });
      continue;
    }
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0]!;
      const flag = byShort.get(c);
      if (!flag) return done(`unknown shorthand flag: '${c}' in -${shorthands}`);
      let value: string;
      let next = shorthands.slice(1);
      if (shorthands.length > 2 && shorthands[1] === "=") {
        value = shorthands.slice(2);
        next = "";
      } else if (flag.type === "bool") value = "true";
      else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        next = "";
      } else if (rest.length > 0) value = rest.shift()!;
      else return done(`flag needs an argument: '${c}' in -${shorthands}`);
      if (flag.shorthandDeprecated) notice(`Flag shorthand -${c} has been deprecated, ${flag.shorthandDeprecated}\n`);
      occurrences.push({ flag, value });
      shorthands = next;
    }
  }
  return done();
}

export interface ParseOptions {
  interspersed?: boolean;
  ctx: FlagContext;
  /** Receives pflag's deprecation notices (already newline-terminated). */
  notice?: (text: string) => void;
}

export interface ParseResult {
  flags: ParsedFlags;
  args: string[];
}

/** Parses argv against `flags` (include the help flag yourself). Throws FlagError. */
export function parseFlags(argv: string[], flags: FlagSpec[], opts: ParseOptions): ParseResult {
  const found = scan(argv, flags, opts.interspersed ?? true, opts.notice ?? (() => {}));
  const index = new Map(flags.map((f, i) => [f, i]));
  const used = new Set(found.occurrences.map((o) => o.flag));

  if (used.size === 0) {
    if (found.error !== undefined) throw new FlagError(found.error);
    const values: Record<string, unknown> = {};
    for (const f of flags) values[f.name] = defaultValue(f);
    return { flags: { values, changed: new Set() }, args: found.args };
  }
  if (!commander) throw new Error("parseFlags: loadFlagParser() was not awaited");
  const { Command, Option } = commander;
  // Options get neutral names so commander's own conventions (--no-*, camelCase) never apply.
  const cmd = new Command()
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} })
    .helpOption(false)
    .allowExcessArguments(true)
    .action(() => {});
  for (const f of used) {
    const opt = new Option(`--f${index.get(f)} <value>`).argParser((raw: string, prev: unknown) => {
      try {
        return convertValue(f, raw, prev ?? defaultValue(f), opts.ctx);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new FlagError(`invalid argument ${goQuote(raw)} for ${goQuote(flagDisplayName(f))} flag: ${why}`);
      }
    });
    cmd.addOption(opt);
  }
  cmd.parse(
    found.occurrences.map((o) => `--f${index.get(o.flag)}=${o.value}`),
    { from: "user" },
  );
  if (found.error !== undefined) throw new FlagError(found.error);

  const stored = cmd.opts<Record<string, unknown>>();
  const values: Record<string, unknown> = {};
  for (const f of flags) {
    const key = `f${index.get(f)}`;
    values[f.name] = key in stored ? stored[key] : defaultValue(f);
  }
  return { flags: { values, changed: new Set([...used].map((f) => f.name)) }, args: found.args };
}
