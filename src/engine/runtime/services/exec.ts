// How an entrypoint script hands over to another program (`exec "$@"`).
//
// Services cannot import the program registry (it imports them), so the registry hands in
// a lookup with setProgramLookup(); until it does, only the services themselves are found.
import type { FileEntry } from "../../fs/types.js";
import type { Program, ProcessContext, ProcessResult } from "../types.js";
import { basename, getenv, Output, setTermAnchor, termAnchor } from "./util.js";

/** Finds a program by the name a placeholder executable's `program` field gives. */
export type ProgramLookup = (name: string) => Program | undefined;

const own: Record<string, Program> = {};
let external: ProgramLookup | undefined;

/** Called by the registry (runtime/programs.ts) so entrypoints can exec shells and applets. */
export function setProgramLookup(lookup: ProgramLookup | undefined): void {
  external = lookup;
}

/** Called by services/index.ts with the service programs. */
export function registerOwnPrograms(programs: Record<string, Program>): void {
  Object.assign(own, programs);
}

export function lookupProgram(name: string): Program | undefined {
  return external?.(name) ?? own[name];
}

const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const NETWORK_TOOLS = new Set(["ping", "wget", "nc", "nslookup", "curl"]);

function fileAt(ctx: ProcessContext, path: string): FileEntry | undefined {
  try {
    const e = ctx.fs.stat(path);
    return e?.type === "file" ? e : undefined;
  } catch {
    return undefined;
  }
}

export interface Resolved {
  path: string;
  program: Program;
  /** argv to run it with (a script gets its interpreter in front). */
  argv: string[];
}

/** Looks a command up like execvp: a path as given, else each PATH directory. */
export function resolveCommand(ctx: ProcessContext, argv: string[], depth = 0): Resolved | undefined {
  const cmd = argv[0];
  if (!cmd || depth > 4) return undefined;
  const candidates = cmd.includes("/")
    ? [ctx.fs.resolve(cmd, ctx.workdir)]
    : (getenv(ctx, "PATH") ?? DEFAULT_PATH).split(":").filter(Boolean).map((d) => `${d.replace(/\/$/, "")}/${cmd}`);
  for (const path of candidates) {
    const file = fileAt(ctx, path);
    if (!file) continue;
    if (file.program) {
      const program = lookupProgram(file.program);
      if (program) return { path, program, argv };
      continue;
    }
    const shebang = /^#![ \t]*(\S+)(?:[ \t]+(\S+))?/.exec(file.content.split("\n", 1)[0] ?? "");
    if (shebang) {
      const interp = shebang[1]!;
      const extra = shebang[2] ? [shebang[2]] : [];
      const viaEnv = basename(interp) === "env" && extra.length > 0;
      const inner = resolveCommand(ctx, viaEnv ? [extra[0]!] : [interp], depth + 1);
      if (inner) return { path, program: inner.program, argv: [viaEnv ? extra[0]! : interp, ...(viaEnv ? [] : extra), path, ...argv.slice(1)] };
    }
  }
  // The image may not carry every binary as a file; fall back to the program of that name.
  // Network tools are the exception: many images lack them, and saying so is the lesson.
  if (NETWORK_TOOLS.has(basename(cmd))) return undefined;
  const program = lookupProgram(basename(cmd));
  return program ? { path: cmd, program, argv } : undefined;
}

export interface ExecOptions {
  /** User the new program runs as (gosu/su-exec in the entrypoints). */
  user?: string;
  env?: string[];
  /** Message the calling shell prints when the command is not found (without newline). */
  notFound?: (cmd: string) => string;
}

/**
 * Replaces the current process image: runs argv as the same pid, with output moved `offset`
 * ms later and appended after what the caller printed already.
 */
export function execInto(ctx: ProcessContext, argv: string[], before: Output, offset: number, opts: ExecOptions = {}): ProcessResult {
  const resolved = resolveCommand(ctx, argv);
  if (!resolved) {
    const msg = opts.notFound?.(argv[0] ?? "") ?? `exec: ${argv[0] ?? ""}: not found`;
    before.err(offset, msg);
    return { output: before.chunks, exit: { code: 127, at: offset } };
  }
  const childCtx: ProcessContext = {
    ...ctx,
    argv: resolved.argv,
    env: opts.env ?? ctx.env,
    user: opts.user ?? ctx.user,
    startTime: ctx.startTime + offset,
  };
  setTermAnchor(childCtx, termAnchor(ctx));
  const child = resolved.program.run(childCtx);
  before.append(child.output, offset);
  const result: ProcessResult = {
    output: before.chunks,
    exit: child.exit ? { code: child.exit.code, at: child.exit.at + offset } : null,
  };
  if (child.onTerm) result.onTerm = child.onTerm;
  if (child.processes) result.processes = child.processes.map((p) => ({ ...p, startedAt: p.startedAt + offset }));
  return result;
}

/** Message of dash (`sh`) when `exec` cannot find a command, as the Debian/Alpine entrypoints print it. */
export function dashNotFound(script: string, line: number): (cmd: string) => string {
  return (cmd) => `${script}: ${line}: exec: ${cmd}: not found`;
}

/** Message of bash when `exec` cannot find a command. */
export function bashNotFound(script: string, line: number): (cmd: string) => string {
  return (cmd) => `${script}: line ${line}: exec: ${cmd}: not found`;
}
