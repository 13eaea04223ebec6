// docker's help layout: the usage template in docker/cli cli/cobra.go and pflag's
// FlagUsagesWrapped / wrap / wrapN (spf13/pflag flag.go).
import { flagDisplayName, typeNameOf, withHelpFlag } from "./flags.js";
import type { CommandSpec, FlagContext, FlagSpec } from "./spec.js";
import { formatDuration, goQuote } from "./specs/go-parse.js";

export { flagDisplayName };

/** The "(default X)" text pflag prints, or undefined when pflag treats it as the zero value. */
export function defaultText(f: FlagSpec, ctx: FlagContext): string | undefined {
  if (f.defaultText !== undefined) {
    const t = typeof f.defaultText === "function" ? f.defaultText(ctx) : f.defaultText;
    if (t === undefined) return undefined;
    return typeNameOf(f) === "string" ? goQuote(t) : t;
  }
  const d = f.default;
  switch (f.type) {
    case "bool":
      return d === true ? "true" : undefined;
    case "string":
      return d === undefined || d === "" ? undefined : goQuote(String(d));
    case "int":
    case "uint":
    case "bytes":
    case "swapbytes":
    case "decimal":
      return d === undefined || d === 0 ? undefined : String(d);
    case "uint16":
      return String(d ?? 0);
    case "duration":
      return formatDuration(Number(d ?? 0));
    case "map":
      return "map[]";
    case "ulimit":
      return "[]";
    default:
      return undefined;
  }
}

// pflag wrapN: splits s at whitespace into a first part of at most i bytes (or i+slop when
// that takes the whole string) and the rest.
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ""];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(" "), head.lastIndexOf("\t"), head.lastIndexOf("\n"));
  if (w <= 0) return [s, ""];
  const nl = head.lastIndexOf("\n");
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

// pflag wrap: wraps s to width w with indent i for all but the first line.
function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.replaceAll("\n", "\n" + " ".repeat(i));
  let width = w - i;
  let r = "";
  if (width < 24) {
    i = 16;
    width = w - i;
    r += "\n" + " ".repeat(i);
  }
  if (width < 24) return s.replaceAll("\n", r);
  const slop = 5;
  width -= slop;
  const indent = "\n" + " ".repeat(i);
  let [line, rest] = wrapN(width, slop, s);
  r += line.replaceAll("\n", indent);
  while (rest !== "") {
    [line, rest] = wrapN(width, slop, rest);
    r += indent + line.replaceAll("\n", indent);
  }
  return r;
}

/** pflag FlagUsagesWrapped(cols): one line per visible flag, sorted by name. */
export function flagUsages(flags: FlagSpec[], cols: number, ctx: FlagContext): string {
  const visible = flags.filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines: string[] = [];
  let maxlen = 0;
  for (const f of visible) {
    let line = f.short && !f.shorthandDeprecated ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const varname = typeNameOf(f);
    if (varname !== "") line += " " + varname;
    line += "\x00";
    maxlen = Math.max(maxlen, line.length);
    line += f.usage;
    const def = defaultText(f, ctx);
    if (def !== undefined) line += ` (default ${def})`;
    lines.push(line);
  }
  let out = "";
  for (const line of lines) {
    const sidx = line.indexOf("\x00");
    out += `${line.slice(0, sidx)} ${" ".repeat(maxlen - sidx)} ${wrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`;
  }
  return out;
}

export interface HelpContext extends FlagContext {
  /** Terminal width (docker reads it from stdin's terminal; 80 otherwise). */
  width: number;
  /** Whether the help goes to a terminal (the root's closing line is bold there). */
  tty: boolean;
}

const minNamePadding = 11;

function namePadding(siblings: CommandSpec[]): number {
  return Math.max(minNamePadding, ...siblings.map((c) => c.name.length));
}

function listing(cmds: CommandSpec[], pad: number): string {
  return cmds.map((c) => `\n  ${c.name.padEnd(pad + 1)}${c.short}`).join("");
}

const byName = (a: CommandSpec, b: CommandSpec) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Full aliases line: docker's "aliases" annotation, else path plus each alias. */
export function aliasesLine(spec: CommandSpec, path: string[]): string | undefined {
  if (spec.aliasesLine) return spec.aliasesLine;
  if (!spec.aliases?.length) return undefined;
  const parent = path.slice(0, -1).join(" ");
  return [path.join(" "), ...spec.aliases.map((a) => `${parent} ${a}`)].join(", ");
}

const guidesLine = "For more help on how to use Docker, head to https://docs.docker.com/go/guides/";

/**
 * Renders `docker ... --help` for `spec`, reached through `path` (command names from the
 * root, e.g. ["docker", "container", "ls"]).
 */
export function renderHelp(spec: CommandSpec, path: string[], ctx: HelpContext): string {
  const isRoot = path.length === 1;
  const subs = (spec.subcommands ?? []).filter((c) => !c.hidden).sort(byName);
  const flags = withHelpFlag(spec.flags);
  const hasFlags = flags.some((f) => !f.hidden);
  const cols = ctx.width - 1;

  let usage: string;
  if (subs.length > 0 || spec.subcommands) usage = `${path.join(" ")}${hasFlags ? " [OPTIONS]" : ""} COMMAND`;
  else usage = spec.use;
  let out = `Usage:  ${usage}\n\n${(spec.long ?? spec.short).trim()}`;

  const aliases = aliasesLine(spec, path);
  if (aliases) out += `\n\nAliases:\n  ${aliases}`;
  if (!isRoot && hasFlags) out += `\n\nOptions:\n${flagUsages(flags, cols, ctx).trimEnd()}`;

  const pad = namePadding(spec.subcommands ?? []);
  if (isRoot) {
    const top = subs.filter((c) => c.group === "common").sort((a, b) => (a.topOrder ?? 0) - (b.topOrder ?? 0));
    if (top.length) out += "\n\nCommon Commands:" + listing(top, pad);
    const mgmt = subs.filter((c) => c.subcommands && c.group !== "swarm");
    if (mgmt.length) out += "\n\nManagement Commands:" + listing(mgmt, pad);
    const swarm = subs.filter((c) => c.subcommands && c.group === "swarm");
    if (swarm.length) out += "\n\nSwarm Commands:" + listing(swarm, pad);
  }
  const ops = subs.filter((c) => !c.subcommands && !(isRoot && c.group === "common"));
  if (ops.length) out += "\n\nCommands:" + listing(ops, pad);
  if (isRoot && hasFlags) out += `\n\nGlobal Options:\n${flagUsages(flags, cols, ctx).trimEnd()}`;
  if (subs.length) out += `\n\nRun '${path.join(" ")} COMMAND --help' for more information on a command.`;
  if (isRoot) out += "\n\n" + (ctx.tty ? `\x1b[1m${guidesLine}\x1b[0m` : guidesLine);
  return out + "\n";
}
