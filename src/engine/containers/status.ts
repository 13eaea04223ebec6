// The daemon's State.String() and state names (moby: container/state.go).
import { humanDuration } from "../units.js";
import type { ContainerRecord, ContainerState } from "../model.js";

/**
 * State.String() split around its one time-dependent part: `[prefix, since, suffix]` reads
 * `prefix + HumanDuration(now - since) + suffix`; `since` is null when the text has no duration.
 * Listings keep the parts so the text can be made again at a later "now".
 */
export type StatusParts = [prefix: string, since: number | null, suffix: string];

export function statusParts(s: ContainerState): StatusParts {
  if (s.running) {
    if (s.paused) return ["Up ", s.startedAt, " (Paused)"];
    if (s.restarting) return [`Restarting (${s.exitCode}) `, s.finishedAt, " ago"];
    return ["Up ", s.startedAt, ""];
  }
  if (s.status === "removing") return ["Removal In Progress", null, ""];
  if (s.dead) return ["Dead", null, ""];
  if (s.startedAt === 0) return ["Created", null, ""];
  if (s.finishedAt === 0) return ["", null, ""];
  return [`Exited (${s.exitCode}) `, s.finishedAt, " ago"];
}

export function statusFromParts(prefix: string, since: number | null, suffix: string, now: number): string {
  return since === null ? prefix + suffix : prefix + humanDuration(now - since) + suffix;
}

export function statusText(c: ContainerRecord, now: number): string {
  return statusFromParts(...statusParts(c.state), now);
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
