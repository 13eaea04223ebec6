// docker network connect / disconnect (moby v28: daemon/container_operations.go
// ConnectToNetwork, connectToNetwork, updateNetworkSettings, DisconnectFromNetwork;
// api/server/router/network: the network is looked up before the container).
import { activateEndpoint, deactivateEndpoint } from "../containers/endpoints.js";
import { getContainer } from "../containers/lookup.js";
import { EngineError, invalidParameter } from "../errors.js";
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import type { ContainerRecord, EndpointRecord, NetworkRecord } from "../model.js";
import { endpointSettingsError } from "./endpoint-settings.js";
import { findNetwork, getNetwork } from "./networks.js";
import type { NetworkConnectRequest } from "./types.js";

// runconfig errors.
const HOST_ERROR = "container cannot be disconnected from host network or connected to host network";
const SHARED_ERROR = "container sharing network namespace with another container or host cannot be connected to any other network";
const NONE_ERROR = "container cannot be connected to multiple networks with one of the networks in private (none) mode";

function isRunning(c: ContainerRecord): boolean {
  return c.state.running && !c.state.restarting;
}

function endpointName(c: ContainerRecord, n: NetworkRecord): string | undefined {
  return Object.keys(c.networks).find((name) => c.networks[name]!.networkId === n.id || name === n.name);
}

/** The static addresses asked for, as the endpoint's IPAMConfig keeps them (fields omitted when empty). */
export function endpointIpam(ipv4?: string, ipv6?: string): Pick<EndpointRecord, "ipamConfig"> {
  if (!ipv4 && !ipv6) return {};
  return { ipamConfig: { ...(ipv4 ? { IPv4Address: ipv4 } : {}), ...(ipv6 ? { IPv6Address: ipv6 } : {}) } };
}

/** An endpoint not yet active; networkId "" when the network does not exist yet. */
export function newEndpoint(networkId: string, aliases: string[], addresses: { ipv4?: string; ipv6?: string } = {}, links: string[] = []): EndpointRecord {
  return {
    networkId,
    endpointId: "",
    ipAddress: "",
    ipPrefixLen: 0,
    gateway: "",
    macAddress: "",
    aliases,
    dnsNames: [],
    links,
    ...endpointIpam(addresses.ipv4, addresses.ipv6),
  };
}

/** updateNetworkSettings' checks against the networks the container is already on. */
function checkJoin(state: Tx["state"], c: ContainerRecord, n: NetworkRecord): "duplicate" | undefined {
  if (c.hostConfig.NetworkMode !== "host" && n.driver === "host") throw new EngineError(HOST_ERROR, 403);
  for (const [name, ep] of Object.entries(c.networks)) {
    const sn = state.networks[ep.networkId] ?? findNetwork(state, name);
    if (!sn) continue;
    if (sn.name === n.name) return "duplicate";
    if (sn.driver === "host" || n.driver === "host") throw new EngineError(SHARED_ERROR, 403);
    if (sn.name === "none" || n.name === "none") throw new EngineError(NONE_ERROR, 403);
  }
  return undefined;
}

export function connectNetwork(tx: Tx, term: string, req: NetworkConnectRequest): void {
  const n = getNetwork(tx.state, term);
  const c = getContainer(tx.state, req.container);
  if (c.hostConfig.NetworkMode.startsWith("container:")) throw new EngineError(SHARED_ERROR, 403);
  const settings = { aliases: req.aliases, ...(req.ipv4Address ? { ipv4Address: req.ipv4Address } : {}), ...(req.ipv6Address ? { ipv6Address: req.ipv6Address } : {}) };
  const invalid = endpointSettingsError(n, n.name, settings);
  if (invalid) throw invalidParameter(invalid);
  const duplicate = checkJoin(tx.state, c, n) === "duplicate";
  if (duplicate) {
    // A stopped container keeps its one config per network; a running one already has the endpoint.
    if (!isRunning(c)) return;
    throw new EngineError(`endpoint with name ${c.name.slice(1)} already exists in network ${n.name}`, 403);
  }
  c.networks[n.name] = newEndpoint(n.id, [...req.aliases], { ipv4: req.ipv4Address, ipv6: req.ipv6Address }, [...req.links]);
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
  const n = findNetwork(tx.state, term);
  if (!isRunning(c) || (!n && force)) {
    const name = n ? n.name : term;
    if (!c.networks[name]) throw new EngineError(`container ${c.id} is not connected to the network ${name}`, 500);
    deactivateEndpoint(tx, c, name, tx.now);
    delete c.networks[name];
    if (n && !isRunning(c)) emitEvent(tx.state, tx.now, "network", "disconnect", n.id, { container: c.id, name: n.name, type: n.driver });
    return;
  }
  if (!n) return void getNetwork(tx.state, term);
  if (c.hostConfig.NetworkMode === "host" && n.driver === "host") throw new EngineError(HOST_ERROR, 403);
  const name = endpointName(c, n);
  if (name === undefined || !c.networks[name]!.endpointId) {
    throw new EngineError(`container ${c.id} is not connected to network ${n.name}`, 500);
  }
  deactivateEndpoint(tx, c, name, tx.now);
  delete c.networks[name];
}
