// Walks the command tree the way docker's main does: global flags first (non-interspersed,
// cli/cobra.go HandleGlobalFlags), then cobra's Traverse (TraverseChildren), then the found
// command's flags, help, argument checks (cli/required.go) and its lazily loaded action.
import { StatusError } from "./errors.js";
import { FlagError, loadFlagParser, parseFlags, withHelpFlag } from "./flags.js";
import { renderHelp, type HelpContext } from "./help.js";
import type { ArgsSpec, CommandSpec, FlagSpec, ParsedFlags } from "./spec.js";
import { rootSpec } from "./specs/root.js";
import type { Cli } from "./types.js";

export const dockerVersionLine = "Docker version 28.2.2, build e6534b4";

const logLevels = ["panic", "fatal", "error", "warn", "warning", "info", "debug", "trace"];

interface Node {
  spec: CommandSpec;
  path: string[];
}

function helpContext(cli: Cli, tty: boolean): HelpContext {
  const width = cli.in.isTTY ? (cli.out.columns ?? cli.err.columns ?? 80) : 80;
  return { env: cli.env, width, tty };
}

function flagError(node: Node, err: FlagError): StatusError {
  return new StatusError(
    `${err.message}\n\nUsage:  ${node.spec.use}\n\nRun '${node.path.join(" ")} --help' for more information`,
    125,
  );
}

// Deprecation notices: the global pass writes them to stderr at once; cobra buffers a
// command's and prints them to stdout only when its flags parsed (cobra command.go ParseFlags).
function parseOrThrow(
  node: Node,
  argv: string[],
  cli: Cli,
  interspersed: boolean,
  noticeTo: "out" | "err",
  seen: (text: string) => void = () => {},
) {
  let buffered = "";
  try {
    const parsed = parseFlags(argv, withHelpFlag(node.spec.flags), {
      interspersed,
      ctx: { env: cli.env },
      notice: (t) => {
        seen(t);
        if (noticeTo === "err") cli.err.write(t);
        else buffered += t;
      },
    });
    if (buffered) cli.out.write(buffered);
    return parsed;
  } catch (e) {
    if (e instanceof FlagError) throw flagError(node, e);
    throw e;
  }
}

function plural(n: number): string {
  return n === 1 ? "argument" : "arguments";
}

/** cli/required.go: the argument-count checks and their exact texts. */
export function checkArgs(spec: ArgsSpec, use: string, path: string, count: number): void {
  const tail = (word: string) => `\n\nUsage:  ${use}\n\n${word} '${path} --help' for more information`;
  const program = path.split(" ")[0];
  switch (spec.kind) {
    case "any":
      return;
    case "none":
      if (count > 0) throw new StatusError(`${program}: '${path}' accepts no arguments${tail("Run")}`);
      return;
    case "exact":
      if (count !== spec.n) throw new StatusError(`${program}: '${path}' requires ${spec.n} ${plural(spec.n)}${tail("Run")}`);
      return;
    case "min":
      if (count < spec.n) throw new StatusError(`${program}: '${path}' requires at least ${spec.n} ${plural(spec.n)}${tail("See")}`);
      return;
    case "max":
      if (count > spec.n) throw new StatusError(`${program}: '${path}' requires at most ${spec.n} ${plural(spec.n)}${tail("SRun")}`);
      return;
    case "range":
      if (count < spec.min || count > spec.max) {
        throw new StatusError(
          `docker: '${path}' requires at least ${spec.min} and at most ${spec.max} ${plural(spec.max)}${tail("Run")}`,
        );
      }
      return;
  }
}

function findChild(spec: CommandSpec, name: string): CommandSpec | undefined {
  return spec.subcommands?.find((c) => c.name === name || c.aliases?.includes(name));
}

function isBool(flags: FlagSpec[], pred: (f: FlagSpec) => boolean): boolean {
  const f = flags.find(pred);
  return f?.type === "bool";
}

interface TraverseState {
  set: boolean;
  notices: string[];
  /** Notices printed while parsing each management level's flags. */
  perLevel: string[];
}

/**
 * cobra Command.Traverse: skips flag-looking words, descends into the named subcommand and
 * parses the flags seen so far with the parent's flag set.
 */
