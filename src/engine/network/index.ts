// The networking operations the daemon facade offers (one transaction or view each).
export { createNetwork, removeNetwork, findNetwork, getNetwork } from "./networks.js";
export { inspectNetwork, listNetworks } from "./inspect.js";
export { connectNetwork, disconnectNetwork } from "./attach.js";
export { hostHttpGet, containerNetwork } from "./access.js";
export type { NetworkCreateRequest, NetworkSummary, NetworkConnectRequest, HostHttpResult } from "./types.js";
