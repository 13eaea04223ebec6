// Command and flag specifications: the data the parser and help renderer work from.
import type { Cli } from "./types.js";

/** How a flag's value is parsed; each mirrors a pflag or docker/cli opts Value type. */
export type FlagType =
  | "bool"
  | "string"
  | "int" // strconv.ParseInt(s, 0, 64)
  | "uint" // strconv.ParseUint(s, 0, 64)
  | "uint16" // strconv.ParseUint(s, 0, 16)
  | "list" // opts.ListOpts: repeatable, string[]
  | "stringArray" // repeatable, string[], no splitting
  | "strings" // pflag StringSlice: repeatable, comma-separated (CSV)
  | "map" // opts.MapOpts: repeatable key=value, Record<string,string>
  | "filter" // opts.FilterOpt: repeatable name=value, string[]
  | "bytes" // opts.MemBytes (units.RAMInBytes), number
  | "swapbytes" // opts.MemSwapBytes: bytes, or -1 for unlimited
  | "duration" // time.ParseDuration, milliseconds as number
  | "decimal" // opts.NanoCPUs, nano-units as number
  | "ulimit" // opts.UlimitOpt, string[]
  | "mount" // opts.MountOpt, MountSpec[]
  | "gpus"; // opts.GpuOpts, string[]

export interface FlagContext {
  /** The client's environment (env flags copy KEY from it when given without a value). */
  env: Record<string, string | undefined>;
}

export interface FlagSpec {
  /** Long name without dashes, e.g. "no-trunc". */
  name: string;
  /** One-letter shorthand without dash. */
  short?: string;
  type: FlagType;
  /** The value-type word pflag shows in help ("string", "list", ...); derived from type when absent. */
  typeName?: string;
  /** Value the command sees when the flag is not given. */
  default?: unknown;
  /** Text pflag shows in "(default X)"; derived from default and type when absent. */
  defaultText?: string | ((ctx: FlagContext) => string | undefined);
  /** One-line (or multi-line) description, in our own words. */
  usage: string;
  hidden?: boolean;
  /** Set when the shorthand still works but prints a notice and is left out of help. */
  shorthandDeprecated?: string;
  /** Set when the flag still works but prints pflag's notice (keep it hidden from help too). */
  deprecated?: string;
  /**
   * Extra check run while parsing (docker's opts validators). Returns the value to store
   * (possibly normalised) or throws Error whose message follows `invalid argument ... flag: `.
   */
  validate?: (value: string, ctx: FlagContext) => string;
}

export type ArgsSpec =
  | { kind: "none" }
  | { kind: "any" }
  | { kind: "exact"; n: number }
  | { kind: "min"; n: number }
  | { kind: "max"; n: number }
  | { kind: "range"; min: number; max: number };

export type CommandGroup = "common" | "management" | "swarm" | "commands";

export interface CommandSpec {
  name: string;
  aliases?: string[];
  /** cobra's UseLine, e.g. "docker ps [OPTIONS]". */
  use: string;
  /** One-line summary, in our own words. */
  short: string;
  /** Longer description shown by --help instead of `short` (cobra's Long). */
  long?: string;
  args: ArgsSpec;
  flags: FlagSpec[];
  /** false: flag parsing stops at the first positional argument (run, create, exec, top). */
  interspersed?: boolean;
  load?: () => Promise<CommandModule>;
  subcommands?: CommandSpec[];
  /** Where the root help lists it. */
  group?: CommandGroup;
  /** Order in "Common Commands" (docker's category-top annotation). */
  topOrder?: number;
  /** Full aliases line when it differs from the computed one (docker's "aliases" annotation). */
  aliasesLine?: string;
  hidden?: boolean;
}

export interface ParsedFlags {
  /** Keyed by long name; every flag of the command is present (defaults filled). */
  values: Record<string, unknown>;
  /** Long names of flags the user gave. */
  changed: Set<string>;
}

export interface CommandModule {
  /** `calledAs`: the command's name where the user reached it (images, ls, ps, ...). */
  action(cli: Cli, flags: ParsedFlags, args: string[], calledAs?: string): Promise<void>;
}

/** One `--mount` value, as docker/cli opts/mount.go builds it. */
export interface MountSpec {
  Type: string;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: { Propagation?: string; NonRecursive?: boolean };
  VolumeOptions?: {
    NoCopy?: boolean;
    Labels: Record<string, string>;
    DriverConfig: { Name?: string; Options?: Record<string, string> };
  };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}
