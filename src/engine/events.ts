// The host's event log (docker events). Kept bounded like the daemon's in-memory buffer.
import type { EventRecord, HostState } from "./model.js";

const MAX_EVENTS = 1024;

export function emitEvent(
  state: HostState,
  time: number,
  type: EventRecord["type"],
  action: string,
  actorId: string,
  attributes: Record<string, string> = {},
): void {
  const last = state.events[state.events.length - 1];
  const seq = last && last.time === time ? last.seq + 1 : 0;
  state.events.push({ time, seq, type, action, actorId, attributes, scope: "local" });
  if (state.events.length > MAX_EVENTS) state.events.splice(0, state.events.length - MAX_EVENTS);
}
