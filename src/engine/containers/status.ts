// The daemon's State.String() and state names (moby: container/state.go).
import { humanDuration } from "../units.js";
import type { ContainerRecord } from "../model.js";

export function statusText(c: ContainerRecord, now: number): string {
  const s = c.state;
  if (s.running) {
    if (s.paused) return `Up ${humanDuration(now - s.startedAt)} (Paused)`;
    if (s.restarting) return `Restarting (${s.exitCode}) ${humanDuration(now - s.finishedAt)} ago`;
    return `Up ${humanDuration(now - s.startedAt)}`;
  }
  if (s.status === "removing") return "Removal In Progress";
  if (s.dead) return "Dead";
  if (s.startedAt === 0) return "Created";
  if (s.finishedAt === 0) return "";
  return `Exited (${s.exitCode}) ${humanDuration(now - s.finishedAt)} ago`;
}

export function stateName(c: ContainerRecord): ContainerRecord["state"]["status"] {
  const s = c.state;
  if (s.running) {
    if (s.paused) return "paused";
    if (s.restarting) return "restarting";
    return "running";
  }
  if (s.status === "removing") return "removing";
  if (s.dead) return "dead";
  if (s.startedAt === 0) return "created";
  return "exited";
}
