// The per-layer part of a push (moby: distribution/xfer/upload.go, push_v2.go): every layer,
// top first, says "Preparing"; at most 5 upload at once and the rest say "Waiting"; each then
// ends as "Layer already exists", "Mounted from REPO" or "Pushing" with a bar and "Pushed".
// Durations are simulated from the sizes so small layers finish first, as in real output.
import type { JsonMessage } from "../api-types.js";
import { layerProgress, layerStatus } from "./progress.js";

export type PushOutcome = { kind: "exists" } | { kind: "mounted"; from: string } | { kind: "push" } | { kind: "denied"; error: string };

export interface PushLayer {
  /** 12-hex id shown in progress lines (the diff id, truncated). */
  id: string;
  /** Uncompressed size: what "Pushing" counts. */
  size: number;
  outcome: PushOutcome;
}

const MAX_CONCURRENT_UPLOADS = 5;
const UPLOAD_BYTES_PER_S = 12_000_000;
const LATENCY_S = 0.2;

const status = layerStatus;

/** Messages for the layers (in upload order, top first); an error message ends them when a layer is refused. */
export function pushLayerMessages(layers: readonly PushLayer[]): { messages: JsonMessage[]; error?: string } {
  const head: JsonMessage[] = [];
  const unique: PushLayer[] = [];
  for (const l of layers) {
    head.push(status(l.id, "Preparing"));
    if (!unique.some((u) => u.id === l.id)) unique.push(l);
  }
  const waiting = unique.slice(MAX_CONCURRENT_UPLOADS).map((l) => status(l.id, "Waiting"));
  const denied = unique.find((l) => l.outcome.kind === "denied");
  if (denied && denied.outcome.kind === "denied") return { messages: [...head, ...waiting], error: denied.outcome.error };

  const timed: Array<{ t: number; seq: number; msg: JsonMessage }> = [];
  let seq = 0;
  const at = (t: number, msg: JsonMessage) => timed.push({ t, seq: seq++, msg });
  const slots = Array.from({ length: MAX_CONCURRENT_UPLOADS }, () => 0);
  for (const l of unique) {
    const slot = slots.indexOf(Math.min(...slots));
    const start = slots[slot]!;
    let end = start + 0.05;
    if (l.outcome.kind === "exists") at(end, status(l.id, "Layer already exists"));
    else if (l.outcome.kind === "mounted") at(end, status(l.id, `Mounted from ${l.outcome.from}`));
    else {
      const duration = LATENCY_S + l.size / UPLOAD_BYTES_PER_S;
      const points = l.size > 0 ? [...new Set([Math.min(l.size, 512 * 1024), Math.round(l.size / 2), l.size])].sort((a, b) => a - b) : [];
      for (const p of points) {
        at(start + duration * (p / l.size), layerProgress(l.id, "Pushing", p, l.size));
      }
      end = start + duration + 1e-3;
      at(end, status(l.id, "Pushed"));
    }
    slots[slot] = end;
  }
  timed.sort((a, b) => a.t - b.t || a.seq - b.seq);
  return { messages: [...head, ...waiting, ...timed.map((x) => x.msg)] };
}
