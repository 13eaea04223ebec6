// The host's event log lives beside the state, not in it: it is the bulk of a busy host's
// state (up to 1,024 records) and most commands never read it. Stores hand the engine a state
// whose `events` is filled in only when touched, and write it back only when it changed.
import type { EventRecord, HostState } from "../engine/model.js";

/** The state's own fields, without the event log. */
export function withoutEvents(state: HostState): Omit<HostState, "events"> {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(state)) if (key !== "events") rest[key] = (state as unknown as Record<string, unknown>)[key];
  return rest as Omit<HostState, "events">;
}

/**
 * Gives `state` an `events` property that calls `load` the first time it is read (or is
 * replaced when assigned). Not enumerable, so serialising the state leaves it out.
 */
export function attachEvents(state: Omit<HostState, "events">, load: () => EventRecord[]): HostState {
  const settle = (value: EventRecord[]) => {
    Object.defineProperty(state, "events", { value, writable: true, enumerable: false, configurable: true });
    return value;
  };
  Object.defineProperty(state, "events", {
    get: () => settle(load()),
    set: (value: EventRecord[]) => void settle(value),
    enumerable: false,
    configurable: true,
  });
  return state as HostState;
}

/** The event log if the engine read or replaced it, else undefined (nothing to write). */
export function touchedEvents(state: HostState): EventRecord[] | undefined {
  const d = Object.getOwnPropertyDescriptor(state, "events");
  return d !== undefined && "value" in d ? (d.value as EventRecord[]) : undefined;
}

/** Whether a log read as `before` (length and last record) differs from `after`. */
export function eventsChanged(before: { length: number; last: EventRecord | undefined }, after: EventRecord[]): boolean {
  return after.length !== before.length || after[after.length - 1] !== before.last;
}
