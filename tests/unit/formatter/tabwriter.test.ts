import { describe, expect, it } from "vitest";
import { TabWriter, tabulate, layoutTable, AlignRight, Debug, DiscardEmptyColumns } from "../../../src/formatter/tabwriter.js";
import { displayWidth } from "../../../src/formatter/width.js";

const docker = (text: string): string => tabulate(text);

describe("TabWriter (docker tables: 10,1,3,' ',0)", () => {
  it("pads every column to max(10, longest+3) and leaves the last column unpadded", () => {
    expect(docker("CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n")).toBe(
      "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n",
    );
  });

  it("pads an empty middle cell to the full column width", () => {
    const out = docker("ID\tPORTS\tNAMES\nabc\t\tweb\n");
    expect(out).toBe("ID        PORTS     NAMES\nabc                 web\n");
  });

  it("measures widths over header and rows together", () => {
    const out = docker("A\tB\n" + "x".repeat(16) + "\ty\n");
    expect(out).toBe("A".padEnd(19) + "B\n" + "x".repeat(16) + "   y\n");
  });

  it("treats the trailing cell of a line as outside any column", () => {
    // b and c are in distinct column blocks (the b column is interrupted by a one-cell line)
    const out = new TabWriter({ minwidth: 0, tabwidth: 8, padding: 1, padchar: ".", flags: 0 });
    out.write("aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n");
    expect(out.flush()).toBe("aaaa.bbb.d\naa...b...dd\na....\naa...cccc.eee\n");
  });

  it("counts East-Asian wide characters as two columns", () => {
    expect(displayWidth("日本")).toBe(4);
    expect(docker("名前\tX\nab\tY\n")).toBe("名前      X\nab        Y\n");
  });

  it("writes text without a trailing newline at flush", () => {
    expect(docker("a\tb")).toBe("a         b");
  });

  it("uses docker version's writer (20,1,1)", () => {
    const out = tabulate(" Version:\t28.2.2\n API version:\t1.50\n", { minwidth: 20, tabwidth: 1, padding: 1, padchar: " " });
    expect(out).toBe(" Version:           28.2.2\n API version:       1.50\n");
  });

  it("supports AlignRight, Debug and DiscardEmptyColumns like Go", () => {
    const right = tabulate("a\tbbb\tc\naa\tb\tc\n", { minwidth: 0, tabwidth: 8, padding: 1, padchar: " ", flags: AlignRight });
    expect(right).toBe("  a bbbc\n aa   bc\n");
    const dbg = tabulate("a\tb\tc\n", { minwidth: 0, tabwidth: 8, padding: 1, padchar: " ", flags: Debug });
    expect(dbg).toBe("a |b |c\n");
    const discard = tabulate("a\v\vb\nc\v\vd\n", { minwidth: 0, tabwidth: 8, padding: 1, padchar: " ", flags: DiscardEmptyColumns });
    expect(discard).toBe("a b\nc d\n");
  });

  it("pads with tabs when padchar is a tab", () => {
    const out = tabulate("a\tb\naaaaaaaaa\tc\n", { minwidth: 0, tabwidth: 8, padding: 1, padchar: "\t" });
    expect(out).toBe("a\t\tb\naaaaaaaaa\tc\n");
  });
});

describe("layoutTable", () => {
  // Deterministic pseudo-random tables: cells of ASCII, wide and combining characters, or empty.
  function table(seed: number, rows: number, columns: number, ascii: boolean): string[][] {
    let x = seed;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = ascii ? ["a", "B", "7", " ", "-", "\"", "x"] : ["a", "漢", "é", "e\u0301", "✓", "🙂", " "];
    return Array.from({ length: rows }, () =>
      Array.from({ length: columns }, () => Array.from({ length: Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("")),
    );
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("lays out what TabWriter lays out (table %i)", (seed) => {
    for (const ascii of [true, false]) {
      const lines = table(seed, 1 + seed * 3, 1 + (seed % 7), ascii);
      const expected = tabulate(lines.map((l) => l.join("\t") + "\n").join(""));
      expect(layoutTable(lines, { minwidth: 10, padding: 3, padchar: " " })).toBe(expected);
      if (ascii) expect(layoutTable(lines, { minwidth: 10, padding: 3, padchar: " ", asciiOnly: true })).toBe(expected);
    }
  });
});
