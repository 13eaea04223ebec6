// When a container next changes by itself: output due, exit, or a restart falling due.
import type { ContainerRecord } from "../model.js";

export function nextWake(c: ContainerRecord | undefined): number | null {
  if (!c) return null;
  const s = c.state;
  if (s.running && s.restarting) return c.restartAt ?? null;
  if (!s.running || s.paused || !c.process) return null;
  const times: number[] = [];
  if (c.process.pending.length > 0) times.push(Math.min(...c.process.pending.map((p) => p.at)));
  if (c.process.exitAt !== null) times.push(c.process.exitAt);
  return times.length > 0 ? Math.min(...times) : null;
}
