// GET /events as a stream: the buffered events the query selects, then live ones as other
// commands write them, until `until` passes or the caller aborts (api/server/router/system
// getEvents). A running clock polls the host. On a frozen clock time passes only when waited
// for, as `docker wait` does: a stream with a future `until` moves the clock there (containers
// exit, restart and log on the way), and one without `until` wakes on each change made
// in-process until it is aborted (Ctrl-C), or ends at once when nothing can abort it.
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

/** The first instant (ms) at or after `until` (ns). */
const ceilMs = (ns: bigint) => Number((ns + 999_999n) / 1_000_000n);

export async function streamEvents(engine: Engine, query: EventsQuery, onEvent: (m: EventMessage) => void, signal?: AbortSignal): Promise<void> {
  const q = parseEventsQuery(query);
  // Transactions committed after this count are changes the stream has not looked at yet.
  let seen = engine.generation;
  let view = await engine.view();
  for (const e of selectEvents(view.state.events, q)) onEvent(eventMessage(e));
  const nowNs = () => BigInt(Math.floor(view.now)) * 1_000_000n;
  const passed = () => q.until !== undefined && nowNs() >= q.until;
  // Only past events were asked for.
  if (q.until !== undefined && q.until < nowNs()) return;
  let last = view.state.events[view.state.events.length - 1];
  for (;;) {
    if (signal?.aborted || passed()) return;
    const frozen = view.state.clock.frozenAt !== undefined;
    if (frozen && q.until !== undefined) {
      await engine.transact(() => undefined, { advanceTo: ceilMs(q.until) });
    } else {
      const realBefore = engine.options.realNow();
      await engine.options.sleep(POLL_MS);
      // No real time passes (an in-process sandbox): wait for the next change instead. Without
      // a signal nothing could ever end the wait (a replayed transcript), so the stream ends.
      if (engine.generation === seen && engine.options.realNow() === realBefore) {
        if (!signal) return;
        await changeOrAbort(engine, signal);
      }
    }
    // What happened before an interrupt is still shown.
    seen = engine.generation;
    view = await engine.view();
    const fresh = newerThan(view.state.events, last);
    if (fresh.length > 0) last = fresh[fresh.length - 1];
    for (const e of fresh) if (includeEvent(q.filters, e) && (q.until === undefined || eventNanos(e) <= q.until)) onEvent(eventMessage(e));
  }
}

function changeOrAbort(engine: Engine, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const cancel = engine.onNextChange(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    });
    const onAbort = () => {
      cancel();
      resolve();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
