// A fresh simulated host: no images, no containers, the three default networks.
import type { HostState, NetworkRecord } from "./model.js";
import { SCHEMA_VERSION } from "./model.js";
import type { IdGenerator } from "./ids.js";

export function createHostState(now: number, frozenAt: number | undefined, makeIds: (s: HostState) => IdGenerator): HostState {
  const state: HostState = {
    schemaVersion: SCHEMA_VERSION,
    host: { id: "", name: "docker-desktop", createdAt: now },
    clock: { offsetMs: 0, ...(frozenAt !== undefined ? { frozenAt } : {}) },
    idCounter: 0,
    layers: {},
    images: {},
    references: {},
    containers: {},
    networks: {},
    volumes: {},
    events: [],
  };
  const ids = makeIds(state);
  state.host.id = ids.uuid().toUpperCase();
  state.host.name = "mockdocker";
  for (const network of defaultNetworks(now, ids)) state.networks[network.id] = network;
  return state;
}

function defaultNetworks(now: number, ids: IdGenerator): NetworkRecord[] {
  const base = { created: now, scope: "local", enableIPv6: false, internal: false, attachable: false, labels: {} };
  return [
    {
      ...base,
      id: ids.hex64(),
      name: "bridge",
      driver: "bridge",
      ipam: { driver: "default", options: null, config: [{ Subnet: "172.17.0.0/16", Gateway: "172.17.0.1" }] },
      options: {
        "com.docker.network.bridge.default_bridge": "true",
        "com.docker.network.bridge.enable_icc": "true",
        "com.docker.network.bridge.enable_ip_masquerade": "true",
        "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",
        "com.docker.network.bridge.name": "docker0",
        "com.docker.network.driver.mtu": "1500",
      },
    },
    { ...base, id: ids.hex64(), name: "host", driver: "host", ipam: { driver: "default", options: null, config: [] }, options: {} },
    { ...base, id: ids.hex64(), name: "none", driver: "null", ipam: { driver: "default", options: null, config: [] }, options: {} },
  ];
}
