// `docker ps` in its default table (or -q), laid out from cells rendered ahead of time. When
// the host changes, every container's cells are rendered once, truncated and in full, by the
// same ContainerContext a listing uses, and stored with the view (store/container-view.ts);
// a later `docker ps` only fills in the two time-dependent columns (CREATED, STATUS) and lays
// out the table. The text: a JSON header line, then a line of tab-separated cells a container.
import type { ClockState } from "../client/api.js";
import { containerHeaders, defaultContainerTableFormat, runningFor } from "./container-columns.js";
import { layoutTable } from "./tabwriter.js";

/**
 * A stored line's cells, in order; RUNNING is "1" for a running container, else "0". The cells
 * in full come last, so a truncated listing splits off only what it shows.
 */
export const enum Cell {
  RUNNING, CREATED, STATUS_PREFIX, STATUS_SINCE, STATUS_SUFFIX, PORTS,
  ID, IMAGE, COMMAND, NAMES, FULL_ID, FULL_IMAGE, FULL_COMMAND, FULL_NAMES, COUNT,
}

/** The stored text's layout; a view in another one is not read. */
export const VIEW_FORMAT = 1;

/** A container as the stored view gives it back; its line is split only when it is shown. */
export class ViewedContainer {
  #cells?: string[];
  constructor(private readonly line: string) {}

  get running(): boolean {
    return this.line.startsWith("1\t");
  }

  /** Its stored cells, indexed by Cell, up to `count` of them. */
  cells(count: number = Cell.COUNT): string[] {
    if (this.#cells === undefined || this.#cells.length < count) this.#cells = this.line.split("\t", count);
    return this.#cells;
  }

  /** Its status in parts (see StatusParts), given to `text`, which makes the status from them. */
  status(text: (prefix: string, since: number | null, suffix: string) => string): string {
    const c = this.cells(Cell.PORTS);
    return text(c[Cell.STATUS_PREFIX]!, c[Cell.STATUS_SINCE] === "" ? null : Number(c[Cell.STATUS_SINCE]), c[Cell.STATUS_SUFFIX]!);
  }
}

export interface DecodedContainerView {
  clock: ClockState;
  validUntil: number | null;
  /** Every stored cell is printable ASCII (one column a character). */
  ascii: boolean;
  containers: ViewedContainer[];
}

/** The view back from its text; undefined when the text is not one this version wrote. */
export function decodeContainerView(text: string): DecodedContainerView | undefined {
  const lines = text.split("\n");
  if (lines.pop() !== "") return undefined;
  let head: { format: number; clock: ClockState; validUntil: number | null; count: number; ascii: boolean };
  try {
    head = JSON.parse(lines[0] ?? "") as typeof head;
  } catch {
    return undefined;
  }
  // A file cut short (it is not synced) loses whole lines: the count tells.
  if (head === null || typeof head !== "object" || head.format !== VIEW_FORMAT || head.count !== lines.length - 1) return undefined;
  if (!validClock(head.clock) || !(head.validUntil === null || typeof head.validUntil === "number")) return undefined;
  const containers: ViewedContainer[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!/^[01]\t/.test(lines[i]!)) return undefined;
    containers.push(new ViewedContainer(lines[i]!));
  }
  return { clock: head.clock, validUntil: head.validUntil, ascii: head.ascii === true, containers };
}

function validClock(clock: unknown): clock is ClockState {
  if (clock === null || typeof clock !== "object") return false;
  const { frozenAt, offsetMs } = clock as Record<string, unknown>;
  return (frozenAt === undefined || typeof frozenAt === "number") && typeof offsetMs === "number";
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
  const shown = opts.quiet ? (opts.trunc ? Cell.ID : Cell.FULL_ID) + 1 : opts.trunc ? Cell.FULL_ID : Cell.COUNT;
  if (containers.some((c) => c.cells(shown).length < shown)) return undefined;
  if (opts.quiet) return containers.map((c) => c.cells(shown)[opts.trunc ? Cell.ID : Cell.FULL_ID] + "\n").join("");
  const lines = [HEADER];
  // Containers made in the same second show the same CREATED.
  const createdText = new Map<string, string>();
  for (const container of containers) {
    const c = container.cells(shown);
    let created = createdText.get(c[Cell.CREATED]!);
    if (created === undefined) createdText.set(c[Cell.CREATED]!, (created = runningFor(Number(c[Cell.CREATED]), opts.now)));
    const status = opts.status(container);
    lines.push(
      opts.trunc
        ? [c[Cell.ID]!, c[Cell.IMAGE]!, c[Cell.COMMAND]!, created, status, c[Cell.PORTS]!, c[Cell.NAMES]!]
        : [c[Cell.FULL_ID]!, c[Cell.FULL_IMAGE]!, c[Cell.FULL_COMMAND]!, created, status, c[Cell.PORTS]!, c[Cell.FULL_NAMES]!],
    );
  }
  // The header, the times and the statuses are ASCII.
  return layoutTable(lines, { minwidth: 10, padding: 3, padchar: " ", asciiOnly: opts.ascii });
}
