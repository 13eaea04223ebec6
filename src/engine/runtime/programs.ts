// The program registry (FileEntry.program -> Program) and the launcher that runs one program
// from another inside the same container process (shell -> applet, xargs -> cmd, exec).
//
// Registry names:
//   "busybox"            multi-call binary, picks the applet from basename(argv[0]) or argv[1];
//                        busybox messages; "sh"/"ash" run the ash shell
//   "coreutils"          multi-call, GNU messages (coreutils, procps, grep, sed, findutils...)
//   "sh", "ash"          busybox ash;  "bash", "dash": those shells
//   any applet name      that command with GNU messages ("ls", "cat", "ps", ...)
//   service names        from services/index.ts (nginx, redis-server, ...)
import type { ContainerFs } from "../fs/types.js";
import { basenameOf, normalizePath } from "../fs/path.js";
import type { OutputChunk, Program, ProcessContext, ProcessResult } from "./types.js";
import {
  Input,
  LIMITS,
  NeverExits,
  ProcessState,
  passwdLines,
  type CommandContext,
  type Flavor,
  type LaunchOptions,
  type LaunchResult,
  type Launcher,
  type SentSignal,
} from "./applets/context.js";
import { APPLETS } from "./applets/index.js";
import { runShell } from "./shell/main.js";
import { servicePrograms } from "./services/index.js";
import { setProgramLookup } from "./services/exec.js";

export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** A program that runs inside the caller's process state (shares clock, output, fs). */
type Native = (ctx: CommandContext) => number;

const SHELLS = new Set(["sh", "ash", "bash", "dash"]);

function busybox(ctx: CommandContext): number {
  let argv = ctx.argv;
  if (basenameOf(argv[0]!) === "busybox") {
    if (argv.length < 2) {
      ctx.io.out("BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n");
      return 0;
    }
    argv = argv.slice(1);
  }
  const name = basenameOf(argv[0]!);
  if (name === "sh" || name === "ash") return runShell({ ...ctx, argv, name }, "ash");
  const applet = APPLETS[name];
  if (!applet || name === "bash" || name === "dash") {
    ctx.io.err(`${name}: applet not found\n`);
    return 127;
  }
  return applet({ ...ctx, argv, name, flavor: "busybox" });
}

function gnu(ctx: CommandContext): number {
  const name = basenameOf(ctx.argv[0]!);
  const applet = APPLETS[name];
  if (!applet) {
    ctx.io.err(`${name}: command not found\n`);
    return 127;
  }
  return applet({ ...ctx, name, flavor: "gnu" });
}

const NATIVE: Record<string, Native> = {
  busybox,
  coreutils: gnu,
  sh: (ctx) => runShell(ctx, "ash"),
  ash: (ctx) => runShell(ctx, "ash"),
  bash: (ctx) => runShell(ctx, "bash"),
  dash: (ctx) => runShell(ctx, "dash"),
};
for (const name of Object.keys(APPLETS)) {
  if (!NATIVE[name]) NATIVE[name] = (ctx) => APPLETS[name]!({ ...ctx, name: basenameOf(ctx.argv[0]!), flavor: "gnu" });
}

export type Resolution =
  | { ok: true; path: string; program: string; /** Interpreter argv for a `#!` script. */ interpreter?: string[] }
  | { ok: false; reason: "not-found" | "no-such-file" | "permission-denied" | "is-directory" };

function envValue(env: string[], key: string): string | undefined {
  for (let i = env.length - 1; i >= 0; i--) {
    const e = env[i]!;
    if (e.startsWith(key + "=")) return e.slice(key.length + 1);
  }
  return undefined;
}

/** Finds what runs for `name`: a path checked as is, a bare name searched on PATH (execvp). */
export function resolveExecutable(fs: ContainerFs, name: string, env: string[], workdir: string): Resolution {
  if (name === "") return { ok: false, reason: "not-found" };
  if (name.includes("/")) return checkFile(fs, normalizePath(name, workdir), 0);
  let denied = false;
  for (const dir of (envValue(env, "PATH") ?? DEFAULT_PATH).split(":")) {
    const base = dir === "" ? workdir : normalizePath(dir, workdir);
    const r = checkFile(fs, base === "/" ? `/${name}` : `${base}/${name}`, 0);
    if (r.ok) return r;
    if (r.reason === "permission-denied") denied = true;
  }
  return { ok: false, reason: denied ? "permission-denied" : "not-found" };
}

