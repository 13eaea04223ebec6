// Brings the whole host up to "now" before any operation: time-driven transitions are
// computed lazily, so nothing runs between commands.
import type { Tx } from "../host.js";
import type { HostState } from "../model.js";
import { settleContainer } from "./process.js";

export function reconcileHost(tx: Tx): void {
  for (const c of Object.values(tx.state.containers)) settleContainer(tx, c, tx.now);
}

/** Whether bringing the host to `now` restarts a container (and so runs a program). */
export function reconcileNeedsPrograms(state: HostState, now: number): boolean {
  for (const c of Object.values(state.containers)) {
    if (c.state.restarting && c.restartAt !== undefined && c.restartAt <= now) return true;
    const p = c.process;
    // An exit that falls due can lead to a restart.
    if (c.state.running && !c.state.paused && p && p.exitAt !== null && p.exitAt <= now && c.hostConfig.RestartPolicy.Name !== "no" && c.hostConfig.RestartPolicy.Name !== "") return true;
  }
  return false;
}
