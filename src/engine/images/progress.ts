// Progress strings as the daemon's streamformatter builds them (moby: pkg/jsonmessage
// JSONProgress.String with the server-side width of 200, so the bar is always drawn; no Start,
// so no time left) and go-units HumanSize (size.go, 4 significant digits, decimal units).
import type { JsonMessage } from "../api-types.js";

const DECIMAL_UNITS = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];

export function humanSize(bytes: number): string {
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < DECIMAL_UNITS.length - 1) {
    size /= 1000;
    i++;
  }
  return `${Number(size.toPrecision(4)).toString()}${DECIMAL_UNITS[i]}`;
}

export function progressBar(current: number, total: number): string {
  if (current <= 0 && total <= 0) return "";
  if (total <= 0) return humanSize(current).padStart(8);
  const percentage = Math.min(50, Math.trunc(Math.trunc((current / total) * 100) / 2));
  const bar = `[${"=".repeat(percentage)}>${" ".repeat(Math.max(0, 50 - percentage))}] `;
  const cur = humanSize(current);
  const numbers = current > total ? cur.padStart(8) : `${cur.padStart(8)}/${humanSize(total)}`;
  return bar + numbers;
}

/** A per-layer status line of pull and push progress. */
export const layerStatus = (id: string, text: string): JsonMessage => ({ status: text, progressDetail: {}, id });

/** A per-layer line with a progress bar (Downloading, Extracting, Pushing). */
export const layerProgress = (id: string, text: string, current: number, total: number): JsonMessage => ({
  status: text,
  progressDetail: { current, total },
  progress: progressBar(current, total),
  id,
});
