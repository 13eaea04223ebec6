// Signal names and numbers as docker accepts them (moby: pkg/signal, signal_linux.go).
import { invalidParameter } from "../errors.js";

const SIGNALS: Record<string, number> = {
  ABRT: 6, ALRM: 14, BUS: 7, CHLD: 17, CLD: 17, CONT: 18, FPE: 8, HUP: 1, ILL: 4, INT: 2, IO: 29, IOT: 6,
  KILL: 9, PIPE: 13, POLL: 29, PROF: 27, PWR: 30, QUIT: 3, SEGV: 11, STKFLT: 16, STOP: 19, SYS: 31,
  TERM: 15, TRAP: 5, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, USR1: 10, USR2: 12, VTALRM: 26, WINCH: 28,
  XCPU: 24, XFSZ: 25,
};

export interface Signal {
  name: string;
  number: number;
}

export function parseSignal(raw: string): Signal {
  if (/^[0-9]+$/.test(raw)) {
    const number = Number(raw);
    if (number === 0 || number > 64) throw invalidParameter(`Invalid signal: ${raw}`);
    const name = Object.keys(SIGNALS).find((k) => SIGNALS[k] === number);
    return { name: name ? `SIG${name}` : `SIGRT${number}`, number };
  }
  const key = raw.toUpperCase().replace(/^SIG/, "");
  const number = SIGNALS[key];
  if (number === undefined) throw invalidParameter(`Invalid signal: ${raw}`);
  return { name: `SIG${key}`, number };
}
