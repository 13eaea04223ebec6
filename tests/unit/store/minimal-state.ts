// The smallest valid host state, for store tests.
import { SCHEMA_VERSION, type HostState } from "../../../src/engine/model.js";

export function minimalState(counter = 0, events: HostState["events"] = []): HostState {
  return {
    schemaVersion: SCHEMA_VERSION,
    host: { id: "X", name: "h", createdAt: 0 },
    clock: { offsetMs: 0 },
    idCounter: counter,
    layers: {},
    images: {},
    references: {},
    containers: {},
    networks: {},
    volumes: {},
    events,
  };
}