function checkFile(fs: ContainerFs, path: string, depth: number): Resolution {
  const e = fs.stat(path);
  if (!e) return { ok: false, reason: "no-such-file" };
  if (e.type === "dir") return { ok: false, reason: "is-directory" };
  if (e.type !== "file") return { ok: false, reason: "no-such-file" };
  if ((e.mode & 0o111) === 0) return { ok: false, reason: "permission-denied" };
  if (e.program) return { ok: true, path, program: e.program };
  const m = /^#!\s*(\S+)(?:[ \t]+(.*?))?\s*$/m.exec(e.content.split("\n", 1)[0] ?? "");
  if (m && depth < 4) {
    const interp = checkFile(fs, normalizePath(m[1]!), depth + 1);
    if (!interp.ok) return { ok: false, reason: "no-such-file" };
    return { ok: true, path, program: interp.program, interpreter: [m[1]!, ...(m[2] ? [m[2]] : [])] };
  }
  // No program and no #!: shells run such a file as a script.
  return { ok: true, path, program: "sh", interpreter: ["/bin/sh"] };
}

function envArray(env: Record<string, string>): string[] {
  return Object.entries(env).map(([k, v]) => `${k}=${v}`);
}

function envRecord(env: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of env) {
    const eq = e.indexOf("=");
    if (eq > 0) out[e.slice(0, eq)] = e.slice(eq + 1);
  }
  return out;
}

/** The launcher of one process state: finds and runs programs in-process. */
export function installLauncher(state: ProcessState): void {
  state.onFresh = installLauncher;
  const launch: Launcher = (argv, opts) => {
    const res = resolveExecutable(state.fs, argv[0]!, envArray(opts.env), opts.cwd);
    if (!res.ok) return res;
    const full = res.interpreter ? [...res.interpreter, argv[0]!.includes("/") ? argv[0]! : res.path, ...argv.slice(1)] : argv;
    const child = opts.replace ? undefined : state.spawn(argv.join(" "), opts.ppid ?? state.proc.pid);
    const pid = child?.pid ?? opts.ppid ?? state.proc.pid;
    if (opts.replace) {
      const me = state.processes.find((p) => p.pid === pid);
      if (me) me.command = full.join(" ");
    }
    try {
      return { ok: true, code: runProgram(state, res.program, full, opts, pid) };
    } catch (e) {
      // Anything but a shell (which words its own reaction) dies on TERM, except as PID 1.
      if (e instanceof NeverExits && e.onTerm === undefined) {
        throw new NeverExits(pid === 1 ? { kind: "ignore" } : { kind: "exit", code: 143 });
      }
      throw e;
    } finally {
      if (child) state.exited(child.pid);
    }
  };
  state.launch = launch;
}

function runProgram(state: ProcessState, program: string, argv: string[], opts: LaunchOptions, pid: number): number {
  const native = servicePrograms[program] ? undefined : NATIVE[program];
  if (native) {
    const ctx: CommandContext = {
      argv,
      name: basenameOf(argv[0]!),
      env: opts.env,
      cwd: opts.cwd,
      stdin: opts.stdin,
      io: opts.io,
      flavor: "gnu",
      state,
      exec: state.launch,
      piped: opts.piped,
      shellPid: pid,
    };
    return native(ctx);
  }
  const service = servicePrograms[program];
  if (!service) return 0;
  const base = state.now;
  const result = service.run({
    ...state.proc,
    argv,
    env: envArray(opts.env),
    workdir: opts.cwd,
    pid,
    stdin: opts.stdin.readAll(true) || undefined,
    startTime: state.proc.startTime + base,
    processes: state.processes,
  });
  replay(state, result.output, base, opts);
  if (result.oomAt !== undefined) state.oomAt ??= base + result.oomAt;
  if (result.exit === null) {
    // A service that keeps running brings its own process table (master and workers).
    for (const p of result.processes ?? []) {
      const index = state.processes.findIndex((q) => q.pid === p.pid);
      if (index >= 0) state.processes[index] = p;
      else state.processes.push(p);
    }
    throw new NeverExits(result.onTerm ?? { kind: "ignore" });
  }
  state.now = base + result.exit.at;
  return result.exit.code;
}

function replay(state: ProcessState, chunks: OutputChunk[], base: number, opts: LaunchOptions): void {
  for (const c of chunks) {
    state.now = base + c.at;
    if (c.stream === "stdout") opts.io.out(c.text);
    else opts.io.err(c.text);
  }
}

