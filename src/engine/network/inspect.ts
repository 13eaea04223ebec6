// GET /networks and /networks/{id}: the Engine API JSON, keys in the daemon's order
// (moby: api/types/network/network.go Inspect, daemon/network.go filterNetworks).
import { invalidParameter } from "../errors.js";
import type { HostView } from "../host.js";
import type { HostState, NetworkRecord } from "../model.js";
import { rfc3339Nano } from "../timefmt.js";
import { activeEndpoints, getNetwork, isPredefined } from "./networks.js";
import type { NetworkSummary } from "./types.js";

/** Go marshals maps with their keys sorted. */
function sorted<T>(m: Record<string, T>): Record<string, T>;
function sorted<T>(m: Record<string, T> | null): Record<string, T> | null;
function sorted<T>(m: Record<string, T> | null): Record<string, T> | null {
  if (m === null) return null;
  return Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]!]));
}

function ipamJson(n: NetworkRecord): Record<string, unknown> {
  return {
    Driver: n.ipam.driver,
    Options: sorted(n.ipam.options),
    Config: n.ipam.config.map((c) => ({
      Subnet: c.Subnet,
      ...(c.IPRange ? { IPRange: c.IPRange } : {}),
      ...(c.Gateway ? { Gateway: c.Gateway } : {}),
      ...(c.AuxiliaryAddresses ? { AuxiliaryAddresses: sorted(c.AuxiliaryAddresses) } : {}),
    })),
  };
}

function containersJson(state: HostState, n: NetworkRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { c } of activeEndpoints(state, n)) {
    const ep = Object.values(c.networks).find((e) => e.networkId === n.id)!;
    out[c.id] = {
      Name: c.name.slice(1),
      EndpointID: ep.endpointId,
      MacAddress: ep.macAddress,
      IPv4Address: ep.ipAddress ? `${ep.ipAddress}/${ep.ipPrefixLen}` : "",
      IPv6Address: "",
    };
  }
  return sorted(out);
}

export function networkJson(state: HostState, n: NetworkRecord, withContainers = true): Record<string, unknown> {
  return {
    Name: n.name,
    Id: n.id,
    Created: rfc3339Nano(n.created),
    Scope: n.scope,
    Driver: n.driver,
    EnableIPv4: n.enableIPv4 ?? true,
    EnableIPv6: n.enableIPv6,
    IPAM: ipamJson(n),
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: false,
    ConfigFrom: { Network: "" },
    ConfigOnly: false,
    Containers: withContainers ? containersJson(state, n) : {},
    Options: sorted(n.options),
    Labels: sorted(n.labels),
  };
}

export function inspectNetwork(view: HostView, term: string): Record<string, unknown> {
  return networkJson(view.state, getNetwork(view.state, term));
}

const FILTERS = new Set(["dangling", "driver", "id", "label", "name", "scope", "type"]);

function regexMatch(term: string, source: string): boolean {
  try {
    return new RegExp(term).test(source);
  } catch {
    return false;
  }
}

/** filters.Args.MatchKVList: "key" or "key=value" against labels. */
function labelMatch(labels: Record<string, string>, term: string): boolean {
  const eq = term.indexOf("=");
  if (eq < 0) return term in labels;
  return labels[term.slice(0, eq)] === term.slice(eq + 1);
}

export function networkFilter(state: HostState, filters: Record<string, string[]>): (n: NetworkRecord) => boolean {
  for (const key of Object.keys(filters)) if (!FILTERS.has(key)) throw invalidParameter(`invalid filter '${key}'`);
  for (const t of filters.type ?? []) if (t !== "custom" && t !== "builtin") throw invalidParameter(`invalid filter: 'type'='${t}'`);
  for (const d of filters.dangling ?? []) {
    if (!["true", "false", "1", "0"].includes(d.toLowerCase())) throw invalidParameter(`invalid filter 'dangling=${d}'`);
  }
  const any = (key: string, test: (v: string) => boolean) => !filters[key]?.length || filters[key]!.some(test);
  return (n) =>
    any("driver", (v) => v === n.driver) &&
    any("id", (v) => regexMatch(v, n.id)) &&
    any("name", (v) => regexMatch(v, n.name)) &&
    any("scope", (v) => v === n.scope) &&
    (!filters.label?.length || filters.label.every((v) => labelMatch(n.labels, v))) &&
    any("type", (v) => (v === "builtin") === isPredefined(n)) &&
    any("dangling", (v) => {
      const dangling = ["true", "1"].includes(v.toLowerCase());
      const unused = !isPredefined(n) && activeEndpoints(state, n).length === 0;
      return dangling === unused;
    });
}

export function listNetworks(view: HostView, filters: Record<string, string[]> = {}): NetworkSummary[] {
  const match = networkFilter(view.state, filters);
  return Object.values(view.state.networks)
    .filter(match)
    .map((n) => networkJson(view.state, n, false) as unknown as NetworkSummary);
}
