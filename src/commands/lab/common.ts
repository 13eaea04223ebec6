// What the lab verbs share: the lab port and colour (chalk, only on a terminal, honouring
// NO_COLOR and FORCE_COLOR from the client's environment).
import { Chalk, type ChalkInstance } from "chalk";
import { StatusError } from "../../cli/errors.js";
import type { Cli, OutStream } from "../../cli/types.js";
import type { LabApi } from "../../client/lab.js";

export function labOf(cli: Cli): LabApi {
  if (!cli.lab) throw new StatusError("mockdocker: the lab tools are not available here", 1);
  return cli.lab;
}

/** FORCE_COLOR wins (0 turns colour off), then NO_COLOR, then whether the stream is a terminal. */
export function colours(cli: Cli, stream: OutStream = cli.out): ChalkInstance {
  const force = cli.env.FORCE_COLOR;
  let level: 0 | 1 | 2 | 3;
  if (force !== undefined && force !== "") {
    const n = force === "true" ? 1 : force === "false" ? 0 : Number(force);
    level = Number.isNaN(n) ? 1 : (Math.max(0, Math.min(3, n)) as 0 | 1 | 2 | 3);
  } else if (cli.env.NO_COLOR !== undefined && cli.env.NO_COLOR !== "") {
    level = 0;
  } else {
    level = stream.isTTY ? 1 : 0;
  }
  return new Chalk({ level });
}

/** 2025-06-01T10:05:00Z (no milliseconds when there are none). */
export function isoTime(t: number): string {
  return new Date(t).toISOString().replace(/\.000Z$/, "Z");
}
