// Engine API shapes for networks (moby: api/types/network), shared with the client.

export interface IpamConfigRequest {
  Subnet: string;
  IPRange?: string;
  Gateway?: string;
  AuxAddress?: Record<string, string>;
}

/** POST /networks/create (client.NetworkCreateOptions plus the name). */
export interface NetworkCreateRequest {
  name: string;
  driver: string;
  scope?: string;
  options: Record<string, string>;
  labels: Record<string, string>;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  configOnly: boolean;
  configFrom?: string;
  /** undefined: the daemon's default (IPv4 on, IPv6 off). */
  enableIPv4?: boolean;
  enableIPv6?: boolean;
  ipam: { driver: string; options: Record<string, string>; config: IpamConfigRequest[] };
}

/** One row of GET /networks (network.Summary). */
export interface NetworkSummary {
  Name: string;
  Id: string;
  /** RFC3339Nano. */
  Created: string;
  Scope: string;
  Driver: string;
  EnableIPv4: boolean;
  EnableIPv6: boolean;
  Internal: boolean;
  Labels: Record<string, string>;
}

/** POST /networks/{id}/connect. */
export interface NetworkConnectRequest {
  container: string;
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
  links: string[];
  driverOpts?: Record<string, string>;
}

/** What a host-side HTTP request (mockdocker lab curl) got back. */
export type HostHttpResult =
  | { ok: true; status: number; statusText?: string; headers: Record<string, string>; body: string; ip: string }
  | { ok: false; error: "unresolved" | "refused" | "reset" | "empty" | "http09"; ip?: string };
