import { describe, expect, it } from "vitest";
import { ansic, goTimeString, rfc3339, rfc3339Nano, rfc3339NanoFixed, ZERO_TIME } from "../../../src/formatter/time.js";

const at = (ms = 0) => Date.UTC(2025, 5, 1, 10, 0, 0, ms);

describe("Go time formats (UTC)", () => {
  it("RFC3339Nano trims trailing zeros", () => {
    expect(rfc3339Nano(at(123), 456_789)).toBe("2025-06-01T10:00:00.123456789Z");
    expect(rfc3339Nano(at(100))).toBe("2025-06-01T10:00:00.1Z");
    expect(rfc3339Nano(at())).toBe("2025-06-01T10:00:00Z");
  });
  it("zero time", () => {
    expect(rfc3339Nano(0)).toBe(ZERO_TIME);
    expect(ZERO_TIME).toBe("0001-01-01T00:00:00Z");
    expect(rfc3339(0)).toBe(ZERO_TIME);
  });
  it("fixed 9-digit form for events and logs -t", () => {
    expect(rfc3339NanoFixed(at(100))).toBe("2025-06-01T10:00:00.100000000Z");
    expect(rfc3339NanoFixed(Date.UTC(2025, 5, 1, 10, 0, 5))).toBe("2025-06-01T10:00:05.000000000Z");
    expect(rfc3339NanoFixed(at(123), 456_789)).toBe("2025-06-01T10:00:00.123456789Z");
  });
  it("time.Time.String and ANSIC", () => {
    expect(goTimeString(Date.UTC(2025, 5, 1, 10, 15, 42))).toBe("2025-06-01 10:15:42 +0000 UTC");
    expect(ansic(Date.UTC(2025, 4, 30, 12, 7, 14))).toBe("Fri May 30 12:07:14 2025");
    expect(ansic(Date.UTC(2025, 5, 1, 9, 5, 3))).toBe("Sun Jun  1 09:05:03 2025");
  });
});