/** ProcessResult plus what the engine must act on: signals `kill` sent to other processes. */
export interface RuntimeResult extends ProcessResult {
  signals: SentSignal[];
}

/** Runs argv as a container's main process or an exec'd one, to its end or until it only waits. */
/**
 * The environment a process starts with: runc sets HOME from the user's /etc/passwd entry
 * ("/" when the user has none) unless it is already set (libcontainer/init_linux.go).
 */
export function withHome(ctx: ProcessContext): ProcessContext {
  // An empty HOME counts as unset (runc checks os.Getenv("HOME") == "") and is set in place.
  if (ctx.env.some((e) => e.startsWith("HOME=") && e !== "HOME=")) return ctx;
  const user = ctx.user.split(":")[0] ?? "";
  const entry = passwdLines(ctx.fs).find((l) => (user === "" ? l[2] === "0" : /^\d+$/.test(user) ? l[2] === user : l[0] === user));
  const home = `HOME=${entry?.[5] || "/"}`;
  const at = ctx.env.indexOf("HOME=");
  return { ...ctx, env: at < 0 ? [...ctx.env, home] : ctx.env.map((e, i) => (i === at ? home : e)) };
}

export function runProcess(original: ProcessContext, limits = LIMITS): RuntimeResult {
  const ctx = withHome(original);
  const state = new ProcessState(ctx, limits);
  installLauncher(state);
  const io = { out: state.sink("stdout"), err: state.sink("stderr") };
  const stdin = new Input(ctx.stdin ?? "", ctx.stdin === undefined && ctx.stdinOpen === true);
  let exit: ProcessResult["exit"] = null;
  let onTerm: ProcessResult["onTerm"];
  const argv = ctx.argv;
  try {
    const r = state.launch(argv, { env: envRecord(ctx.env), cwd: ctx.workdir, stdin, io, replace: true, ppid: ctx.pid });
    if (r.ok) exit = { code: r.code, at: state.now };
    else {
      // The engine reports start failures itself; this is only reached by direct callers.
      exit = { code: r.reason === "permission-denied" || r.reason === "is-directory" ? 126 : 127, at: 0 };
    }
  } catch (e) {
    if (!(e instanceof NeverExits)) throw e;
    onTerm = e.onTerm ?? (ctx.pid === 1 ? { kind: "ignore" } : { kind: "exit", code: 143 });
  }
  const output = [...state.output].sort((a, b) => a.at - b.at);
  const result: RuntimeResult = { output, exit, signals: state.signals, processes: state.processes };
  if (exit === null) result.onTerm = onTerm;
  if (state.oomAt !== undefined) result.oomAt = state.oomAt;
  return result;
}

function asProgram(native: Native): Program {
  return {
    run(ctx) {
      const state = new ProcessState(ctx);
      installLauncher(state);
      return runWith(state, ctx, native);
    },
  };
}

function runWith(state: ProcessState, ctx: ProcessContext, native: Native): RuntimeResult {
  const io = { out: state.sink("stdout"), err: state.sink("stderr") };
  let exit: ProcessResult["exit"] = null;
  let onTerm: ProcessResult["onTerm"];
  try {
    const code = native({
      argv: ctx.argv,
      name: basenameOf(ctx.argv[0] ?? ""),
      env: envRecord(ctx.env),
      cwd: ctx.workdir,
      stdin: new Input(ctx.stdin ?? "", ctx.stdin === undefined && ctx.stdinOpen === true),
      io,
      flavor: "gnu" as Flavor,
      state,
      exec: state.launch,
      shellPid: ctx.pid,
    });
    exit = { code, at: state.now };
  } catch (e) {
    if (!(e instanceof NeverExits)) throw e;
    onTerm = e.onTerm ?? (ctx.pid === 1 ? { kind: "ignore" } : { kind: "exit", code: 143 });
  }
  const result: RuntimeResult = { output: [...state.output].sort((a, b) => a.at - b.at), exit, signals: state.signals, processes: state.processes };
  if (exit === null) result.onTerm = onTerm;
  return result;
}

/** Every runnable program by registry name: the shells, busybox, coreutils, applets, services. */
export const programs: Record<string, Program> = {
  ...Object.fromEntries(Object.entries(NATIVE).map(([k, v]) => [k, asProgram(v)])),
  ...servicePrograms,
};

export function isShellProgram(name: string): boolean {
  return SHELLS.has(name) || name === "busybox";
}

setProgramLookup((name) => programs[name]);

