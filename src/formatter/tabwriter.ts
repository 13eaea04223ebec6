// A port of docker/cli's fork of Go's text/tabwriter
// (docker/cli: cli/command/formatter/tabwriter/tabwriter.go), elastic tabstops:
// cells are terminated by '\t'; the trailing cell of a line is not part of a column;
// tab-terminated cells in consecutive lines form a column block. Widths use displayWidth.
// Sizes are counted in UTF-16 code units instead of bytes; widths are display columns.
import { displayWidth } from "./width.js";

export const FilterHTML = 1;
export const StripEscape = 2;
export const AlignRight = 4;
export const DiscardEmptyColumns = 8;
export const TabIndent = 16;
export const Debug = 32;

export interface TabWriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
  flags?: number;
}

interface Cell {
  size: number;
  width: number;
  htab: boolean;
}

const newCell = (): Cell => ({ size: 0, width: 0, htab: false });

export class TabWriter {
  private readonly minwidth: number;
  private readonly tabwidth: number;
  private readonly padding: number;
  private readonly padchar: string;
  private readonly flags: number;

  private out = "";
  private buf = "";
  private unmeasured = "";
  private cell: Cell = newCell();
  private endChar = "";
  private lines: Cell[][] = [];
  private widths: number[] = [];

  constructor(opts: TabWriterOptions) {
    if (opts.minwidth < 0 || opts.tabwidth < 0 || opts.padding < 0) {
      throw new Error("negative minwidth, tabwidth, or padding");
    }
    this.minwidth = opts.minwidth;
    this.tabwidth = opts.tabwidth;
    this.padding = opts.padding;
    this.padchar = opts.padchar.charAt(0) || " ";
    let flags = opts.flags ?? 0;
    if (this.padchar === "\t") flags &= ~AlignRight; // tab padding enforces left-alignment
    this.flags = flags;
    this.reset();
  }

  private reset(): void {
    this.buf = "";
    this.unmeasured = "";
    this.cell = newCell();
    this.endChar = "";
    this.lines = [[]];
    this.widths = [];
  }

  private writePadding(textw: number, cellw: number, useTabs: boolean): void {
    if (this.padchar === "\t" || useTabs) {
      if (this.tabwidth === 0) return; // tabs have no width - can't do any padding
      cellw = Math.trunc((cellw + this.tabwidth - 1) / this.tabwidth) * this.tabwidth;
      const n = cellw - textw;
      if (n < 0) throw new Error("internal error");
      this.out += "\t".repeat(Math.trunc((n + this.tabwidth - 1) / this.tabwidth));
      return;
    }
    if (cellw > textw) this.out += this.padchar.repeat(cellw - textw);
  }

