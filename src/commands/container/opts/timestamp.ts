// --since/--until values: moby api/types/time/timestamp.go GetTimestamp (client side) and
// ParseTimestamps (daemon side). Local times are read as UTC, the simulated host's zone.
import { parseDuration } from "../../../cli/specs/go-parse.js";

type Elem = "2006" | "01" | "02" | "15" | "04" | "05" | ".999999999" | "Z07:00";

const layouts: Record<string, Array<Elem | string>> = {
  "2006-01-02T15:04:05.999999999": ["2006", "-", "01", "-", "02", "T", "15", ":", "04", ":", "05", ".999999999"],
  "2006-01-02T15:04:05.999999999Z07:00": ["2006", "-", "01", "-", "02", "T", "15", ":", "04", ":", "05", ".999999999", "Z07:00"],
  "2006-01-02T15": ["2006", "-", "01", "-", "02", "T", "15"],
  "2006-01-02T15:04": ["2006", "-", "01", "-", "02", "T", "15", ":", "04"],
  "2006-01-02T15:04:05": ["2006", "-", "01", "-", "02", "T", "15", ":", "04", ":", "05"],
  "2006-01-02T15Z07:00": ["2006", "-", "01", "-", "02", "T", "15", "Z07:00"],
  "2006-01-02T15:04Z07:00": ["2006", "-", "01", "-", "02", "T", "15", ":", "04", "Z07:00"],
  "2006-01-02T15:04:05Z07:00": ["2006", "-", "01", "-", "02", "T", "15", ":", "04", ":", "05", "Z07:00"],
  "2006-01-02": ["2006", "-", "01", "-", "02"],
  "2006-01-02Z07:00": ["2006", "-", "01", "-", "02", "Z07:00"],
};
const ELEMS = new Set(["2006", "01", "02", "15", "04", "05", ".999999999", "Z07:00"]);

/** time.Parse for the layouts above; returns [unix seconds, nanoseconds]. */
function goParse(layout: string, value: string): [number, number] {
  const fail = (rest: string, elem: string) =>
    new Error(`parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(elem)}`);
  const range = (what: string) => new Error(`parsing time ${JSON.stringify(value)}: ${what} out of range`);
  let s = value;
  const f = { y: 0, mo: 1, d: 1, h: 0, mi: 0, sec: 0, ns: 0, offset: 0 };
  const num = (fixed: boolean): number | null => {
    if (!/^\d/.test(s)) return null;
    const len = /^\d\d/.test(s) ? 2 : fixed ? 0 : 1;
    if (len === 0) return null;
    const n = Number(s.slice(0, len));
    s = s.slice(len);
    return n;
  };
  const fraction = () => {
    const m = /^[.,](\d+)/.exec(s);
    if (!m) return;
    f.ns = Number(m[1]!.slice(0, 9).padEnd(9, "0"));
    s = s.slice(m[0].length);
  };
  for (const part of layouts[layout]!) {
    const rest = s;
    if (!ELEMS.has(part)) {
      if (!s.startsWith(part)) throw fail(rest, part);
      s = s.slice(part.length);
      continue;
    }
    let n: number | null = 0;
    switch (part as Elem) {
      case "2006":
        if (!/^\d{4}/.test(s)) throw fail(rest, part);
        f.y = Number(s.slice(0, 4));
        s = s.slice(4);
        break;
      case "01":
        n = num(true);
        if (n === null) throw fail(rest, part);
        if (n < 1 || n > 12) throw range("month");
        f.mo = n;
        break;
      case "02":
        n = num(true);
        if (n === null) throw fail(rest, part);
        f.d = n;
        break;
      case "15":
        n = num(false);
        if (n === null) throw fail(rest, part);
        if (n > 23) throw range("hour");
        f.h = n;
        break;
      case "04":
        n = num(true);
        if (n === null) throw fail(rest, part);
        if (n > 59) throw range("minute");
        f.mi = n;
        break;
      case "05":
        n = num(true);
        if (n === null) throw fail(rest, part);
        if (n > 59) throw range("second");
        f.sec = n;
        fraction();
        break;
      case ".999999999":
        fraction();
        break;
      case "Z07:00": {
        if (s.startsWith("Z")) {
          s = s.slice(1);
          break;
        }
        const m = /^([+-])(\d\d):(\d\d)/.exec(s);
        if (!m) throw fail(rest, part);
        f.offset = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
        s = s.slice(m[0].length);
        break;
      }
    }
  }
  if (s !== "") throw new Error(`parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(s)}`);
  const days = new Date(Date.UTC(f.y, f.mo, 0)).getUTCDate();
  if (f.d < 1 || f.d > days) throw range("day");
  const ms = Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.sec);
  return [Math.floor(ms / 1000) - f.offset, f.ns];
}

/** GetTimestamp: the value the client sends ("1717236000" or "1717236000.000000000"). */
export function getTimestamp(value: string, referenceMs: number): string {
  if (value !== "0") {
    try {
      const ns = parseDuration(value);
      return String(Math.floor((referenceMs - ns / 1e6) / 1000));
    } catch {
      // not a duration
    }
  }
  const inLocation = !/[zZ+]/.test(value) && value.split("-").length - 1 !== 3;
  let layout: string;
  if (value.includes(".")) {
    layout = inLocation ? "2006-01-02T15:04:05.999999999" : "2006-01-02T15:04:05.999999999Z07:00";
  } else if (value.includes("T")) {
    let colons = value.split(":").length - 1;
    if (!inLocation && !/[zZ]/.test(value) && colons > 0) colons--;
    const base = colons === 0 ? "2006-01-02T15" : colons === 1 ? "2006-01-02T15:04" : "2006-01-02T15:04:05";
    layout = inLocation ? base : `${base}Z07:00`;
  } else {
    layout = inLocation ? "2006-01-02" : "2006-01-02Z07:00";
  }
  try {
    const [sec, ns] = goParse(layout, value);
    return `${sec}.${String(ns).padStart(9, "0")}`;
  } catch (e) {
    if (value.includes("-")) throw e;
    if (!/^\d+(\.\d+)?$/.test(value)) throw new Error(`failed to parse value as time or duration: ${JSON.stringify(value)}`);
    return value;
  }
}

/** ParseTimestamps on the daemon: "sec[.nanos]" to milliseconds. */
export function timestampToMs(ts: string): number {
  const [sec, frac = ""] = ts.split(".");
  return Number(sec) * 1000 + Number(frac.padEnd(9, "0").slice(0, 9)) / 1e6;
}