function traverse(node: Node, args: string[], cli: Cli, help: TraverseState): [Node, string[]] {
  const flags = withHelpFlag(node.spec.flags);
  const seen: string[] = [];
  let inFlag = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith("--") && !arg.includes("=")) {
      inFlag = !isBool(flags, (f) => f.name === arg.slice(2));
      seen.push(arg);
      continue;
    }
    if (arg.startsWith("-") && !arg.includes("=") && arg.length === 2 && !isBool(flags, (f) => f.short === arg[1])) {
      inFlag = true;
      seen.push(arg);
      continue;
    }
    if (inFlag) {
      inFlag = false;
      seen.push(arg);
      continue;
    }
    if (arg.length > 1 && arg[0] === "-") {
      seen.push(arg);
      continue;
    }
    const child = findChild(node.spec, arg);
    if (!child) return [node, args];
    const before = help.notices.length;
    const parsed = parseOrThrow(node, seen, cli, true, "out", (t) => help.notices.push(t));
    help.perLevel.push(help.notices.slice(before).join(""));
    if (parsed.flags.values.help === true) help.set = true;
    return traverse({ spec: child, path: [...childBase(node, child), child.name] }, args.slice(i + 1), cli, help);
  }
  return [node, args];
}

/** mockdocker's own verbs (`mockdocker lab ...`) name themselves after mockdocker, not docker. */
function childBase(node: Node, child: CommandSpec): string[] {
  return node.path.length === 1 && child.use.startsWith("mockdocker ") ? ["mockdocker"] : node.path;
}

/** cobra's Command.Find with flags stripped, as `docker help X` uses it. */
function findForHelp(root: Node, args: string[]): [Node, string[]] {
  let node = root;
  const words = args.filter((a) => !a.startsWith("-"));
  for (let i = 0; i < words.length; i++) {
    const child = findChild(node.spec, words[i]!);
    if (!child) return [node, words.slice(i)];
    node = { spec: child, path: [...childBase(node, child), child.name] };
  }
  return [node, []];
}

/** Runs one docker command line (argv without the program name) against `cli`. */
export async function dispatch(argv: string[], cli: Cli, root: CommandSpec = rootSpec): Promise<void> {
  const top: Node = { spec: root, path: [root.name] };
  if (argv.some((a) => a.length > 1 && a.startsWith("-"))) await loadFlagParser();

  // Global options stop at the first word that is not a flag.
  const global = parseOrThrow(top, argv, cli, false, "err");
  const level = String(global.flags.values["log-level"] ?? "info");
  if (global.flags.changed.has("log-level") && !logLevels.includes(level.toLowerCase())) {
    throw new StatusError(`Unable to parse logging level: ${level}`);
  }
  const help: TraverseState = { set: global.flags.values.help === true, notices: [], perLevel: [] };

  if (global.args[0] === "help" && !findChild(root, "help")) {
    const [node, rest] = findForHelp(top, global.args.slice(1));
    if (rest.length > 0) throw new StatusError(`unknown help topic: ${rest.join(" ")}`);
    cli.out.write(renderHelp(node.spec, node.path, helpContext(cli, cli.out.isTTY)));
    return;
  }

  const [node, rest] = traverse(top, global.args, cli, help);
  const isRoot = node === top;
  let parsed: { flags: ParsedFlags; args: string[] };
  if (isRoot) {
    // The root command re-reads what follows the globals with interspersed parsing.
    parsed = parseOrThrow(node, rest, cli, true, "err");
    for (const name of global.flags.changed) {
      parsed.flags.values[name] = global.flags.values[name];
      parsed.flags.changed.add(name);
    }
  } else {
    parsed = parseOrThrow(node, rest, cli, node.spec.interspersed ?? true, "out");
  }
  if (help.set || parsed.flags.values.help === true) {
    // docker's help function traverses the words again (cmd/docker/docker.go
    // tryRunPluginHelp); cobra reprints each level's whole, now doubled, notice buffer.
    for (const n of help.perLevel) cli.out.write(n + n);
    cli.out.write(renderHelp(node.spec, node.path, helpContext(cli, cli.out.isTTY)));
    return;
  }

  const path = node.path.join(" ");
  if (isRoot) {
    if (parsed.flags.values.version === true) {
      cli.out.write(dockerVersionLine + "\n");
      return;
    }
    if (parsed.args.length > 0) {
      throw new StatusError(`docker: unknown command: docker ${parsed.args[0]}\n\nRun 'docker --help' for more information`);
    }
    cli.err.write(renderHelp(node.spec, node.path, helpContext(cli, cli.err.isTTY)));
    throw new StatusError("", 0);
  }
  if (node.spec.subcommands) {
    if (parsed.args.length > 0) {
      throw new StatusError(
        `docker: unknown command: ${path} ${parsed.args[0]}\n\nUsage:  ${node.spec.use}\n\nRun '${path} --help' for more information`,
      );
    }
    cli.err.write(renderHelp(node.spec, node.path, helpContext(cli, cli.err.isTTY)));
    throw new StatusError("", 0);
  }

  checkArgs(node.spec.args, node.spec.use, path, parsed.args.length);
  if (!node.spec.load) throw new StatusError(`docker: '${path}' is not available`);
  const mod = await node.spec.load();
  await mod.action(cli, parsed.flags, parsed.args, node.path[node.path.length - 1]);
}
