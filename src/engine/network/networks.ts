// Network objects: find, create, remove, prune (moby: daemon/network.go, libnetwork/network.go).
import { conflict, EngineError, invalidParameter, notFound } from "../errors.js";
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import type { ContainerRecord, HostState, NetworkRecord } from "../model.js";
import { intToIp, overlaps, parseCidr } from "./addr.js";
import { validateIpam } from "./ipam-validate.js";
import { networkSubnets, nextPool } from "./ipam.js";
import type { NetworkCreateRequest } from "./types.js";

export const PREDEFINED = ["bridge", "host", "none", "default"];

/** moby daemon.FindNetwork: full id, then name, then a unique id prefix. */
export function findNetwork(state: HostState, term: string): NetworkRecord | undefined {
  if (term === "") return undefined;
  const all = Object.values(state.networks);
  const byId = all.find((n) => n.id === term);
  if (byId) return byId;
  const byName = all.find((n) => n.name === term);
  if (byName) return byName;
  const byPrefix = all.filter((n) => n.id.startsWith(term));
  if (byPrefix.length > 1) throw invalidParameter(`network ${term} is ambiguous (${byPrefix.length} matches found based on ID prefix)`);
  return byPrefix[0];
}

export function getNetwork(state: HostState, term: string): NetworkRecord {
  const n = findNetwork(state, term);
  if (!n) throw notFound(`network ${term} not found`);
  return n;
}

export function isPredefined(n: NetworkRecord): boolean {
  return ["bridge", "host", "none"].includes(n.name) && (n.driver !== "bridge" || n.options["com.docker.network.bridge.default_bridge"] === "true");
}

/** Containers with a live endpoint on the network. */
export function activeEndpoints(state: HostState, n: NetworkRecord): Array<{ c: ContainerRecord; endpointId: string }> {
  const out: Array<{ c: ContainerRecord; endpointId: string }> = [];
  for (const c of Object.values(state.containers)) {
    for (const ep of Object.values(c.networks)) if (ep.networkId === n.id && ep.endpointId) out.push({ c, endpointId: ep.endpointId });
  }
  return out;
}

function ipamConfig(state: HostState, req: NetworkCreateRequest): NetworkRecord["ipam"]["config"] {
  const v4 = req.ipam.config.filter((c) => !c.Subnet.includes(":"));
  // Without an IPv4 subnet of the user's, one comes from the default pools (IPv6 ones stay).
  const pooled: NetworkRecord["ipam"]["config"] = [];
  if (v4.length === 0) {
    const pool = nextPool(state);
    if (!pool) throw invalidParameter("all predefined address pools have been fully subnetted");
    pooled.push({ Subnet: pool, Gateway: intToIp(parseCidr(pool)!.base + 1) });
  }
  const used = networkSubnets(state);
  return [...pooled, ...req.ipam.config.map((c) => {
    const out: NetworkRecord["ipam"]["config"][number] = { Subnet: c.Subnet };
    if (c.IPRange) out.IPRange = c.IPRange;
    if (c.AuxAddress && Object.keys(c.AuxAddress).length > 0) out.AuxiliaryAddresses = { ...c.AuxAddress };
    const subnet = parseCidr(c.Subnet);
    if (!subnet) return c.Gateway ? { ...out, Gateway: c.Gateway } : out;
    // libnetwork ipam RequestPool.
    if (used.some((u) => overlaps(u, subnet))) throw new EngineError("invalid pool request: Pool overlaps with other one on this address space", 403);
    used.push(subnet);
    out.Gateway = c.Gateway || intToIp(subnet.base + 1);
    return out;
  })];
}

/** daemon/network.go createNetwork, then libnetwork NewNetwork. */
export function createNetwork(tx: Tx, req: NetworkCreateRequest): { Id: string; Warning: string } {
  const { state } = tx;
  // runconfig.IsPreDefinedNetwork; the message ends with a space in moby.
  if (PREDEFINED.includes(req.name)) throw new EngineError(`operation is not permitted on predefined ${req.name} network `, 403);
  const driver = req.driver || "bridge";
  if (driver === "overlay") {
    throw new EngineError('This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.', 403);
  }
  const ipamError = validateIpam(req.ipam.config);
  if (ipamError) throw invalidParameter(ipamError);
  // libnetwork NewNetwork: the name first, then the driver.
  if (Object.values(state.networks).some((n) => n.name === req.name)) throw conflict(`network with name ${req.name} already exists`);
  if (driver === "host" || driver === "null") throw new EngineError(`only one instance of "${driver}" network is allowed`, 403);
  if (!["bridge", "macvlan", "ipvlan"].includes(driver)) {
    throw notFound(`could not find plugin ${driver} in v1 plugin registry: plugin not found`);
  }
  const dynamicSubnet = !req.ipam.config.some((c) => !c.Subnet.includes(":"));
  const network: NetworkRecord = {
    id: tx.ids.hex64(),
    name: req.name,
    created: tx.now,
    driver,
    scope: req.scope || "local",
    enableIPv6: req.enableIPv6 ?? false,
    internal: req.internal,
    attachable: req.attachable,
    ipam: { driver: req.ipam.driver || "default", options: { ...req.ipam.options }, config: ipamConfig(state, req) },
    options: { ...req.options },
    labels: { ...req.labels },
    ...(req.enableIPv4 === false ? { enableIPv4: false } : {}),
    ...(dynamicSubnet ? { dynamicSubnet: true } : {}),
  };
  state.networks[network.id] = network;
  emitEvent(state, tx.now, "network", "create", network.id, { name: network.name, type: network.driver });
  return { Id: network.id, Warning: "" };
}

export function removeNetwork(tx: Tx, term: string): void {
  const n = getNetwork(tx.state, term);
  if (isPredefined(n)) throw new EngineError(`${n.name} is a pre-defined network and cannot be removed`, 403);
  const active = activeEndpoints(tx.state, n);
  if (active.length > 0) {
    const list = active.map((a) => `name:"${a.c.name.slice(1)}" id:"${a.endpointId.slice(0, 12)}"`).join(", ");
    throw new EngineError(`error while removing network: network ${n.name} has active endpoints (${list})`, 403);
  }
  delete tx.state.networks[n.id];
  emitEvent(tx.state, tx.now, "network", "destroy", n.id, { name: n.name, type: n.driver });
}
