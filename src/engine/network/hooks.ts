// Networking steps of container create and start (moby: runconfig/hostconfig_unix.go
// validateNetContainerMode, daemon/create.go, container.CreateDaemonEnvironment).
import { invalidParameter } from "../errors.js";
import type { ContainerCreateRequest } from "../api-types.js";
import type { Tx } from "../host.js";
import type { ContainerRecord, HostState } from "../model.js";
import { findContainer } from "../containers/lookup.js";
import { networkByName } from "../containers/endpoints.js";
import { newEndpoint } from "./attach.js";
import { endpointSettingsError } from "./endpoint-settings.js";
import { joinErrors } from "./ipam-validate.js";
import { isUserDefinedMode, linksEnv, registerLinks } from "./links.js";

/** MACs as the daemon stores them: lower case, colon-separated. */
function normalMac(mac: string): string {
  return mac.toLowerCase().replace(/-/g, ":");
}

/**
 * validateNetworkingConfig, then the endpoints of the second and later --network values;
 * a network that does not exist yet keeps its endpoint under the name typed (start fails).
 */
function settleEndpoints(tx: Tx, c: ContainerRecord, req: ContainerCreateRequest): void {
  const nwName = req.hostConfig.networkMode || "default";
  const n = req.networking;
  const all = [{ network: nwName, aliases: n.aliases, ipv4Address: n.ipv4Address, ipv6Address: n.ipv6Address, macAddress: n.macAddress }, ...(n.extra ?? [])];
  const errs: string[] = [];
  for (const ep of all) {
    const settings = { aliases: ep.aliases, ...(ep.ipv4Address ? { ipv4Address: ep.ipv4Address } : {}), ...(ep.ipv6Address ? { ipv6Address: ep.ipv6Address } : {}) };
    const invalid = endpointSettingsError(networkByName(tx.state, ep.network), ep.network, settings);
    if (invalid) errs.push(`invalid config for network ${ep.network}: ${invalid}`);
  }
  if (errs.length > 0) throw invalidParameter(joinErrors(errs));
  if (nwName.startsWith("container:")) return;
  // normalizeNetMode: a partial network id in the mode becomes the full id.
  const own = networkByName(tx.state, nwName);
  if (own && isUserDefinedMode(nwName) && nwName !== own.name && nwName !== own.id) c.hostConfig.NetworkMode = own.id;
  const first = Object.values(c.networks)[0];
  if (first && n.macAddress) first.configuredMac = normalMac(n.macAddress);
  for (const ep of n.extra ?? []) {
    const network = networkByName(tx.state, ep.network);
    const record = newEndpoint(network?.id ?? "", [...ep.aliases], { ipv4: ep.ipv4Address, ipv6: ep.ipv6Address });
    if (ep.macAddress) record.configuredMac = normalMac(ep.macAddress);
    c.networks[network ? network.name : ep.network] = record;
  }
}

const DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** Checks and settles a new container's networking; returns the daemon's warnings. */
export function networkOnCreate(tx: Tx, c: ContainerRecord, req: ContainerCreateRequest): string[] {
  const mode = c.hostConfig.NetworkMode;
  const h = req.hostConfig;
  if (mode.startsWith("container:")) {
    if (req.hostname) throw invalidParameter("conflicting options: hostname and the network mode");
    if (h.links.length > 0) throw invalidParameter("conflicting options: container type network can't be used with links. This would result in undefined behavior");
    if (h.dns.length > 0) throw invalidParameter("conflicting options: dns and the network mode");
    if (h.extraHosts.length > 0) throw invalidParameter("conflicting options: custom host-to-IP mapping and the network mode");
    if (Object.keys(h.portBindings).length > 0 || h.publishAllPorts) throw invalidParameter("conflicting options: port publishing and the container type network mode");
    if (req.exposedPorts.length > 0) throw invalidParameter("conflicting options: port exposing and the container type network mode");
    const target = findContainer(tx.state, mode.slice("container:".length));
    if (target) {
      c.config.Hostname = target.config.Hostname;
      c.config.Domainname = target.config.Domainname;
    }
  }
  settleEndpoints(tx, c, req);
  registerLinks(tx.state, c);
  if (isUserDefinedMode(mode) && h.links.length > 0) {
    for (const ep of Object.values(c.networks)) ep.links = [...h.links];
  }
  const warnings: string[] = [];
  if (mode === "host") {
    if (!req.hostname) c.config.Hostname = tx.state.host.name;
    if (Object.keys(h.portBindings).length > 0) warnings.push("Published ports are discarded when using host network mode");
  }
  return warnings;
}

/** container.ReplaceOrAppendEnvValues. */
function replaceOrAppend(base: string[], overrides: string[]): string[] {
  const out = [...base];
  for (const entry of overrides) {
    const key = entry.split("=", 1)[0]!;
    const i = out.findIndex((e) => e.split("=", 1)[0] === key);
    if (i >= 0) out[i] = entry;
    else out.push(entry);
  }
  return out;
}

/** The environment a container's processes get: PATH, HOSTNAME, TERM, link variables, then Config.Env. */
export function processEnv(state: HostState, c: ContainerRecord, tty = c.config.Tty): string[] {
  const base = [DEFAULT_PATH, `HOSTNAME=${c.config.Hostname}`, ...(tty ? ["TERM=xterm"] : []), ...linksEnv(state, c)];
  return replaceOrAppend(base, c.config.Env);
}
