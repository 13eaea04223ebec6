// Go time formatting for UTC instants (time/format.go layouts).

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

/** Go's zero time.Time as RFC 3339. */
export const ZERO_TIME = "0001-01-01T00:00:00Z";

const p2 = (n: number): string => String(n).padStart(2, "0");

function parts(ms: number) {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  return {
    y: String(d.getUTCFullYear()).padStart(4, "0"),
    mo: d.getUTCMonth(),
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    wd: d.getUTCDay(),
  };
}

// Nanoseconds within the second.
function nanos(ms: number, extraNanos: number): number {
  const whole = Math.floor(ms);
  return (((whole % 1000) + 1000) % 1000) * 1_000_000 + Math.round((ms - whole) * 1_000_000) + extraNanos;
}

function date(ms: number): string {
  const t = parts(ms);
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)}`;
}

function clock(ms: number): string {
  const t = parts(ms);
  return `${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}`;
}

/** `2006-01-02T15:04:05.999999999Z07:00` in UTC; ms 0 is Go's zero time. */
export function rfc3339Nano(ms: number, extraNanos = 0): string {
  if (ms === 0 && extraNanos === 0) return ZERO_TIME;
  const ns = nanos(ms, extraNanos);
  const frac = ns === 0 ? "" : "." + String(ns).padStart(9, "0").replace(/0+$/, "");
  return `${date(ms)}T${clock(ms)}${frac}Z`;
}

/** `2006-01-02T15:04:05.000000000Z07:00` in UTC (docker events, logs -t). */
export function rfc3339NanoFixed(ms: number, extraNanos = 0): string {
  const ns = nanos(ms, extraNanos);
  return `${date(ms)}T${clock(ms)}.${String(ns).padStart(9, "0")}Z`;
}

/** `2006-01-02T15:04:05Z07:00` in UTC. */
export function rfc3339(ms: number): string {
  if (ms === 0) return ZERO_TIME;
  return `${date(ms)}T${clock(ms)}Z`;
}

/** Go time.Time.String() in UTC: `2025-06-01 10:15:42 +0000 UTC` (fraction only when non-zero). */
export function goTimeString(ms: number, extraNanos = 0): string {
  if (ms === 0 && extraNanos === 0) return "0001-01-01 00:00:00 +0000 UTC";
  const ns = nanos(ms, extraNanos);
  const frac = ns === 0 ? "" : "." + String(ns).padStart(9, "0").replace(/0+$/, "");
  return `${date(ms)} ${clock(ms)}${frac} +0000 UTC`;
}

/** time.ANSIC in UTC: `Mon Jan _2 15:04:05 2006`. */
export function ansic(ms: number): string {
  const t = parts(ms);
  const day = String(t.d).padStart(2, " ");
  return `${DAYS[t.wd]!.slice(0, 3)} ${MONTHS[t.mo]!.slice(0, 3)} ${day} ${clock(ms)} ${t.y}`;
}
