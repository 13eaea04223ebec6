// docker diff and docker history rows (docker/cli v28: cli/command/container/formatter_diff.go,
// cli/command/image/formatter_history.go).
import type { FilesystemChange } from "../client/api.js";
import { DEFAULT_QUIET_FORMAT, marshalContext, renderContexts, TABLE_FORMAT_KEY } from "./format.js";
import { ellipsis, truncateId } from "./strings.js";
import { GO_TYPE } from "./template/index.js";
import { rfc3339 } from "./time.js";
import { humanDuration, humanSizeWithPrecision } from "./units.js";

const KIND = ["C", "A", "D"] as const;

class DiffContext {
  readonly [GO_TYPE] = "*container.diffContext";
  constructor(readonly c: FilesystemChange) {}
  Type(): string {
    return KIND[this.c.Kind] ?? "";
  }
  Path(): string {
    return this.c.Path;
  }
  MarshalJSON(): string {
    return marshalContext(this, ["Type", "Path"]);
  }
}

/** docker diff's fixed "{{.Type}} {{.Path}}" lines. */
export function formatDiff(changes: readonly FilesystemChange[]): string {
  return renderContexts({ format: "{{.Type}} {{.Path}}", contexts: changes.map((c) => new DiffContext(c)), header: { Type: "CHANGE TYPE", Path: "PATH" } });
}

export interface HistoryItem {
  Id: string;
  /** Unix seconds. */
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

export interface HistoryFormatOptions {
  format: string;
  quiet: boolean;
  human: boolean;
  trunc: boolean;
  /** The client's clock, ms. */
  now: number;
}

const defaultHistoryTableFormat = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
const nonHumanHistoryTableFormat = "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";

const historyHeaders = {
  ID: "IMAGE",
  CreatedSince: "CREATED",
  CreatedAt: "CREATED AT",
  CreatedBy: "CREATED BY",
  Size: "SIZE",
  Comment: "COMMENT",
};

/** Created dates before 2000 are not shown as a duration. */
const EPOCH_2000 = Date.UTC(2000, 0, 1) / 1000;

class HistoryContext {
  readonly [GO_TYPE] = "*image.historyContext";
  readonly #h: HistoryItem;
  readonly #o: HistoryFormatOptions;
  constructor(h: HistoryItem, o: HistoryFormatOptions) {
    this.#h = h;
    this.#o = o;
  }
  ID(): string {
    return this.#o.trunc ? truncateId(this.#h.Id) : this.#h.Id;
  }
  CreatedAt(): string {
    return this.#h.Created === 0 ? "1970-01-01T00:00:00Z" : rfc3339(this.#h.Created * 1000);
  }
  CreatedSince(): string {
    if (!this.#o.human) return this.CreatedAt();
    if (this.#h.Created <= EPOCH_2000) return "";
    return humanDuration(this.#o.now - this.#h.Created * 1000) + " ago";
  }
  CreatedBy(): string {
    const by = this.#h.CreatedBy.replaceAll("\t", " ");
    return this.#o.trunc ? ellipsis(by, 45) : by;
  }
  Size(): string {
    return this.#o.human ? humanSizeWithPrecision(this.#h.Size, 3) : String(this.#h.Size);
  }
  Comment(): string {
    return this.#h.Comment;
  }
  MarshalJSON(): string {
    return marshalContext(this, ["Comment", "CreatedAt", "CreatedBy", "CreatedSince", "ID", "Size"]);
  }
}

/** NewHistoryFormat + HistoryWrite. Throws FormatError. */
export function formatHistory(items: readonly HistoryItem[], o: HistoryFormatOptions): string {
  let format = o.format === "" ? TABLE_FORMAT_KEY : o.format;
  if (format === TABLE_FORMAT_KEY) format = o.quiet ? DEFAULT_QUIET_FORMAT : o.human ? defaultHistoryTableFormat : nonHumanHistoryTableFormat;
  return renderContexts({ format, contexts: items.map((h) => new HistoryContext(h, o)), header: historyHeaders });
}
