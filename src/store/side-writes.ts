// What a transaction writes beside the state (container logs), collected until the state is written.
import type { LogRecord } from "../engine/model.js";
import type { SideWrites } from "../engine/store.js";

export interface CollectedSideWrites {
  side: SideWrites;
  appended: Map<string, LogRecord[]>;
  removed: Set<string>;
}

export function collectSideWrites(): CollectedSideWrites {
  const appended = new Map<string, LogRecord[]>();
  const removed = new Set<string>();
  const side: SideWrites = {
    appendLog: (id, records) => appended.set(id, [...(appended.get(id) ?? []), ...records]),
    removeLog: (id) => {
      removed.add(id);
      appended.delete(id);
    },
  };
  return { side, appended, removed };
}
