// The cells of the stored container view (see container-view.ts), rendered by the same
// ContainerContext a listing uses, truncated and in full, when the host changes.
import type { ContainerListView } from "../client/api.js";
import { ContainerContext, EMPTY_CONTAINER_ROW, type ContainerRow } from "./container.js";
import { Cell, VIEW_FORMAT } from "./container-view.js";
import { PRINTABLE_ASCII } from "./width.js";

/** The stored text of a view; undefined when a cell would not survive the line format. */
export function encodeContainerView(view: ContainerListView): string | undefined {
  // Many containers share an image and a command: their cells are rendered once.
  const imageCells = new Map<string, [string, string]>();
  const commandCells = new Map<string, [string, string]>();
  let rows = "";
  let ascii = true;
  for (const c of view.containers) {
    const row: ContainerRow = { ...EMPTY_CONTAINER_ROW, ...c };
    const short = new ContainerContext(row, { trunc: true, now: 0 });
    const full = new ContainerContext(row, { trunc: false, now: 0 });
    const image = memo(imageCells, `${c.Image}\n${c.ImageID}`, (): [string, string] => [short.Image(), full.Image()]);
    const command = memo(commandCells, c.Command, (): [string, string] => [short.Command(), full.Command()]);
    const [prefix, since, suffix] = c.StatusParts;
    const cells: string[] = [];
    cells[Cell.RUNNING] = c.Running ? "1" : "0";
    [cells[Cell.ID], cells[Cell.FULL_ID]] = [short.ID(), full.ID()];
    [cells[Cell.IMAGE], cells[Cell.FULL_IMAGE]] = image;
    [cells[Cell.COMMAND], cells[Cell.FULL_COMMAND]] = command;
    cells[Cell.CREATED] = String(c.Created);
    [cells[Cell.STATUS_PREFIX], cells[Cell.STATUS_SINCE], cells[Cell.STATUS_SUFFIX]] = [prefix, since === null ? "" : String(since), suffix];
    cells[Cell.PORTS] = short.Ports();
    [cells[Cell.NAMES], cells[Cell.FULL_NAMES]] = [short.Names(), full.Names()];
    if (cells.some((cell) => /[\t\n\v\f]/.test(cell))) return undefined;
    ascii &&= cells.every((cell) => PRINTABLE_ASCII.test(cell));
    rows += cells.join("\t") + "\n";
  }
  return JSON.stringify({ format: VIEW_FORMAT, clock: view.clock, validUntil: view.validUntil, count: view.containers.length, ascii }) + "\n" + rows;
}

function memo<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}
