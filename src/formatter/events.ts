// docker events output (docker/cli v28: cli/command/system/events.go prettyPrintEvent,
// makeTemplate and formatEvent).
import type { EventMessage } from "../client/api.js";
import { goJson } from "./json.js";
import { executePartial, GO_MAP, GO_TYPE, parseTemplate, TemplateError, type Template } from "./template/index.js";

const NS_PER_SEC = 1_000_000_000n;

/** `2006-01-02T15:04:05.000000000Z07:00` of Unix nanoseconds, in UTC. */
export function rfc3339NanoFixedOf(nanos: bigint): string {
  let sec = nanos / NS_PER_SEC;
  let frac = nanos % NS_PER_SEC;
  if (frac < 0n) {
    frac += NS_PER_SEC;
    sec -= 1n;
  }
  const iso = new Date(Number(sec) * 1000).toISOString().slice(0, 19);
  return `${iso}.${frac.toString().padStart(9, "0")}Z`;
}

/** prettyPrintEvent: time, type, action, actor id, then the attributes sorted by key. */
export function prettyEvent(m: EventMessage): string {
  let line = "";
  if (m.timeNano !== 0n) line += `${rfc3339NanoFixedOf(m.timeNano)} `;
  else if (m.time !== 0) line += `${rfc3339NanoFixedOf(BigInt(m.time) * NS_PER_SEC)} `;
  line += `${m.Type} ${m.Action} ${m.Actor.ID}`;
  const keys = Object.keys(m.Actor.Attributes).sort();
  if (keys.length > 0) line += ` (${keys.map((k) => `${k}=${m.Actor.Attributes[k]}`).join(", ")})`;
  return line + "\n";
}

/** events.Actor: Attributes is a Go map. */
function actorValue(a: EventMessage["Actor"]): object {
  const attributes: Record<string, string> = {};
  for (const k of Object.keys(a.Attributes).sort()) attributes[k] = a.Attributes[k]!;
  Object.defineProperty(attributes, GO_MAP, { value: true });
  return { [GO_TYPE]: "events.Actor", ID: a.ID, Attributes: attributes };
}

/** The events.Message templates see: Go field names; `json` gives the API's JSON. */
export function eventTemplateData(m: EventMessage, goType = "events.Message"): object {
  const json = goJson(
    {
      ...(m.status !== undefined ? { status: m.status } : {}),
      ...(m.id !== undefined ? { id: m.id } : {}),
      ...(m.from !== undefined ? { from: m.from } : {}),
      Type: m.Type,
      Action: m.Action,
      Actor: { ID: m.Actor.ID, Attributes: new Map(Object.entries(m.Actor.Attributes)) },
      ...(m.scope ? { scope: m.scope } : {}),
      ...(m.time !== 0 ? { time: m.time } : {}),
      ...(m.timeNano !== 0n ? { timeNano: m.timeNano } : {}),
    },
    { escapeHtml: false },
  );
  return {
    [GO_TYPE]: goType,
    Status: m.status ?? "",
    ID: m.id ?? "",
    From: m.from ?? "",
    Type: m.Type,
    Action: m.Action,
    Actor: actorValue(m.Actor),
    Scope: m.scope,
    Time: m.time,
    TimeNano: m.timeNano,
    MarshalJSON: () => json,
  };
}

const EMPTY: EventMessage = { Type: "", Action: "", Actor: { ID: "", Attributes: {} }, scope: "", time: 0, timeNano: 0n };

/** A bad --format: docker exits 64 with `Error parsing format: <error>`. */
export class EventFormatError extends Error {
  override name = "EventFormatError";
}

/**
 * makeTemplate: "" is the pretty line, "json" is {{json .}}; the template is tried once on an
 * empty *events.Message so a bad field fails before any event. Throws EventFormatError.
 */
export function makeEventTemplate(format: string): Template | null {
  if (format === "") return null;
  const text = format === "json" ? "{{json .}}" : format;
  let tmpl: Template;
  try {
    tmpl = parseTemplate(text);
  } catch (e) {
    if (e instanceof TemplateError) throw new EventFormatError(`Error parsing format: ${e.message}`);
    throw e;
  }
  const r = executePartial(tmpl, eventTemplateData(EMPTY, "*events.Message"));
  if (r.error) throw new EventFormatError(`Error parsing format: ${r.error.message}`);
  return tmpl;
}

/** One event as the command prints it; a template error is returned after the partial output. */
export function formatEvent(m: EventMessage, tmpl: Template | null): { out: string; error?: string } {
  if (!tmpl) return { out: prettyEvent(m) };
  const r = executePartial(tmpl, eventTemplateData(m));
  return r.error ? { out: r.output + "\n", error: r.error.message } : { out: r.output + "\n" };
}
