// docker stats (docker/cli: cli/command/container/stats.go): a table of live figures, redrawn
// every second until interrupted, or printed once with --no-stream.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { formatStats, type StatsRow } from "../../formatter/stats.js";

export interface StatsOptions {
  containers: string[];
  all: boolean;
  noStream: boolean;
  noTrunc: boolean;
  format: string;
  /** Stop after this many frames (a bounded watch; tests). */
  frames?: number;
  signal?: AbortSignal;
}

const CLEAR_SCREEN = "\x1b[2J\x1b[H";

export async function runStats(cli: Cli, opts: StatsOptions): Promise<void> {
  const format = opts.format || cli.config.statsFormat || "table";
  let failure: Error | undefined;
  const abort = new AbortController();
  opts.signal?.addEventListener("abort", () => abort.abort(), { once: true });
  let first = true;
  await cli.client.containerStats(
    { containers: opts.containers, all: opts.all, stream: !opts.noStream, ...(opts.frames !== undefined ? { frames: opts.frames } : {}) },
    (frame) => {
      if (failure) return;
      // Named containers are checked once, before anything is drawn.
      const errors = frame.rows.filter((r) => r.error !== undefined).map((r) => `Error response from daemon: ${r.error}`);
      if (first && errors.length > 0) {
        failure = new StatusError(errors.join("\n"), 1);
        abort.abort();
        return;
      }
      first = false;
      const rows: StatsRow[] = frame.rows.map((r) =>
        r.stats
          ? { ...r.stats, container: r.container }
          : { container: r.container, id: "", name: "", cpuPercent: 0, memUsage: 0, memLimit: 0, memPercent: 0, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0, pids: 0, invalid: true },
      );
      let text: string;
      try {
        text = formatStats(rows, format, !opts.noTrunc);
      } catch (e) {
        failure = new StatusError((e as Error).message, 1);
        abort.abort();
        return;
      }
      cli.out.write(opts.noStream ? text : CLEAR_SCREEN + text);
    },
    abort.signal,
  );
  if (failure) throw failure;
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  await runStats(cli, {
    containers: args,
    all: v.all === true,
    noStream: v["no-stream"] === true,
    noTrunc: v["no-trunc"] === true,
    format: String(v.format ?? ""),
  });
}
