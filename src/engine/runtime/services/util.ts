// Small helpers shared by the simulated services: env lookup, output building, argv parsing.
import type { OutputChunk, ProcessContext, Stream } from "../types.js";

/** Last KEY=VALUE wins, as in a shell environment. */
export function getenv(ctx: Pick<ProcessContext, "env">, key: string): string | undefined {
  let value: string | undefined;
  for (const entry of ctx.env) {
    const eq = entry.indexOf("=");
    const name = eq < 0 ? entry : entry.slice(0, eq);
    if (name === key) value = eq < 0 ? "" : entry.slice(eq + 1);
  }
  return value;
}

/** Non-empty env value, as `[ -n "$VAR" ]` tests it. */
export function envSet(ctx: Pick<ProcessContext, "env">, key: string): boolean {
  const v = getenv(ctx, key);
  return v !== undefined && v !== "";
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  const i = trimmed.lastIndexOf("/");
  return i < 0 ? trimmed : trimmed.slice(i + 1);
}

/** Collects output chunks with their virtual times. */
export class Output {
  readonly chunks: OutputChunk[] = [];
  write(at: number, stream: Stream, text: string): this {
    if (text !== "") this.chunks.push({ at, stream, text });
    return this;
  }
  out(at: number, ...lines: string[]): this {
    return this.write(at, "stdout", lines.map((l) => l + "\n").join(""));
  }
  err(at: number, ...lines: string[]): this {
    return this.write(at, "stderr", lines.map((l) => l + "\n").join(""));
  }
  /** Appends another program's chunks, moved `offset` ms later. */
  append(chunks: OutputChunk[], offset: number): this {
    for (const c of chunks) this.chunks.push({ ...c, at: c.at + offset });
    return this;
  }
}

/** Joins text lines, each ending with a newline. */
export function lines(...ls: string[]): string {
  return ls.map((l) => l + "\n").join("");
}

/** Hex string of `n` digits from the deterministic random source. */
export function randomHex(random: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += Math.floor(random() * 16).toString(16);
  return s;
}

export function randomUuid(random: () => number): string {
  const h = randomHex(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** Splits `-p5432`, `--port=1`, `--port 1` style options. Returns the value and how many args it used. */
export function optionValue(args: string[], i: number, short: string[], long: string[]): { value: string; used: number } | undefined {
  const a = args[i];
  if (a === undefined) return undefined;
  for (const s of short) {
    if (a === s) return args[i + 1] !== undefined ? { value: args[i + 1]!, used: 2 } : undefined;
    if (a.startsWith(s) && a.length > s.length && !a.startsWith("--")) return { value: a.slice(s.length), used: 1 };
  }
  for (const l of long) {
    if (a === l) return args[i + 1] !== undefined ? { value: args[i + 1]!, used: 2 } : undefined;
    if (a.startsWith(l + "=")) return { value: a.slice(l.length + 1), used: 1 };
  }
  return undefined;
}

/** The IP address this container shows for itself. */
export function ownAddress(ctx: ProcessContext): string {
  return ctx.network?.resolve(ctx.hostname) ?? "172.17.0.2";
}

/** Does a process whose command starts with one of `prefixes` already run in the container? */
export function hasProcess(ctx: ProcessContext, ...prefixes: string[]): boolean {
  return ctx.processes.some((p) => prefixes.some((pre) => p.command.startsWith(pre)));
}

// Shutdown logs are rendered as if the signal came when the container's process started, even
// for a program an entrypoint exec'd later; execInto records that moment for the child here.
const anchors = new WeakMap<ProcessContext, number>();

export function setTermAnchor(ctx: ProcessContext, at: number): void {
  anchors.set(ctx, at);
}

/** When the signal is taken to arrive while rendering SignalReaction.log (see shiftLogTimestamps). */
export function termAnchor(ctx: ProcessContext): number {
  return anchors.get(ctx) ?? ctx.startTime;
}

/** An interpreter's script argument: its absolute path, and its text when it is a readable file. */
export function readScript(ctx: ProcessContext, arg: string): { path: string; src: string | undefined } {
  const path = ctx.fs.resolve(arg, ctx.workdir);
  try {
    return { path, src: ctx.fs.stat(path)?.type === "file" ? ctx.fs.readFile(path) : undefined };
  } catch {
    return { path, src: undefined };
  }
}
