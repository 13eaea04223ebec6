// GNU coreutils dd's wording: its number suffixes, its messages, and the transfer line of
// print_xfer_stats (src/dd.c) with gnulib human_readable's SI and IEC sizes.

/** xstrtoumax suffixes dd accepts: K, KiB (1024), KB (1000), c, w, b, up to E. */
export function gnuMultiplier(suffix: string): number | undefined {
  const simple: Record<string, number> = { "": 1, c: 1, w: 2, b: 512, k: 1024 };
  if (suffix in simple) return simple[suffix];
  const m = /^([KMGTPE])(iB|B)?$/.exec(suffix);
  if (!m) return undefined;
  const power = "KMGTPE".indexOf(m[1]!) + 1;
  return (m[2] === "B" ? 1000 : 1024) ** power;
}

/** human_readable with autoscale, nearest rounding, a space and a unit: "5.2 MB", "500 MiB", "512 B". */
function human(v: number, base: 1000 | 1024): string {
  const prefixes = base === 1000 ? ["", "k", "M", "G", "T", "P", "E"] : ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
  let u = 0;
  while (v >= base && u < prefixes.length - 1) {
    v /= base;
    u++;
  }
  if (u === 0) return `${Math.round(v)} B`;
  let shown = v < 10 ? (Math.round(v * 10) / 10).toFixed(1) : String(Math.round(v));
  if (Number(shown) >= base && u < prefixes.length - 1) shown = "1.0", u++;
  return `${shown} ${prefixes[u]}B`;
}

/** printf's %g: six significant digits, trailing zeros dropped, exponent form below 1e-4. */
function g(x: number): string {
  if (x !== 0 && Math.abs(x) < 1e-4) {
    const [m, e] = x.toExponential(5).split("e") as [string, string];
    const exp = Number(e);
    return `${m.replace(/\.?0+$/, "")}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(Number(x.toPrecision(6)));
}

/** The third status line. */
export function gnuXferLine(bytes: number, seconds: number): string {
  const si = human(bytes, 1000);
  const iec = human(bytes, 1024);
  const rate = `${human(bytes / seconds, 1000)}/s`;
  const time = `${g(seconds)} s`;
  if (si.endsWith(" B")) return `${bytes} ${bytes === 1 ? "byte" : "bytes"} copied, ${time}, ${rate}\n`;
  if (iec.endsWith(" B")) return `${bytes} bytes (${si}) copied, ${time}, ${rate}\n`;
  return `${bytes} bytes (${si}, ${iec}) copied, ${time}, ${rate}\n`;
}

/** GNU's name for each list operand in its complaint. */
export const GNU_LIST_WORDS: Record<string, string> = { conv: "invalid conversion", iflag: "invalid input flag", status: "invalid status level" };
