// Timestamp formats of the services' logs (all UTC), and a way to move them in time.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const p2 = (n: number) => String(n).padStart(2, "0");
const p3 = (n: number) => String(n).padStart(3, "0");

function parts(ms: number) {
  const d = new Date(ms);
  return {
    y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), wd: d.getUTCDay(),
    h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds(),
  };
}

/** Sub-millisecond digits that look measured but stay deterministic. */
function micro(ms: number): string {
  return p3(parts(ms).ms) + p3(Math.abs(Math.floor(ms * 7919)) % 1000);
}

const date = (t: ReturnType<typeof parts>) => `${t.y}-${p2(t.mo + 1)}-${p2(t.d)}`;
const clock = (t: ReturnType<typeof parts>) => `${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}`;

/** nginx error log: 2025/06/01 10:00:00 */
export function nginxTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}/${p2(t.mo + 1)}/${p2(t.d)} ${clock(t)}`;
}

/** redis: 01 Jun 2025 10:00:00.123 */
export function redisTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${clock(t)}.${p3(t.ms)}`;
}

/** mysqld error log: 2025-06-01T10:00:00.123456Z */
export function isoMicro(ms: number): string {
  const t = parts(ms);
  return `${date(t)}T${clock(t)}.${micro(ms)}Z`;
}

/** Go's RFC 3339 with nanoseconds, as logrus prints: 2025-06-01T10:00:00.123456789Z */
export function isoNano(ms: number): string {
  const t = parts(ms);
  return `${date(t)}T${clock(t)}.${micro(ms)}${p3((Math.floor(ms * 104729) >>> 0) % 1000)}Z`;
}

/** `date --rfc-3339=seconds` in UTC: 2025-06-01 10:00:00+00:00 */
export function rfc3339Seconds(ms: number): string {
  const t = parts(ms);
  return `${date(t)} ${clock(t)}+00:00`;
}

/** PostgreSQL log_line_prefix %m: 2025-06-01 10:00:00.123 UTC */
export function pgTime(ms: number): string {
  const t = parts(ms);
  return `${date(t)} ${clock(t)}.${p3(t.ms)} UTC`;
}

/** Apache error log: Sun Jun 01 10:00:00.123456 2025 (without brackets) */
export function apacheTime(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]} ${MONTHS[t.mo]} ${p2(t.d)} ${clock(t)}.${micro(ms)} ${t.y}`;
}

/** HTTP Date header: Sun, 01 Jun 2025 10:00:00 GMT */
export function httpDate(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]}, ${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${clock(t)} GMT`;
}

/** Python http.server access log: 01/Jun/2025 10:00:00 */
export function pythonLogTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)}/${MONTHS[t.mo]}/${t.y} ${clock(t)}`;
}

/** supervisord's log time: 2025-06-01 10:00:00,123 */
export function supervisorTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)},${iso.slice(20, 23)}`;
}

const monthIndex = (m: string) => MONTHS.indexOf(m);

interface Shifter {
  re: RegExp;
  shift(m: RegExpExecArray, delta: number): string;
}

const num = (s: string | undefined) => Number(s ?? 0);

// Each format is parsed back to ms (sub-ms digits are regenerated), moved, and printed again.
const SHIFTERS: Shifter[] = [
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{9})Z/g,
    shift: (m, d) => isoNano(Date.UTC(num(m[1]), num(m[2]) - 1, num(m[3]), num(m[4]), num(m[5]), num(m[6]), num(m[7]!.slice(0, 3))) + d),
  },
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{6})Z/g,
    shift: (m, d) => isoMicro(Date.UTC(num(m[1]), num(m[2]) - 1, num(m[3]), num(m[4]), num(m[5]), num(m[6]), num(m[7]!.slice(0, 3))) + d),
  },
  {
    re: /\b(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\+00:00/g,
    shift: (m, d) => rfc3339Seconds(Date.UTC(num(m[1]), num(m[2]) - 1, num(m[3]), num(m[4]), num(m[5]), num(m[6])) + d),
  },
  {
    re: /\b(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{3}) UTC/g,
    shift: (m, d) => pgTime(Date.UTC(num(m[1]), num(m[2]) - 1, num(m[3]), num(m[4]), num(m[5]), num(m[6]), num(m[7])) + d),
  },
  {
    re: /\b(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})/g,
    shift: (m, d) => nginxTime(Date.UTC(num(m[1]), num(m[2]) - 1, num(m[3]), num(m[4]), num(m[5]), num(m[6])) + d),
  },
  {
    re: /\b(\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2})\.(\d{3})/g,
    shift: (m, d) => redisTime(Date.UTC(num(m[3]), monthIndex(m[2]!), num(m[1]), num(m[4]), num(m[5]), num(m[6]), num(m[7])) + d),
  },
  {
    re: /\b[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{6}) (\d{4})/g,
    shift: (m, d) => apacheTime(Date.UTC(num(m[7]), monthIndex(m[1]!), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]!.slice(0, 3))) + d),
  },
  {
    re: /\b(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}),(\d{3})/g,
    shift: (m, d) => supervisorTime(Date.UTC(num(m[1]), num(m[2]) - 1, num(m[3]), num(m[4]), num(m[5]), num(m[6]), num(m[7])) + d),
  },
  {
    re: /signal-handler \((\d+)\)/g,
    shift: (m, d) => `signal-handler (${Math.floor((num(m[1]) * 1000 + d) / 1000)})`,
  },
];

/**
 * Moves every service-log timestamp in `text` by `deltaMs`. A SignalReaction.log is rendered as
 * if the signal came when the container's process started (its `at` values count from the
 * signal): the engine passes each chunk through this with deltaMs = signal time - start time.
 */
export function shiftLogTimestamps(text: string, deltaMs: number): string {
  if (deltaMs === 0) return text;
  // Mark matched regions so a later pattern cannot re-match already shifted text.
  const pieces: { start: number; end: number; text: string }[] = [];
  for (const s of SHIFTERS) {
    s.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = s.re.exec(text)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (pieces.some((p) => start < p.end && end > p.start)) continue;
      pieces.push({ start, end, text: s.shift(m, deltaMs) });
    }
  }
  pieces.sort((a, b) => a.start - b.start);
  let out = "";
  let pos = 0;
  for (const p of pieces) {
    out += text.slice(pos, p.start) + p.text;
    pos = p.end;
  }
  return out + text.slice(pos);
}
