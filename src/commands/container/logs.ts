// docker logs (docker/cli cli/command/container/logs.go; the line layout is moby's
// api/server/httputils/write_log_stream.go): timestamp, then details, then the line.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { clientNow } from "../clock.js";
import type { LogEntry, LogsOptions as ApiLogsOptions } from "../../client/api.js";
import { rfc3339NanoFixed } from "../../formatter/time.js";
import { parseDuration } from "../../cli/specs/go-parse.js";
import { outputSink } from "./opts/attach.js";
import { getTimestamp, timestampToMs } from "./opts/timestamp.js";

export interface LogsOptions {
  container: string;
  follow: boolean;
  since: string;
  until: string;
  timestamps: boolean;
  tail: string;
  details: boolean;
}

/** The client's "now": the simulated host's clock. */

function isDuration(value: string): boolean {
  try {
    parseDuration(value);
    return true;
  } catch {
    return false;
  }
}

async function timeOption(cli: Cli, name: string, value: string): Promise<number | undefined> {
  if (value === "") return undefined;
  let now = 0;
  if (isDuration(value)) now = await clientNow(cli);
  try {
    return timestampToMs(getTimestamp(value, now));
  } catch (e) {
    throw new StatusError(`invalid value for ${JSON.stringify(name)}: ${(e as Error).message}`, 1);
  }
}

/** The daemon reads --tail with strconv.Atoi; anything else (or negative) means all. */
function tailOf(tail: string): number | undefined {
  if (!/^[+-]?\d+$/.test(tail)) return undefined;
  const n = Number(tail);
  return n < 0 ? undefined : n;
}

function decorate(opts: LogsOptions, e: LogEntry): LogEntry {
  if (!opts.timestamps && !opts.details) return e;
  const prefix = (opts.timestamps ? `${rfc3339NanoFixed(e.time)} ` : "") + (opts.details ? " " : "");
  const lines = e.text.match(/[^\n]*\n|[^\n]+$/g) ?? [e.text];
  return { ...e, text: lines.map((l) => prefix + l).join("") };
}

export async function runLogs(cli: Cli, opts: LogsOptions): Promise<void> {
  const info = await cli.client.containerInspect(opts.container);
  const tty = ((info.Config ?? {}) as { Tty?: boolean }).Tty === true;
  const since = await timeOption(cli, "since", opts.since);
  const until = await timeOption(cli, "until", opts.until);
  const tail = tailOf(opts.tail);
  const request: ApiLogsOptions = {
    stdout: true,
    stderr: true,
    ...(tail !== undefined ? { tail } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
  };
  const sink = outputSink(cli, { stdout: true, stderr: true, tty });
  const id = String(info.Id ?? opts.container);
  if (opts.follow) {
    await cli.client.containerLogsFollow(id, request, (e) => sink(decorate(opts, e)));
    return;
  }
  const { entries } = await cli.client.containerLogs(id, request);
  for (const e of entries) sink(decorate(opts, e));
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  await runLogs(cli, {
    container: args[0]!,
    follow: v.follow === true,
    since: String(v.since ?? ""),
    until: String(v.until ?? ""),
    timestamps: v.timestamps === true,
    tail: String(v.tail ?? "all"),
    details: v.details === true,
  });
}
