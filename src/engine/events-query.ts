// GET /events: the buffered log filtered by time and by the daemon's event filters
// (moby: daemon/events/events.go loadBufferedEvents, daemon/events/filter.go Filter.Include,
// api/types/filters ExactMatch / FuzzyMatch / MatchKVList).
import { invalidParameter } from "./errors.js";
import type { EventRecord } from "./model.js";
import { familiarName, parseNormalizedNamed } from "./registry/reference.js";
import type { EventMessage, EventsQuery } from "./system/types.js";

type Filters = Record<string, string[]>;

/** Nanoseconds of an event: ms precision plus its sequence within that ms. */
export function eventNanos(e: EventRecord): bigint {
  return BigInt(Math.floor(e.time)) * 1_000_000n + BigInt(e.seq);
}

/** events.Message of a record; attribute keys sorted as Go's map encoder writes them. */
export function eventMessage(e: EventRecord): EventMessage {
  const attributes: Record<string, string> = {};
  for (const k of Object.keys(e.attributes).sort()) attributes[k] = e.attributes[k]!;
  const nanos = eventNanos(e);
  const m: EventMessage = {
    Type: e.type,
    Action: e.action,
    Actor: { ID: e.actorId, Attributes: attributes },
    scope: e.scope,
    time: Number(nanos / 1_000_000_000n),
    timeNano: nanos,
  };
  // daemon/events/events.go Log: the deprecated fields for containers and images.
  if (e.type === "container") return { status: e.action, id: e.actorId, ...(e.attributes.image ? { from: e.attributes.image } : {}), ...m };
  if (e.type === "image") return { status: e.action, id: e.actorId, ...m };
  return m;
}

/** timetypes.ParseTimestamps: "sec[.nanos]" to ns; undefined for "". */
export function parseEventTimestamp(value: string | undefined): bigint | undefined {
  if (value === undefined || value === "") return undefined;
  const m = /^(-?\d+)(?:\.(\d*))?$/.exec(value);
  if (!m) throw invalidParameter(`strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`);
  const sec = BigInt(m[1]!);
  const frac = BigInt((m[2] ?? "").padEnd(9, "0").slice(0, 9) || "0");
  return sec * 1_000_000_000n + (sec < 0n ? -frac : frac);
}

const has = (f: Filters, key: string) => (f[key]?.length ?? 0) > 0;

function exactMatch(f: Filters, key: string, source: string): boolean {
  const values = f[key];
  return !values || values.length === 0 || values.includes(source);
}

function fuzzyMatch(f: Filters, key: string, source: string): boolean {
  if (exactMatch(f, key, source)) return true;
  return (f[key] ?? []).some((prefix) => source.startsWith(prefix));
}

function matchKVList(f: Filters, key: string, sources: Record<string, string>): boolean {
  const values = f[key];
  if (!values || values.length === 0) return true;
  if (Object.keys(sources).length === 0) return false;
  return values.every((v) => {
    const eq = v.indexOf("=");
    const k = eq < 0 ? v : v.slice(0, eq);
    if (!(k in sources)) return false;
    return eq < 0 || sources[k] === v.slice(eq + 1);
  });
}

function stripTag(image: string): string {
  try {
    return familiarName(parseNormalizedNamed(image));
  } catch {
    return image;
  }
}

const FUZZY_EVENTS = new Set(["health_status", "exec_create", "exec_start"]);

/** Filter.Include. */
export function includeEvent(f: Filters, e: EventRecord): boolean {
  const matchEvent = (f.event ?? []).some((v) => FUZZY_EVENTS.has(v)) ? fuzzyMatch(f, "event", e.action) : exactMatch(f, "event", e.action);
  if (!matchEvent || !exactMatch(f, "type", e.type)) return false;
  if (has(f, "scope") && !exactMatch(f, "scope", e.scope)) return false;
  const name = e.attributes.name ?? "";
  for (const t of ["daemon", "container", "plugin", "volume", "network", "node", "service", "secret", "config"]) {
    if (!(fuzzyMatch(f, t, e.actorId) || fuzzyMatch(f, t, name))) return false;
  }
  const imageName = (e.type === "image" ? e.attributes.name : e.attributes.image) ?? "";
  const imageOk =
    exactMatch(f, "image", e.actorId) || exactMatch(f, "image", imageName) || exactMatch(f, "image", stripTag(e.actorId)) || exactMatch(f, "image", stripTag(imageName));
  if (!imageOk) return false;
  return !has(f, "label") || matchKVList(f, "label", e.attributes);
}

export interface ParsedEventsQuery {
  since?: bigint;
  until?: bigint;
  filters: Filters;
}

/** The route's checks (api/server/router/system getEvents): until before since is refused. */
export function parseEventsQuery(q: EventsQuery): ParsedEventsQuery {
  const since = parseEventTimestamp(q.since);
  const until = parseEventTimestamp(q.until);
  if (until !== undefined && until < (since ?? 0n)) {
    throw invalidParameter(`\`since\` time (${q.since ?? ""}) cannot be after \`until\` time (${q.until ?? ""})`);
  }
  return { ...(since !== undefined ? { since } : {}), ...(until !== undefined ? { until } : {}), filters: q.filters ?? {} };
}

/** Buffered events in [since, until] that pass the filters; without since, none are replayed. */
export function selectEvents(events: readonly EventRecord[], q: ParsedEventsQuery): EventRecord[] {
  // loadBufferedEvents: no since and no until means only live events.
  if (q.since === undefined && q.until === undefined) return [];
  return events.filter((e) => {
    const t = eventNanos(e);
    if (q.since !== undefined && t < q.since) return false;
    // `untilNanoUnix > 0`: an until of 0 (the epoch) bounds nothing, so --until 0 dumps the log.
    if (q.until !== undefined && q.until > 0n && t > q.until) return false;
    return includeEvent(q.filters, e);
  });
}
