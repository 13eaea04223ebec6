// docker images --tree (experimental in 28.x; docker/cli: cli/command/image/tree.go), for a
// host without the containerd image store: no per-platform children, so one block per image.
// Plain text only (the colours docker uses on a terminal are left out).
import type { ImageSummary } from "../client/api.js";
import { truncateId } from "./strings.js";
import { humanSizeWithPrecision } from "./units.js";

const columnSpacing = 3;

interface Column {
  title: string;
  width: number;
  align: "left" | "right" | "center";
  value?: (img: ImageSummary) => string;
}

const columns: Column[] = [
  { title: "Image", width: 0, align: "left" },
  { title: "ID", width: 12, align: "left", value: (i) => truncateId(i.Id) },
  { title: "Disk usage", width: 10, align: "right", value: (i) => humanSizeWithPrecision(i.Size, 3) },
  // Without per-platform manifests there is no content to count.
  { title: "Content size", width: 12, align: "right", value: () => humanSizeWithPrecision(0, 3) },
  { title: "Extra", width: 5, align: "left", value: (i) => (i.Containers > 0 ? "U" : "") },
];

function truncateRunes(s: string, length: number): string {
  const runes = Array.from(s);
  return runes.length > length ? runes.slice(0, length - 3).join("") + "..." : s;
}

function cell(c: Column, s: string): string {
  const n = Array.from(s).length;
  if (n > c.width) return truncateRunes(s, c.width);
  const fill = c.width - n;
  if (c.align === "right") return " ".repeat(fill) + s;
  if (c.align === "center") return " ".repeat(Math.floor(fill / 2)) + s + " ".repeat(fill - Math.floor(fill / 2));
  return s + " ".repeat(fill);
}

const isDangling = (i: ImageSummary) => (i.RepoTags ?? []).length === 0 && (i.RepoDigests ?? []).length === 0;

export interface ImageTreeOptions {
  all: boolean;
  /** Terminal width (80 when not a terminal). */
  width?: number;
}

/** The tree view's text: warning, legend, header, then each image's names and details. */
export function formatImageTree(images: readonly ImageSummary[], opts: ImageTreeOptions): string {
  const width = Math.max(20, opts.width ?? 80);
  const shown = [...images].filter((i) => opts.all || !isDangling(i)).sort((a, b) => b.Created - a.Created);
  const cols = columns.map((c) => ({ ...c }));
  let nameWidth = width;
  for (let i = 1; i < cols.length; i++) {
    const d = cols[i]!.width + columnSpacing;
    if (nameWidth - d < 12) {
      cols.length = i;
      break;
    }
    nameWidth -= d;
  }
  let widest = cols[0]!.title.length;
  for (const img of shown) for (const n of img.RepoTags ?? []) widest = Math.max(widest, n.length);
  cols[0]!.width = Math.min(nameWidth, widest);

  const spacer = " ".repeat(columnSpacing);
  let out = "WARNING: This is an experimental feature. The output may change and shouldn't be depended on.\n";
  const legend = "U   In Use";
  out += " ".repeat(Math.max(0, width - legend.length - 1)) + legend + "\n\n";
  out += cols.map((c) => cell(c, c.title.toUpperCase())).join(spacer).trimEnd() + "\n";
  shown.forEach((img, idx) => {
    if (idx > 0) out += "\n";
    const names = (img.RepoTags ?? []).length > 0 ? img.RepoTags : ["<untagged>"];
    out += names.map((n) => cell(cols[0]!, n)).join("\n");
    out += cols.slice(1).map((c) => spacer + cell(c, c.value!(img))).join("").trimEnd() + "\n";
  });
  return out;
}
