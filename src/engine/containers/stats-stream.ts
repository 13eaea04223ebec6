// The stats stream docker/cli's `stats` reads: one frame per second of simulated time. On a
// frozen clock time does not move for a watcher; frames then repeat each real second.
import type { Engine } from "../host.js";
import { EngineError } from "../errors.js";
import { getContainer } from "./lookup.js";
import { containerStats, statsOf, type ContainerStats } from "./stats.js";

export type ContainerStatsEntry = ContainerStats;

export interface ContainerStatsOptions {
  /** Names or ids as typed; empty: the running containers (all with `all`). */
  containers: string[];
  all: boolean;
  stream: boolean;
  /** Stop after this many frames (tests, and a bounded watch). */
  frames?: number;
}

export interface ContainerStatsFrame {
  /** Per row, the name the user typed (or the short id when listing) and the stats or the error. */
  rows: Array<{ container: string; stats?: ContainerStats; error?: string }>;
}

const FRAME_MS = 1000;

export async function streamStats(engine: Engine, opts: ContainerStatsOptions, onFrame: (f: ContainerStatsFrame) => void, signal?: AbortSignal): Promise<void> {
  for (let n = 0; ; n++) {
    const view = await engine.view();
    let rows: ContainerStatsFrame["rows"];
    if (opts.containers.length > 0) {
      rows = opts.containers.map((ref) => {
        try {
          return { container: ref, stats: statsOf(getContainer(view.state, ref), view.now) };
        } catch (error) {
          if (error instanceof EngineError) return { container: ref, error: error.message };
          throw error;
        }
      });
    } else {
      rows = containerStats(view.state, view.now, { all: opts.all }).map((s) => ({ container: s.id.slice(0, 12), stats: s }));
    }
    onFrame({ rows });
    if (!opts.stream || signal?.aborted || (opts.frames !== undefined && n + 1 >= opts.frames)) return;
    if (view.state.clock.frozenAt !== undefined) await engine.options.sleep(FRAME_MS);
    else await engine.options.sleep(Math.max(0, FRAME_MS - (engine.options.realNow() % FRAME_MS)));
    if (signal?.aborted) return;
  }
}
