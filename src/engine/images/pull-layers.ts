// The per-layer part of a pull (moby: distribution/xfer/download.go, transfer.go): layers
// already present are "Already exists" (only as an unbroken run from the base, since the layer
// store is keyed by chain), the others "Pulling fs layer"; at most 3 download at once and the
// rest say "Waiting"; each layer extracts once it is downloaded and its parent is registered.
// A blob repeated in one image is reported once. Durations are simulated from the blob
// sizes, so small layers finish first as in real output.
import type { JsonMessage } from "../api-types.js";
import { layerProgress, layerStatus } from "./progress.js";

export interface PullLayer {
  /** 12-hex id shown in progress lines (the blob digest, truncated). */
  id: string;
  compressedSize: number;
  size: number;
  exists: boolean;
}

const MAX_CONCURRENT_DOWNLOADS = 3;
const DOWNLOAD_BYTES_PER_S = 25_000_000;
const EXTRACT_BYTES_PER_S = 150_000_000;
const LATENCY_S = 0.3;

interface Timed {
  t: number;
  seq: number;
  msg: JsonMessage;
}

const status = layerStatus;
const withProgress = layerProgress;

/** A few progress points: a first chunk, then roughly thirds, ending at the total. */
function steps(total: number): number[] {
  if (total <= 0) return [];
  const first = Math.min(total, 32_768 * (1 + (total % 7)));
  const points = [first, Math.round(total / 3), Math.round((2 * total) / 3), total];
  return [...new Set(points.filter((p) => p >= first && p > 0))].sort((a, b) => a - b);
}

export function layerMessages(layers: readonly PullLayer[]): { messages: JsonMessage[]; downloaded: boolean } {
  const head: JsonMessage[] = [];
  const missing: PullLayer[] = [];
  let stillPresent = true;
  for (const layer of layers) {
    if (stillPresent && layer.exists) {
      head.push(status(layer.id, "Already exists"));
      continue;
    }
    stillPresent = false;
    // A blob repeated in one image is fetched once and reported once (downloadsByKey).
    if (missing.some((m) => m.id === layer.id)) continue;
    head.push(status(layer.id, "Pulling fs layer"));
    missing.push(layer);
  }
  const waiting = missing.slice(MAX_CONCURRENT_DOWNLOADS).map((l) => status(l.id, "Waiting"));

  const timed: Timed[] = [];
  let seq = 0;
  const at = (t: number, msg: JsonMessage) => timed.push({ t, seq: seq++, msg });

  // Download slots: a layer starts when one of the 3 earliest-free slots frees up.
  const slots = Array.from({ length: MAX_CONCURRENT_DOWNLOADS }, () => 0);
  const doneAt: number[] = [];
  missing.forEach((layer, i) => {
    const slot = slots.indexOf(Math.min(...slots));
    const start = slots[slot]!;
    const duration = LATENCY_S + layer.compressedSize / DOWNLOAD_BYTES_PER_S;
    for (const p of steps(layer.compressedSize)) {
      at(start + LATENCY_S + (duration - LATENCY_S) * (p / layer.compressedSize) - 1e-6, withProgress(layer.id, "Downloading", p, layer.compressedSize));
    }
    const end = start + duration;
    at(end, status(layer.id, "Verifying Checksum"));
    at(end, status(layer.id, "Download complete"));
    slots[slot] = end;
    doneAt[i] = end;
  });

  // Registration is sequential from the base.
  let registered = 0;
  missing.forEach((layer, i) => {
    const start = Math.max(doneAt[i]!, registered) + 1e-3;
    const duration = 0.05 + layer.size / EXTRACT_BYTES_PER_S;
    for (const p of steps(layer.size)) at(start + duration * (p / Math.max(layer.size, 1)), withProgress(layer.id, "Extracting", p, layer.size));
    registered = start + duration + 1e-3;
    at(registered, status(layer.id, "Pull complete"));
  });

  timed.sort((a, b) => a.t - b.t || a.seq - b.seq);
  return { messages: [...head, ...waiting, ...timed.map((x) => x.msg)], downloaded: missing.length > 0 };
}
