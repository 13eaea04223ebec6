// GET /events as a stream: the buffered events the query selects, then live ones as other
// commands write them, until `until` passes or the caller aborts (api/server/router/system
// getEvents). A running clock polls the host; a frozen one has no time that could pass, so
// without `until` the stream lasts until aborted (Ctrl-C).
import { eventMessage, eventNanos, includeEvent, parseEventsQuery, selectEvents } from "../events-query.js";
import type { Engine } from "../host.js";
import type { EventRecord } from "../model.js";
import type { EventMessage, EventsQuery } from "./types.js";

const POLL_MS = 250;

const sameEvent = (a: EventRecord, b: EventRecord) =>
  a.time === b.time && a.seq === b.seq && a.action === b.action && a.actorId === b.actorId && a.type === b.type;

/** Events written after `last` (the newest one already seen). */
function newerThan(events: readonly EventRecord[], last: EventRecord | undefined): EventRecord[] {
  if (!last) return [...events];
  for (let i = events.length - 1; i >= 0; i--) if (sameEvent(events[i]!, last)) return events.slice(i + 1);
  // The bounded log dropped it: go by time.
  const t = eventNanos(last);
  return events.filter((e) => eventNanos(e) > t);
}

export async function streamEvents(engine: Engine, query: EventsQuery, onEvent: (m: EventMessage) => void, signal?: AbortSignal): Promise<void> {
  const q = parseEventsQuery(query);
  let view = await engine.view();
  for (const e of selectEvents(view.state.events, q)) onEvent(eventMessage(e));
  const nowNs = () => BigInt(Math.floor(view.now)) * 1_000_000n;
  // Only past events were asked for.
  if (q.until !== undefined && q.until < nowNs()) return;
  let last = view.state.events[view.state.events.length - 1];
  for (;;) {
    if (signal?.aborted) return;
    if (q.until !== undefined && nowNs() >= q.until) return;
    const realBefore = engine.options.realNow();
    await engine.options.sleep(POLL_MS);
    if (signal?.aborted) return;
    view = await engine.view();
    const fresh = newerThan(view.state.events, last);
    if (fresh.length > 0) last = fresh[fresh.length - 1];
    for (const e of fresh) if (includeEvent(q.filters, e) && (q.until === undefined || eventNanos(e) <= q.until)) onEvent(eventMessage(e));
    // No real time passes here (an in-process sandbox): nothing more can come.
    if (engine.options.realNow() === realBefore && fresh.length === 0) {
      if (q.until !== undefined && nowNs() >= q.until) return;
      await waitForAbort(signal);
      return;
    }
  }
}

function waitForAbort(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
