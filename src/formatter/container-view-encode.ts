// The cells of the stored container view (see container-view.ts), rendered by the same
// ContainerContext a listing uses, truncated and in full, when the host changes.
import type { ContainerListView } from "../client/api.js";
import { ContainerContext, EMPTY_CONTAINER_ROW, type ContainerRow } from "./container.js";
import { VIEW_FORMAT } from "./container-view.js";

/** A line of printable ASCII cells (and the tabs between them). */
const ASCII_LINE = /^[\t\x20-\x7e]*$/;

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
    // In the order of container-view.ts Cell.
    const cells = [
      c.Running ? "1" : "0",
      String(c.Created),
      prefix,
      since === null ? "" : String(since),
      suffix,
      short.Ports(),
      short.ID(),
      image[0],
      command[0],
      short.Names(),
      full.ID(),
      image[1],
      command[1],
      full.Names(),
    ];
    if (cells.some((cell) => cell.includes("\t"))) return undefined;
    const line = cells.join("\t");
    if (!ASCII_LINE.test(line)) {
      if (/[\n\v\f]/.test(line)) return undefined;
      ascii = false;
    }
    rows += line + "\n";
  }
  return JSON.stringify({ format: VIEW_FORMAT, clock: view.clock, validUntil: view.validUntil, count: view.containers.length, ascii }) + "\n" + rows;
}

function memo<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}
