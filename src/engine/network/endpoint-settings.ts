// Checks of one endpoint's settings, at create and at connect (moby v28:
// daemon/container_operations.go validateEndpointSettings, api/types/network/endpoint.go).
import type { NetworkRecord } from "../model.js";
import { contains, isIPv4, parseCidr } from "./addr.js";
import { goParseCidr, goParseIp } from "./go-ip.js";
import { joinErrors } from "./ipam-validate.js";
import { isUserDefinedMode } from "./links.js";

export interface EndpointSettings {
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
}

/**
 * EndpointIPAMConfig.IsInRange for one family: only subnets the user configured accept a static
 * address. IPv6 subnets are the ones a network with IPv6 on was given.
 */
function rangeError(network: NetworkRecord, ip: string, family: 4 | 6): string | undefined {
  const configs = network.driver === "host" || network.driver === "null" ? [] : network.ipam.config;
  let staticSubnet = false;
  for (const c of configs) {
    if (family === 4) {
      const subnet = network.dynamicSubnet ? undefined : parseCidr(c.Subnet);
      if (!subnet) continue;
      staticSubnet = true;
      // An unparsable address is in no subnet.
      if (isIPv4(ip) && contains(subnet, ip)) return undefined;
    } else {
      if (!network.enableIPv6 || !c.Subnet.includes(":")) continue;
      staticSubnet = true;
      const address = goParseIp(ip);
      if (address && goParseCidr(c.Subnet)?.contains(address)) return undefined;
    }
  }
  if (staticSubnet) return `no configured subnet or ip-range contain the IP address ${ip}`;
  return "user specified IP address is supported only when connecting to networks with user configured subnets";
}

/** An IPv6 address that is neither IPv4-mapped nor unspecified: what an endpoint accepts. */
function isEndpointIPv6(text: string): boolean {
  const ip = text.includes(":") ? goParseIp(text) : undefined;
  if (!ip || ip.length !== 16 || ip.every((b) => b === 0)) return false;
  return !(ip.slice(0, 10).every((b) => b === 0) && ip[10] === 255 && ip[11] === 255);
}

/** The error text ("invalid endpoint settings:\n..."), or undefined. `network` may be unknown yet. */
export function endpointSettingsError(network: NetworkRecord | undefined, nwName: string, ep: EndpointSettings): string | undefined {
  const errs: string[] = [];
  const ip = ep.ipv4Address ?? "";
  const ip6 = ep.ipv6Address ?? "";
  if (!isUserDefinedMode(nwName)) {
    if (ip !== "" || ip6 !== "") errs.push("user specified IP address is supported on user defined networks only");
    if (ep.aliases.length > 0) errs.push("network-scoped alias is supported only for containers in user defined networks");
  }
  if (ip !== "" && (!isIPv4(ip) || ip === "0.0.0.0")) errs.push(`invalid IPv4 address: ${ip}`);
  if (ip6 !== "" && !isEndpointIPv6(ip6)) errs.push(`invalid IPv6 address: ${ip6}`);
  // The predefined networks' subnets count as configured (the daemon sets them itself).
  if (network && isUserDefinedMode(network.name)) {
    for (const [address, family] of [[ip, 4], [ip6, 6]] as const) {
      const e = address === "" ? undefined : rangeError(network, address, family);
      if (e) errs.push(e);
    }
  }
  return errs.length > 0 ? `invalid endpoint settings:\n${joinErrors(errs)}` : undefined;
}
