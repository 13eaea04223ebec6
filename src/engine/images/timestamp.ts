// Filter timestamps as moby reads them (api/types/time/timestamp.go GetTimestamp): a Go
// duration before "now", an RFC 3339 date or date-time (the daemon's zone is UTC here),
// or Unix seconds with an optional fraction. Returns ms since the epoch.
import { invalidParameter } from "../errors.js";

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, "μs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go time.ParseDuration, in ms; undefined when it is not a duration. */
export function parseGoDuration(value: string): number | undefined {
  const m = /^([-+]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+|0)$/.exec(value);
  if (!m) return undefined;
  let total = 0;
  for (const part of m[2]!.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(part[1]) * UNIT_MS[part[2]!]!;
  return m[1] === "-" ? -total : total;
}

export function parseFilterTime(value: string, now: number): number {
  const d = parseGoDuration(value);
  if (d !== undefined && value !== "0") return now - d;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    let v = value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) v += "T00:00:00";
    else if (/T\d{2}$/.test(v)) v += ":00:00";
    else if (/T\d{2}:\d{2}$/.test(v)) v += ":00";
    if (!/([zZ]|[+-]\d{2}:\d{2})$/.test(v)) v += "Z";
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return t;
    throw invalidParameter(`parsing time "${value}": cannot parse "${value}" as RFC 3339`);
  }
  if (/^\d+(\.\d+)?$/.test(value)) {
    const [s, frac = ""] = value.split(".");
    return Number(s) * 1000 + Number(`0.${frac || "0"}`) * 1000;
  }
  throw invalidParameter(`failed to parse value as time or duration: "${value}"`);
}
