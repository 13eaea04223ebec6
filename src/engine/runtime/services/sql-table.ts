// Result tables of the mysql and psql clients.

export interface ResultSet {
  columns: string[];
  rows: string[][];
}

/** mysql's boxed table (interactive or with a tty). */
export function mysqlTable(r: ResultSet): string {
  const widths = r.columns.map((c, i) => Math.max(c.length, ...r.rows.map((row) => (row[i] ?? "").length)));
  const rule = "+" + widths.map((w) => "-".repeat(w + 2)).join("+") + "+";
  const row = (cells: string[], numeric: boolean[]) =>
    "|" + cells.map((c, i) => " " + (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)) + " ").join("|") + "|";
  const numeric = r.columns.map((_, i) => r.rows.length > 0 && r.rows.every((x) => /^-?\d+(\.\d+)?$/.test(x[i] ?? "")));
  return [rule, row(r.columns, r.columns.map(() => false)), rule, ...r.rows.map((x) => row(x, numeric)), rule].join("\n");
}

/** mysql's batch output (no tty): tab-separated with a header line. */
export function mysqlBatch(r: ResultSet): string {
  return [r.columns, ...r.rows].map((row) => row.join("\t")).join("\n");
}

/** psql's aligned format, with the row-count footer (fe_utils/print.c: the last column is not padded). */
export function psqlTable(r: ResultSet): string {
  const widths = r.columns.map((c, i) => Math.max(c.length, ...r.rows.map((row) => (row[i] ?? "").length)));
  const numeric = r.columns.map((_, i) => r.rows.length > 0 && r.rows.every((x) => /^-?\d+(\.\d+)?$/.test(x[i] ?? "")));
  const header = r.columns.map((c, i) => {
    const pad = widths[i]! - c.length;
    return ` ${" ".repeat(Math.floor(pad / 2))}${c}${" ".repeat(pad - Math.floor(pad / 2))} `;
  });
  const last = r.columns.length - 1;
  const rows = r.rows.map((row) =>
    row.map((c, i) => {
      if (numeric[i]) return ` ${c.padStart(widths[i]!)}${i === last ? "" : " "}`;
      return i === last ? ` ${c}` : ` ${c.padEnd(widths[i]!)} `;
    }).join("|"),
  );
  const n = r.rows.length;
  return [header.join("|"), widths.map((w) => "-".repeat(w + 2)).join("+"), ...rows, `(${n} ${n === 1 ? "row" : "rows"})`, ""].join("\n");
}
