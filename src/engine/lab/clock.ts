// `lab clock`: moving the simulated clock. Time only goes forward: a container that started
// "later" than now would have a negative uptime and wake-ups in the past would be lost.
import type { ClockState } from "../model.js";
import { currentTime } from "../clock.js";
import { LabError } from "./errors.js";

export interface ClockInfo {
  /** Simulated now (ms). */
  now: number;
  frozen: boolean;
  /** How far a running clock is ahead of the real one (ms); 0 when frozen. */
  offsetMs: number;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90s", "5m", "1h30m", "2d", "250ms"; a bare number is seconds. Undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text) return undefined;
  return Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]!]!, 0));
}

export function clockInfo(clock: ClockState, realNow: number): ClockInfo {
  const frozen = clock.frozenAt !== undefined;
  return { now: currentTime(clock, realNow), frozen, offsetMs: frozen ? 0 : clock.offsetMs };
}

/** Moves simulated time to `t` (not before now); a frozen clock stays frozen unless told otherwise. */
export function setClock(clock: ClockState, t: number, realNow: number, mode: "keep" | "freeze" | "run" = "keep"): void {
  const now = currentTime(clock, realNow);
  if (t < now) {
    throw new LabError(`the simulated clock cannot go back: it reads ${iso(now)}, which is after ${iso(t)}`);
  }
  const freeze = mode === "freeze" || (mode === "keep" && clock.frozenAt !== undefined);
  if (freeze) {
    clock.frozenAt = t;
  } else {
    delete clock.frozenAt;
    clock.offsetMs = t - realNow;
  }
}

export function advanceClock(clock: ClockState, ms: number, realNow: number): void {
  setClock(clock, currentTime(clock, realNow) + ms, realNow);
}

/** Follows the real clock again (no offset, not frozen), unless that would move time back. */
export function realClock(clock: ClockState, realNow: number): void {
  const now = currentTime(clock, realNow);
  if (now > realNow) {
    throw new LabError(
      `the simulated clock is ahead of the real one (${iso(now)}) and cannot go back; ` +
        "try again once real time has caught up, or start over with 'mockdocker lab reset'",
    );
  }
  delete clock.frozenAt;
  clock.offsetMs = 0;
}

export function iso(t: number): string {
  return new Date(t).toISOString().replace(/\.000Z$/, "Z");
}