  private writeLines(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      let useTabs = (this.flags & TabIndent) !== 0;
      line.forEach((c, j) => {
        if (j > 0 && (this.flags & Debug) !== 0) this.out += "|";
        if (c.size === 0) {
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, useTabs);
        } else {
          useTabs = false;
          if ((this.flags & AlignRight) === 0) {
            this.out += this.buf.slice(pos, pos + c.size);
            pos += c.size;
            if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, false);
          } else {
            if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, false);
            this.out += this.buf.slice(pos, pos + c.size);
            pos += c.size;
          }
        }
      });
      if (i + 1 === this.lines.length) {
        // last buffered line: no newline yet, write the incomplete cell
        this.out += this.buf.slice(pos, pos + this.cell.size);
        pos += this.cell.size;
      } else {
        this.out += "\n";
      }
    }
    return pos;
  }

  private format(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    const column = this.widths.length;
    for (let t = line0; t < line1; t++) {
      let line = this.lines[t]!;
      if (column >= line.length - 1) continue;
      // this line has a cell in this column: print lines up to the block start
      pos = this.writeLines(pos, line0, t);
      line0 = t;
      let width = this.minwidth;
      let discardable = true;
      for (; t < line1; t++) {
        line = this.lines[t]!;
        if (column >= line.length - 1) break;
        const c = line[column]!;
        const w = c.width + this.padding;
        if (w > width) width = w;
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && (this.flags & DiscardEmptyColumns) !== 0) width = 0;
      this.widths.push(width);
      pos = this.format(pos, line0, t);
      this.widths.pop();
      line0 = t;
    }
    return this.writeLines(pos, line0, line1);
  }

  private append(text: string): void {
    this.buf += text;
    this.unmeasured += text;
    this.cell.size += text.length;
  }

  // Measures only what was appended since the last update: slicing the growing buffer
  // itself would flatten it on every cell.
  private updateWidth(): void {
    this.cell.width += displayWidth(this.unmeasured);
    this.unmeasured = "";
  }

  private startEscape(ch: string): void {
    this.endChar = ch === "<" ? ">" : ch === "&" ? ";" : "";
  }

  private endEscape(): void {
    if (this.endChar === ";") this.cell.width++; // entity counts as one rune; tags as zero
    this.unmeasured = "";
    this.endChar = "";
  }

  private terminateCell(htab: boolean): number {
    this.cell.htab = htab;
    const line = this.lines[this.lines.length - 1]!;
    line.push(this.cell);
    this.cell = newCell();
    return line.length;
  }

  private flushInternal(): void {
    if (this.cell.size > 0) {
      if (this.endChar !== "") this.endEscape();
      this.terminateCell(false);
    }
    this.format(0, 0, this.lines.length);
    this.reset();
  }

  /** Buffer text; output is produced by flush (or when a line without tabs ends). */
  write(text: string): void {
    // Jump from one special character to the next (a native search, not a loop per character).
    const special = (this.flags & FilterHTML) !== 0 ? /[\t\v\n\f<&]/g : /[\t\v\n\f]/g;
    let n = 0;
    let i = 0;
    while (i < text.length) {
      if (this.endChar !== "") {
        const end = text.indexOf(this.endChar, i);
        if (end < 0) break;
        this.append(text.slice(n, end + 1));
        n = i = end + 1;
        this.endEscape();
        continue;
      }
      special.lastIndex = i;
      const match = special.exec(text);
      if (!match) break;
      i = match.index;
      const ch = text[i]!;
      if (ch === "<" || ch === "&") {
        this.append(text.slice(n, i));
        this.updateWidth();
        n = i;
        this.startEscape(ch);
        i++;
        continue;
      }
      this.append(text.slice(n, i));
      this.updateWidth();
      n = i + 1;
      const ncells = this.terminateCell(ch === "\t");
      if (ch === "\n" || ch === "\f") {
        this.lines.push([]);
        if (ch === "\f" || ncells === 1) {
          // a one-cell line cannot affect later columns, so flush now
          this.flushInternal();
          if (ch === "\f" && (this.flags & Debug) !== 0) this.out += "---\n";
        }
      }
      i++;
    }
    this.append(text.slice(n));
  }

  /** Format everything buffered and return all output produced since the last flush. */
  flush(): string {
    this.flushInternal();
    const out = this.out;
    this.out = "";
    return out;
  }
}

/** Lay out text the way docker's list tables do: tabwriter(10, 1, 3, ' ', 0). */
export function tabulate(text: string, opts: TabWriterOptions = { minwidth: 10, tabwidth: 1, padding: 3, padchar: " " }): string {
  const tw = new TabWriter(opts);
  tw.write(text);
  return tw.flush();
}

/**
 * What a TabWriter without flags lays out for a table whose every line has the same number of
 * cells, none holding a tab, newline, vertical tab or form feed (docker's default listings):
 * then every column is one block, as wide as its widest cell plus the padding and at least
 * minwidth, and the last cell of a line is not padded. A direct computation, for long listings.
 * `asciiOnly`: every cell is printable ASCII, so a cell's width is its length.
 */
export function layoutTable(
  lines: readonly (readonly string[])[],
  opts: { minwidth: number; padding: number; padchar: string; asciiOnly?: boolean },
): string {
  const columns = lines[0]?.length ?? 0;
  const widthOf = opts.asciiOnly ? (cell: string) => cell.length : displayWidth;
  // A cell's padded length in UTF-16 units: its length plus the columns it falls short by.
  const shortBy = opts.asciiOnly ? undefined : new Float64Array(lines.length * columns);
  const widths = new Array<number>(columns).fill(opts.minwidth);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    for (let j = 0; j < columns - 1; j++) {
      const cell = line[j]!;
      const w = widthOf(cell);
      if (shortBy) shortBy[i * columns + j] = cell.length - w;
      if (w + opts.padding > widths[j]!) widths[j] = w + opts.padding;
    }
  }
  // Padding strings are made once per length rather than once per cell.
  const pads: string[] = [];
  const pad = (n: number) => (pads[n] ??= opts.padchar.repeat(n));
  let out = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    for (let j = 0; j < columns - 1; j++) {
      const cell = line[j]!;
      out += cell + pad(widths[j]! + (shortBy ? shortBy[i * columns + j]! : 0) - cell.length);
    }
    out += line[columns - 1]! + "\n";
  }
  return out;
}
