// `docker ps` in its default table (or -q), laid out from cells rendered ahead of time. When
// the host changes, every container's cells are rendered once, truncated and in full, by the
// same ContainerContext a listing uses, and stored with the view (store/container-view.ts);
// a later `docker ps` only fills in the two time-dependent columns (CREATED, STATUS) and lays
// out the table. The text: a JSON header line, then a line of tab-separated cells a container.
import type { ClockState, ContainerListView, StatusParts } from "../client/api.js";
import { ContainerContext, containerHeaders, defaultContainerTableFormat, runningFor } from "./container.js";
import { layoutTable } from "./tabwriter.js";
import { PRINTABLE_ASCII } from "./width.js";

// A stored line's cells, in order (cell 0 is "1" for a running container, else "0").
const ID = 1, FULL_ID = 2, IMAGE = 3, FULL_IMAGE = 4, COMMAND = 5, FULL_COMMAND = 6, CREATED = 7;
const STATUS_PREFIX = 8, STATUS_SINCE = 9, STATUS_SUFFIX = 10, PORTS = 11, NAMES = 12, FULL_NAMES = 13;
const CELLS = 14;

/** A container as the stored view gives it back; its line is split only when it is shown. */
export class ViewedContainer {
  #cells?: string[];
  constructor(private readonly line: string) {}

  get running(): boolean {
    return this.line.startsWith("1\t");
  }

  /** Its cells (truncated, or in full), with CREATED and STATUS left out. */
  cells(): string[] {
    return (this.#cells ??= this.line.split("\t"));
  }

  get statusParts(): StatusParts {
    const c = this.cells();
    return [c[STATUS_PREFIX]!, c[STATUS_SINCE] === "" ? null : Number(c[STATUS_SINCE]), c[STATUS_SUFFIX]!];
  }
}

export interface DecodedContainerView {
  clock: ClockState;
  validUntil: number | null;
  /** Every stored cell is printable ASCII (one column a character). */
  ascii: boolean;
  containers: ViewedContainer[];
}

/** The stored text of a view; undefined when a cell would not survive the line format. */
export function encodeContainerView(view: ContainerListView): string | undefined {
  let rows = "";
  let ascii = true;
  for (const c of view.containers) {
    const short = new ContainerContext({ ...c, Status: "" }, { trunc: true, now: 0 });
    const full = new ContainerContext({ ...c, Status: "" }, { trunc: false, now: 0 });
    const [prefix, since, suffix] = c.StatusParts;
    const cells = [c.Running ? "1" : "0", short.ID(), full.ID(), short.Image(), full.Image(), short.Command(), full.Command(), String(c.Created), prefix, since === null ? "" : String(since), suffix, short.Ports(), short.Names(), full.Names()];
    if (cells.some((cell) => /[\t\n\v\f]/.test(cell))) return undefined;
    ascii &&= cells.every((cell) => PRINTABLE_ASCII.test(cell));
    rows += cells.join("\t") + "\n";
  }
  return JSON.stringify({ clock: view.clock, validUntil: view.validUntil, count: view.containers.length, ascii }) + "\n" + rows;
}

/** The view back from its text; undefined when the text is not one this version wrote. */
export function decodeContainerView(text: string): DecodedContainerView | undefined {
  const lines = text.split("\n");
  if (lines.pop() !== "") return undefined;
  let head: { clock: ClockState; validUntil: number | null; count: number; ascii: boolean };
  try {
    head = JSON.parse(lines[0] ?? "") as typeof head;
  } catch {
    return undefined;
  }
  // A file cut short (it is not synced) loses whole lines: the count tells.
  if (head.count !== lines.length - 1) return undefined;
  const containers: ViewedContainer[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!/^[01]\t/.test(lines[i]!)) return undefined;
    containers.push(new ViewedContainer(lines[i]!));
  }
  return { clock: head.clock, validUntil: head.validUntil, ascii: head.ascii === true, containers };
}

const HEADER = defaultContainerTableFormat
  .slice("table ".length)
  .split("\t")
  .map((field) => containerHeaders[field.slice("{{.".length, -"}}".length)]!);

/**
 * What formatContainers prints for the default format (or -q) over the same containers, their
 * STATUS given by `status`; undefined when a line of the view is damaged.
 */
export function formatViewedContainers(
  containers: ViewedContainer[],
  opts: { quiet: boolean; trunc: boolean; now: number; ascii: boolean; status: (c: ViewedContainer) => string },
): string | undefined {
  if (containers.some((c) => c.cells().length !== CELLS)) return undefined;
  if (opts.quiet) return containers.map((c) => c.cells()[opts.trunc ? ID : FULL_ID] + "\n").join("");
  const lines = [HEADER];
  for (const container of containers) {
    const c = container.cells();
    const created = runningFor(Number(c[CREATED]), opts.now);
    const status = opts.status(container);
    lines.push(
      opts.trunc
        ? [c[ID]!, c[IMAGE]!, c[COMMAND]!, created, status, c[PORTS]!, c[NAMES]!]
        : [c[FULL_ID]!, c[FULL_IMAGE]!, c[FULL_COMMAND]!, created, status, c[PORTS]!, c[FULL_NAMES]!],
    );
  }
  // The header, the times and the statuses are ASCII.
  return layoutTable(lines, { minwidth: 10, padding: 3, padchar: " ", asciiOnly: opts.ascii });
}
