// docker events / docker system events (docker/cli v28: cli/command/system/events.go).
// --since and --until are read on the client (GetTimestamp) against the simulated clock.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { EventFormatError, formatEvent, makeEventTemplate } from "../../formatter/events.js";
import { parseFilters } from "../container/ps.js";
import { getTimestamp } from "../container/opts/timestamp.js";

export interface EventsOptions {
  since: string;
  until: string;
  /** name=value pairs as typed. */
  filters: string[];
  format: string;
  /** Ends a stream that follows live events (Ctrl-C). */
  signal?: AbortSignal;
}

/** Thrown from the event callback to stop the stream when a template fails on an event. */
class EventTemplateFailure extends Error {
  override name = "EventTemplateFailure";
}

export async function runEvents(cli: Cli, opts: EventsOptions): Promise<void> {
  let tmpl;
  try {
    tmpl = makeEventTemplate(opts.format);
  } catch (e) {
    if (e instanceof EventFormatError) throw new StatusError(e.message, 64);
    throw e;
  }
  const needsClock = opts.since !== "" || opts.until !== "";
  const now = needsClock ? await cli.client.now() : 0;
  const stamp = (value: string): string => {
    if (value === "") return "";
    try {
      return getTimestamp(value, now);
    } catch (e) {
      throw new StatusError((e as Error).message, 1);
    }
  };
  const since = stamp(opts.since);
  const until = stamp(opts.until);
  try {
    await cli.client.events(
      { since, until, filters: parseFilters(opts.filters) },
      (m) => {
        const r = formatEvent(m, tmpl);
        cli.out.write(r.out);
        // formatEvent's error ends the stream: docker cancels and exits 1.
        if (r.error !== undefined) throw new EventTemplateFailure(r.error);
      },
      opts.signal,
    );
  } catch (e) {
    if (e instanceof EventTemplateFailure) throw new StatusError(e.message, 1);
    throw e;
  }
}

export async function action(cli: Cli, flags: ParsedFlags, _args: string[]): Promise<void> {
  const v = flags.values;
  await runEvents(cli, {
    since: String(v.since ?? ""),
    until: String(v.until ?? ""),
    filters: (v.filter as string[] | undefined) ?? [],
    format: String(v.format ?? ""),
    ...(cli.signal ? { signal: cli.signal } : {}),
  });
}
