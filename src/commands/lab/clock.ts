// mockdocker lab clock [advance DURATION | set TIME | real]
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import type { ClockInfo } from "../../client/lab.js";
import { colours, isoTime, labOf } from "./common.js";

function offsetText(ms: number): string {
  const sign = ms < 0 ? "-" : "+";
  let rest = Math.abs(Math.round(ms / 1000));
  const parts: string[] = [];
  for (const [unit, size] of [["d", 86400], ["h", 3600], ["m", 60], ["s", 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return sign + (parts.join("") || "0s");
}

function show(cli: Cli, info: ClockInfo): void {
  const c = colours(cli);
  const mode = info.frozen ? "frozen" : info.offsetMs === 0 ? "real time" : `running, ${offsetText(info.offsetMs)} from real time`;
  cli.out.write(`${isoTime(info.now)} ${c.dim(`(${mode})`)}\n`);
}

/** ISO 8601 or Unix seconds, as MOCKDOCKER_CLOCK takes it. */
function parseTime(text: string): number {
  const t = /^[0-9]+$/.test(text) ? Number(text) * 1000 : Date.parse(text);
  if (Number.isNaN(t)) throw new StatusError(`mockdocker: cannot read "${text}" as a time: use ISO 8601 (2025-06-01T10:00:00Z) or Unix seconds`, 1);
  return t;
}

const usage = "mockdocker: usage: mockdocker lab clock [advance DURATION | set TIME | real]";

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const lab = labOf(cli);
  const [verb, value] = args;
  switch (verb) {
    case undefined:
      return show(cli, await lab.clock());
    case "advance": {
      if (value === undefined) throw new StatusError(usage, 1);
      const ms = await lab.parseDuration(value);
      if (ms === undefined) throw new StatusError(`mockdocker: cannot read "${value}" as a duration: use a number with s, m, h or d (90s, 5m, 1h30m, 2d)`, 1);
      return show(cli, await lab.clockAdvance(ms));
    }
    case "set":
      if (value === undefined) throw new StatusError(usage, 1);
      return show(cli, await lab.clockSet(parseTime(value), flags.values.freeze === true ? "freeze" : "keep"));
    case "real":
      if (value !== undefined) throw new StatusError(usage, 1);
      return show(cli, await lab.clockReal());
    default:
      throw new StatusError(usage, 1);
  }
}
