// When a container next changes by itself: output due, exit, or a restart falling due.
import type { ContainerRecord } from "../model.js";

export function nextWake(c: ContainerRecord | undefined): number | null {
  if (!c) return null;
  const s = c.state;
  if (s.running && s.restarting) return c.restartAt ?? null;
  const main = c.process;
  if (!s.running || s.paused || !main) return null;
  const times: number[] = [];
  if (main.pending.length > 0) times.push(Math.min(...main.pending.map((p) => p.at)));
  if (main.exitAt !== null) times.push(main.exitAt);
  return times.length > 0 ? Math.min(...times) : null;
}
