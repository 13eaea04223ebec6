// Simulated time: the real clock plus an offset, or a frozen instant. Waiting on a frozen
// clock moves it forward instead of sleeping, which keeps transcripts fast and reproducible.
import type { ClockState } from "./model.js";

export function currentTime(clock: ClockState, realNow: number): number {
  return clock.frozenAt ?? realNow + clock.offsetMs;
}

/** Move simulated time forward to `t` (never backwards). Returns true when the clock was frozen. */
export function advanceFrozenClock(clock: ClockState, t: number): boolean {
  if (clock.frozenAt === undefined) return false;
  if (t > clock.frozenAt) clock.frozenAt = t;
  return true;
}
