// docker stats rows (docker/cli v28: cli/command/container/formatter_stats.go statsContext).
import type { ContainerStatsEntry } from "../client/api.js";
import { FormatError, marshalContext, renderContexts, TABLE_FORMAT_KEY } from "./format.js";
import { truncateId } from "./strings.js";
import { GO_TYPE } from "./template/index.js";
import { bytesSize, humanSizeWithPrecision } from "./units.js";

export const defaultStatsTableFormat =
  "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

export const statsHeaders: Readonly<Record<string, string>> = {
  Container: "CONTAINER",
  Name: "NAME",
  ID: "CONTAINER ID",
  CPUPerc: "CPU %",
  MemUsage: "MEM USAGE / LIMIT",
  MemPerc: "MEM %",
  NetIO: "NET I/O",
  BlockIO: "BLOCK I/O",
  PIDs: "PIDS",
};

/** One row: the stats plus the name the user gave (Container). */
export interface StatsRow extends ContainerStatsEntry {
  container: string;
  /** Collection failed: the figures print as "--". */
  invalid?: boolean;
}

const percent = (v: number): string => `${v.toFixed(2)}%`;

export class StatsContext {
  readonly [GO_TYPE] = "*container.statsContext";
  readonly #s: StatsRow;
  readonly #trunc: boolean;

  constructor(s: StatsRow, trunc: boolean) {
    this.#s = s;
    this.#trunc = trunc;
  }

  Container(): string {
    return this.#s.container;
  }

  Name(): string {
    return this.#s.name.length > 1 ? this.#s.name.slice(1) : "--";
  }

  ID(): string {
    return this.#trunc ? truncateId(this.#s.id) : this.#s.id;
  }

  CPUPerc(): string {
    return this.#s.invalid ? "--" : percent(this.#s.cpuPercent);
  }

  MemUsage(): string {
    return this.#s.invalid ? "-- / --" : `${bytesSize(this.#s.memUsage)} / ${bytesSize(this.#s.memLimit)}`;
  }

  MemPerc(): string {
    return this.#s.invalid ? "--" : percent(this.#s.memPercent);
  }

  NetIO(): string {
    return this.#s.invalid ? "--" : `${humanSizeWithPrecision(this.#s.netRx, 3)} / ${humanSizeWithPrecision(this.#s.netTx, 3)}`;
  }

  BlockIO(): string {
    return this.#s.invalid ? "--" : `${humanSizeWithPrecision(this.#s.blockRead, 3)} / ${humanSizeWithPrecision(this.#s.blockWrite, 3)}`;
  }

  PIDs(): string {
    return this.#s.invalid ? "--" : String(this.#s.pids);
  }

  MarshalJSON(): string {
    return marshalContext(this, Object.keys(statsHeaders));
  }
}

/** NewStatsFormat: "table" means the default columns. */
export function statsFormat(format: string): string {
  return format === TABLE_FORMAT_KEY ? defaultStatsTableFormat : format;
}

/** statsFormatWrite. Throws Error with the template's message. */
export function formatStats(rows: StatsRow[], format: string, trunc: boolean): string {
  try {
    return renderContexts({ format: statsFormat(format), header: statsHeaders, contexts: rows.map((r) => new StatsContext(r, trunc)) });
  } catch (e) {
    if (e instanceof FormatError) throw new Error(e.message);
    throw e;
  }
}
