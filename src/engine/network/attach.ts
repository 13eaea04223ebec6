// docker network connect / disconnect (moby: daemon/container_operations.go ConnectToNetwork,
// DisconnectFromNetwork; daemon/network.go).
import { activateEndpoint, deactivateEndpoint } from "../containers/endpoints.js";
import { getContainer } from "../containers/lookup.js";
import { EngineError, invalidParameter } from "../errors.js";
import type { Tx } from "../host.js";
import type { ContainerRecord, EndpointRecord, NetworkRecord } from "../model.js";
import { getNetwork } from "./networks.js";
import type { NetworkConnectRequest } from "./types.js";

const HOST_ERROR = "container cannot be disconnected from host network or connected to host network";

function isRunning(c: ContainerRecord): boolean {
  return c.state.running && !c.state.restarting;
}

function endpointName(c: ContainerRecord, n: NetworkRecord): string | undefined {
  return Object.keys(c.networks).find((name) => c.networks[name]!.networkId === n.id || name === n.name);
}

export function newEndpoint(network: NetworkRecord, aliases: string[], ipv4?: string, links: string[] = []): EndpointRecord {
  return {
    networkId: network.id,
    endpointId: "",
    ipAddress: "",
    ipPrefixLen: 0,
    gateway: "",
    macAddress: "",
    aliases,
    dnsNames: [],
    links,
    ...(ipv4 ? { ipamConfig: { IPv4Address: ipv4 } } : {}),
  };
}

export function connectNetwork(tx: Tx, term: string, req: NetworkConnectRequest): void {
  const n = getNetwork(tx.state, term);
  const c = getContainer(tx.state, req.container);
  const mode = c.hostConfig.NetworkMode;
  if (mode === "host" || n.driver === "host") throw new EngineError(HOST_ERROR, 403);
  if (mode.startsWith("container:")) {
    throw new EngineError("container sharing network namespace with another container or host cannot be connected to any other network", 403);
  }
  const joiningNone = n.driver === "null";
  if ((mode === "none" || joiningNone) && Object.keys(c.networks).length > 0 && !(joiningNone && mode === "none")) {
    throw new EngineError("container cannot be connected to multiple networks with one of the networks in private (none) mode", 403);
  }
  if (endpointName(c, n) !== undefined) {
    throw new EngineError(`endpoint with name ${c.name.slice(1)} already exists in network ${n.name}`, 403);
  }
  const userDefined = n.driver !== "null" && !(n.name === "bridge" && n.options["com.docker.network.bridge.default_bridge"] === "true");
  if (!userDefined && req.aliases.length > 0) throw invalidParameter("network-scoped alias is supported only for containers in user defined networks");
  if (!userDefined && req.ipv4Address) throw invalidParameter("user specified IP address is supported on user defined networks only");
  c.networks[n.name] = newEndpoint(n, userDefined ? [...req.aliases] : [], req.ipv4Address, [...req.links]);
  if (isRunning(c)) {
    try {
      activateEndpoint(tx, c, n.name, tx.now);
    } catch (error) {
      delete c.networks[n.name];
      throw new EngineError((error as Error).message.replace(/^failed to set up container networking: /, ""), 400);
    }
  }
}

export function disconnectNetwork(tx: Tx, term: string, containerRef: string, force: boolean): void {
  const c = getContainer(tx.state, containerRef);
  let n: NetworkRecord;
  try {
    n = getNetwork(tx.state, term);
  } catch (error) {
    if (!force) throw error;
    // -f removes a stale endpoint whose network is gone.
    if (c.networks[term]) delete c.networks[term];
    return;
  }
  if (c.hostConfig.NetworkMode === "host" && n.driver === "host") throw new EngineError(HOST_ERROR, 403);
  const name = endpointName(c, n);
  if (name === undefined) {
    throw new EngineError(isRunning(c) ? `container ${c.id} is not connected to network ${n.name}` : `container ${c.id} is not connected to the network ${n.name}`, 403);
  }
  deactivateEndpoint(tx, c, name, tx.now);
  delete c.networks[name];
}
