// The simulated clock's moves (engine/lab/clock.ts).
import { describe, expect, it } from "vitest";
import { advanceClock, clockInfo, parseDuration, realClock, setClock } from "../../../src/engine/lab/clock.js";
import type { ClockState } from "../../../src/engine/model.js";

describe("parseDuration", () => {
  it.each([
    ["90s", 90_000],
    ["5m", 300_000],
    ["1h30m", 5_400_000],
    ["2d", 172_800_000],
    ["250ms", 250],
    ["1.5h", 5_400_000],
    ["30", 30_000],
  ])("%s", (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(["", "5x", "m5", "5m junk", "-5m"])("rejects %j", (text) => expect(parseDuration(text)).toBeUndefined());
});

describe("clock moves", () => {
  const REAL = 1_000_000;
  it("a frozen clock stays frozen; a running one keeps running with an offset", () => {
    const frozen: ClockState = { offsetMs: 0, frozenAt: 500 };
    advanceClock(frozen, 100, REAL);
    expect(frozen).toEqual({ offsetMs: 0, frozenAt: 600 });
    const running: ClockState = { offsetMs: 0 };
    advanceClock(running, 60_000, REAL);
    expect(clockInfo(running, REAL)).toEqual({ now: REAL + 60_000, frozen: false, offsetMs: 60_000 });
    setClock(running, REAL + 120_000, REAL, "freeze");
    expect(running.frozenAt).toBe(REAL + 120_000);
  });

  it("never goes back", () => {
    expect(() => setClock({ offsetMs: 0, frozenAt: 500 }, 400, REAL)).toThrow(/cannot go back/);
    expect(() => realClock({ offsetMs: 5_000 }, REAL)).toThrow(/ahead of the real one/);
    const c: ClockState = { offsetMs: 0, frozenAt: 500 };
    realClock(c, REAL);
    expect(c).toEqual({ offsetMs: 0 });
  });
});
