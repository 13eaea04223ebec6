// Brings the whole host up to "now" before any operation: time-driven transitions are
// computed lazily, so nothing runs between commands.
import type { Tx } from "../host.js";
import { settleContainer } from "./process.js";

export function reconcileHost(tx: Tx): void {
  for (const c of Object.values(tx.state.containers)) settleContainer(tx, c, tx.now);
}
