// Signal names and numbers as docker accepts them (moby/sys/signal: signal.go, signal_linux.go)
// and what a container's main process does when one arrives (moby: daemon/kill.go, stop.go).
import { invalidParameter } from "../errors.js";
import type { SignalReaction } from "../runtime/types.js";

const SIGNALS: Record<string, number> = {
  ABRT: 6, ALRM: 14, BUS: 7, CHLD: 17, CLD: 17, CONT: 18, FPE: 8, HUP: 1, ILL: 4, INT: 2, IO: 29, IOT: 6,
  KILL: 9, PIPE: 13, POLL: 29, PROF: 27, PWR: 30, QUIT: 3, SEGV: 11, STKFLT: 16, STOP: 19, SYS: 31,
  TERM: 15, TRAP: 5, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, USR1: 10, USR2: 12, VTALRM: 26, WINCH: 28,
  XCPU: 24, XFSZ: 25,
};
const SIGRTMIN = 34;
const SIGRTMAX = 64;
// RTMIN, RTMIN+1 ... RTMIN+15, RTMAX-14 ... RTMAX-1, RTMAX.
for (let i = 0; i <= 15; i++) SIGNALS[i === 0 ? "RTMIN" : `RTMIN+${i}`] = SIGRTMIN + i;
for (let i = 14; i >= 0; i--) SIGNALS[i === 0 ? "RTMAX" : `RTMAX-${i}`] = SIGRTMAX - i;

export interface Signal {
  name: string;
  number: number;
}

function nameOf(n: number): string {
  const name = Object.keys(SIGNALS).find((k) => SIGNALS[k] === n);
  return name ? `SIG${name}` : String(n);
}

/** signal.ParseSignal: a number other than 0, or a name with or without SIG, any case. */
export function parseSignal(raw: string): Signal {
  if (/^[+-]?[0-9]+$/.test(raw)) {
    const number = Number(raw);
    if (number === 0) throw invalidParameter(`invalid signal: ${raw}`);
    return { name: nameOf(number), number };
  }
  const number = SIGNALS[raw.toUpperCase().replace(/^SIG/, "")];
  if (number === undefined) throw invalidParameter(`invalid signal: ${raw}`);
  return { name: nameOf(number), number };
}

/** kill also checks the number exists on Linux (signal.ValidSignalForPlatform). */
export function parseKillSignal(raw: string): Signal {
  const s = parseSignal(raw);
  if (s.number < 1 || s.number > SIGRTMAX) throw invalidParameter(`the linux daemon does not support signal ${s.number}`);
  return s;
}

/**
 * What the main process does with a signal: SIGKILL always ends it (137); TERM, INT and QUIT go
 * to its handler (`onTerm`: a service shuts down, a shell PID 1 without a trap ignores them);
 * PID 1 has no default action for the rest, so they change nothing.
 */
export function reactionTo(signal: Signal, onTerm: SignalReaction | undefined): SignalReaction {
  if (signal.number === 9) return { kind: "exit", code: 137 };
  if (signal.number === 15 || signal.number === 2 || signal.number === 3) return onTerm ?? { kind: "ignore" };
  return { kind: "ignore" };
}
