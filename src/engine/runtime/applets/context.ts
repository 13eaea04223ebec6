// What a simulated command sees while it runs inside a container process: its arguments,
// environment, stdin, where its output goes, and the process-wide state (fs, virtual clock).
import type { ContainerFs } from "../../fs/types.js";
import { FsError } from "../../fs/types.js";
import type { OutputChunk, ProcessContext, ProcessInfo, SignalReaction } from "../types.js";

/** Whose messages an applet prints: busybox's or GNU coreutils'/procps'. */
export type Flavor = "busybox" | "gnu";

/** A signal sent by `kill` inside the container; the engine acts on those aimed at other processes. */
export interface SentSignal {
  pid: number;
  /** Name without the SIG prefix: "TERM", "KILL", "HUP", ... */
  signal: string;
  /** ms after the process started. */
  at: number;
}

/** Thrown when a command keeps running forever (tail -f, sleep infinity, a service, a loop). */
export class NeverExits extends Error {
  constructor(readonly onTerm?: SignalReaction) {
    super("never exits");
  }
}

/**
 * Caps on simulating a process that looks endless. A loop iteration past any of them makes the
 * process "keeps running" (exit null) with the output produced so far.
 */
export const LIMITS = {
  /** Virtual time: one day. */
  timeMs: 24 * 60 * 60 * 1000,
  /** Output kept from one process. */
  outputBytes: 64 * 1024,
  /** Separate writes kept (a loop printing every second for a day would be 86400). */
  chunks: 2000,
  /** Loop iterations and commands run (busy loops without sleep). */
  steps: 200_000,
};

export interface CmdIO {
  out(text: string): void;
  err(text: string): void;
}

/** stdin as a string consumed from the front (read consumes a line, cat the rest). */
export class Input {
  private pos = 0;
  /**
   * `open`: stdin stays open with nobody writing (`-i` or `-t` without an attached client):
   * a reader that reaches the end waits forever instead of seeing end of file.
   */
  constructor(
    private readonly data: string = "",
    readonly open = false,
  ) {}
  /** `peek`: what is there now, without waiting on an open stdin (services read their input this way). */
  readAll(peek = false): string {
    if (this.open && !peek) throw new NeverExits();
    const rest = this.data.slice(this.pos);
    this.pos = this.data.length;
    return rest;
  }
  /** Next line without its newline; undefined at end of input. `partial` when no newline ended it. */
  readLine(): { line: string; partial: boolean } | undefined {
    if (this.pos >= this.data.length && this.open) throw new NeverExits();
    if (this.pos >= this.data.length) return undefined;
    const nl = this.data.indexOf("\n", this.pos);
    if (nl < 0) {
      const line = this.data.slice(this.pos);
      this.pos = this.data.length;
      return { line, partial: true };
    }
    const line = this.data.slice(this.pos, nl);
    this.pos = nl + 1;
    return { line, partial: false };
  }
}

/** Shared by every command of one container process. */
export class ProcessState {
  /** Virtual ms since the process started. */
  now = 0;
  steps = 0;
  outputBytes = 0;
  readonly output: OutputChunk[] = [];
  readonly signals: SentSignal[] = [];
  /** When the kernel OOM-killed one of this process's children (a program reported it). */
  oomAt?: number;
  readonly processes: ProcessInfo[];
  private nextPid: number;
  /** Runs a program found by path or PATH lookup; installed by the runtime. */
  launch: Launcher = () => {
    throw new Error("no launcher");
  };

  constructor(readonly proc: ProcessContext, readonly limits = LIMITS) {
    this.processes = [...proc.processes];
    if (!this.processes.some((p) => p.pid === proc.pid)) {
      this.processes.push({ pid: proc.pid, user: userName(proc), command: proc.argv.join(" "), startedAt: 0, ppid: 0 });
    }
    const max = Math.max(...this.processes.map((p) => p.pid));
    // A fresh container's first child after PID 1 is usually 7 (runc's init steps take the rest).
    this.nextPid = max === 1 ? 7 : max + 1;
  }

  get fs(): ContainerFs {
    return this.proc.fs;
  }

  sink(stream: "stdout" | "stderr"): (text: string) => void {
    return (text) => {
      if (text === "") return;
      this.outputBytes += text.length;
      const last = this.output[this.output.length - 1];
      if (last && last.stream === stream && last.at === this.now) last.text += text;
      else this.output.push({ at: this.now, stream, text });
      if (this.outputBytes > this.limits.outputBytes || this.output.length > this.limits.chunks) throw new NeverExits();
    };
  }

  advance(ms: number): void {
    this.now += Math.max(0, Math.round(ms));
  }

  /** Called per loop iteration and per command: endless-looking work stops here. */
  tick(): void {
    this.steps++;
    if (this.now > this.limits.timeMs || this.steps > this.limits.steps) throw new NeverExits();
  }

  /** Called on every new state (installs the launcher). */
  onFresh?: (s: ProcessState) => void;

  /** A new, empty state for the same process (trap handlers run at signal time). */
  fresh(): ProcessState {
    const s = new ProcessState(this.proc, this.limits);
    s.onFresh = this.onFresh;
    this.onFresh?.(s);
    return s;
  }

  spawn(command: string, ppid: number): ProcessInfo {
    const info: ProcessInfo = { pid: this.nextPid++, user: userName(this.proc), command, startedAt: this.now, ppid };
    this.processes.push(info);
    return info;
  }

  exited(pid: number): void {
    const i = this.processes.findIndex((p) => p.pid === pid);
    if (i >= 0) this.processes.splice(i, 1);
  }
}

export interface LaunchOptions {
  env: Record<string, string>;
  cwd: string;
  stdin: Input;
  io: CmdIO;
  piped?: boolean;
  /** The caller is replaced by the program (exec): it keeps the caller's pid. */
  replace?: boolean;
  /** pid of the calling process (parent of the new one). */
  ppid?: number;
}

/**
 * Runs an executable found by path or on PATH (xargs, env, find -exec, the shell). Returns its
 * exit status, or -1 after printing nothing when it was not found (the caller words the error);
 * throws NeverExits when it keeps running.
 */
export type Launcher = (argv: string[], opts: LaunchOptions) => LaunchResult;

export type LaunchResult =
  | { ok: true; code: number }
  | { ok: false; reason: "not-found" | "no-such-file" | "permission-denied" | "is-directory" };

export type ExecFn = (argv: string[], opts: LaunchOptions) => LaunchResult;

export interface CommandContext {
  argv: string[];
  /** The command name used in messages (basename of argv[0]). */
  name: string;
  env: Record<string, string>;
  cwd: string;
  stdin: Input;
  io: CmdIO;
  flavor: Flavor;
  state: ProcessState;
  /** Runs another program; set by the shell or the runtime. */
  exec: ExecFn;
  /** True when stdout feeds a pipe (yes stops instead of running forever). */
  piped?: boolean;
  /** pid of the process running this command (the shell's for builtins). */
  shellPid?: number;
  /** Set when a shell runs this as its builtin (test, printf, kill): whose wording applies. */
  shell?: "ash" | "bash" | "dash";
}

export type Applet = (ctx: CommandContext) => number;

export function userName(proc: ProcessContext): string {
  const u = proc.user.split(":")[0] ?? "";
  if (u === "" || u === "0") return "root";
  if (/^\d+$/.test(u)) {
    const line = passwdLines(proc.fs).find((l) => l[2] === u);
    return line ? line[0]! : u;
  }
  return u;
}

export function passwdLines(fs: ContainerFs): string[][] {
  return readLines(fs, "/etc/passwd").map((l) => l.split(":"));
}

export function groupLines(fs: ContainerFs): string[][] {
  return readLines(fs, "/etc/group").map((l) => l.split(":"));
}

function readLines(fs: ContainerFs, path: string): string[] {
  try {
    return fs.readFile(path).split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
  } catch {
    return [];
  }
}

const STRERROR: Record<FsError["code"], string> = {
  ENOENT: "No such file or directory",
  EEXIST: "File exists",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  ENOTEMPTY: "Directory not empty",
  EROFS: "Read-only file system",
  EACCES: "Permission denied",
  EINVAL: "Invalid argument",
  ELOOP: "Too many levels of symbolic links",
  EBUSY: "Resource busy",
};

/** strerror() text; musl (busybox images) words a few differently from glibc. */
export function strerror(code: FsError["code"], flavor: Flavor): string {
  if (flavor === "busybox" && code === "ELOOP") return "Symbolic link loop";
  if (flavor !== "busybox" && code === "EBUSY") return "Device or resource busy";
  return STRERROR[code];
}

export function errText(e: unknown, flavor: Flavor): string {
  if (e instanceof FsError) return strerror(e.code, flavor);
  if (e instanceof NeverExits) throw e;
  return e instanceof Error ? e.message : String(e);
}

/** Absolute path of an argument relative to the command's working directory. */
export function abs(ctx: CommandContext, path: string): string {
  if (path.startsWith("/")) return path;
  return ctx.cwd === "/" ? `/${path}` : `${ctx.cwd}/${path}`;
}

/** Splits leading single-letter flags ("-la" -> l, a) until "--" or the first operand. */
export function parseFlags(args: string[], withValue = ""): { flags: Set<string>; values: Record<string, string>; operands: string[]; bad?: string } {
  const flags = new Set<string>();
  const values: Record<string, string> = {};
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-") break;
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if (withValue.includes(f)) {
        const v = a.slice(j + 1) || args[++i];
        if (v === undefined) return { flags, values, operands: [], bad: f };
        values[f] = v;
        break;
      }
      flags.add(f);
    }
  }
  return { flags, values, operands: args.slice(i) };
}
