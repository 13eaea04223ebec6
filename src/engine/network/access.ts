// What a process inside a container reaches over the simulated network: names through
// /etc/hosts and the embedded DNS server, addresses through shared networks, services by the
// programs running in the target's network namespace.
import { heavy } from "../heavy.js";
import { containerFs } from "../containers/rootfs.js";
import type { ContainerRecord, HostState } from "../model.js";
import type { ContainerFs } from "../fs/types.js";
import type { NetConnection, NetPeer, NetworkAccess } from "../runtime/types.js";
import { contains, isIPv4, parseCidr } from "./addr.js";
import { EMBEDDED_DNS, HOST_GATEWAY, HOST_RESOLVER, usesEmbeddedDns } from "./etc-files.js";
import { isUserDefinedMode, namespaceOwner, parseLink } from "./links.js";
import { serverReply } from "./talk.js";
import { OUTSIDE_PING, outsideLookup } from "./outside.js";
import { parseResponse } from "../runtime/applets/net-common.js";

const TIMEOUT_MS = 127_000;
const UNREACHABLE_MS = 3_000;

function live(c: ContainerRecord): boolean {
  return c.state.running && !c.state.restarting;
}

/** Program names and ports of what listens in a running container (from its processes). */
export function listeners(c: ContainerRecord): Array<{ program: string; port: number; pid?: number; keep?: boolean }> {
  if (!live(c) || c.state.paused) return [];
  const { servicePorts } = heavy().services;
  const out: Array<{ program: string; port: number; pid?: number; keep?: boolean }> = [];
  for (const p of c.process?.processes ?? []) {
    const cmd = p.command;
    if (cmd.startsWith("nginx: worker") || cmd.startsWith("postgres: ")) continue;
    const words = cmd.startsWith("nginx: master process ") ? cmd.slice("nginx: master process ".length).split(" ") : cmd.split(" ");
    const program = (words[0] ?? "").slice((words[0] ?? "").lastIndexOf("/") + 1);
    if (program === "redis-server") {
      const m = /:(\d+)$/.exec(words[1] ?? "");
      out.push({ program, port: m ? Number(m[1]) : 6379 });
    } else if (program === "nc") {
      const nc = ncListen(words.slice(1));
      if (nc) out.push({ program, port: nc.port, pid: p.pid, keep: nc.keep });
    } else if (/^python\d?(\.\d+)?$/.test(program) && words.includes("http.server")) {
      const after = words[words.indexOf("http.server") + 1];
      out.push({ program: "python", port: after && /^\d+$/.test(after) ? Number(after) : 8000 });
    } else {
      for (const port of servicePorts[program] ?? []) out.push({ program, port });
    }
  }
  return out;
}

/** `nc -l -p PORT` (busybox's listen mode takes its port from -p only); -k keeps listening. */
function ncListen(args: string[]): { port: number; keep: boolean } | undefined {
  let listen = false;
  let keep = false;
  let port: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("-")) continue;
    for (let j = 1; j < a.length; j++) {
      if (a[j] === "l") listen = true;
      else if (a[j] === "k") keep = true;
      else if (a[j] === "p") {
        const v = a.slice(j + 1) || args[++i];
        if (v && /^\d+$/.test(v)) port = Number(v);
        break;
      }
    }
  }
  return listen && port !== undefined ? { port, keep } : undefined;
}

/** Containers living in `owner`'s network namespace (itself and container:owner joiners). */
function namespaceMembers(state: HostState, owner: ContainerRecord): ContainerRecord[] {
  return Object.values(state.containers).filter((c) => namespaceOwner(state, c).id === owner.id);
}

function endpointsOf(c: ContainerRecord) {
  return Object.entries(c.networks).filter(([, ep]) => ep.endpointId);
}

function findByIp(state: HostState, ip: string): { c: ContainerRecord; networkId: string } | undefined {
  for (const c of Object.values(state.containers)) {
    if (!live(c)) continue;
    for (const [, ep] of endpointsOf(c)) if (ep.ipAddress === ip) return { c, networkId: ep.networkId };
  }
  return undefined;
}

/** Published ports reachable from the host side: the container behind `port` on `ip`. */
export function publishedTarget(state: HostState, ip: string, port: number): { c: ContainerRecord; privatePort: number } | undefined {
  for (const c of Object.values(state.containers)) {
    if (!live(c)) continue;
    for (const p of c.ports ?? []) {
      if (p.PublicPort !== port || p.Type !== "tcp") continue;
      // A wildcard bind takes every address of its own family only.
      const wildcard = p.IP === (ip.includes(":") ? "::" : "0.0.0.0");
      if (wildcard || p.IP === ip || (ip === "127.0.0.1" && p.IP === "localhost")) return { c, privatePort: p.PrivatePort };
    }
  }
  return undefined;
}

export function parseHosts(text: string, name: string): string | undefined {
  const wanted = name.toLowerCase().replace(/\.$/, "");
  for (const line of text.split("\n")) {
    const words = line.replace(/#.*/, "").trim().split(/\s+/);
    if (words.length < 2) continue;
    if (words.slice(1).some((w) => w.toLowerCase() === wanted) && isIPv4(words[0]!)) return words[0];
  }
  return undefined;
}

/** What 127.0.0.11 answers for `c` (moby: libnetwork/resolver.go, sandbox_dns_unix.go). */
export function embeddedDnsLookup(state: HostState, c: ContainerRecord, query: string): string[] | undefined {
  const owner = namespaceOwner(state, c);
  const name = query.toLowerCase().replace(/\.$/, "");
  const mine = endpointsOf(owner).filter(([netName]) => isUserDefinedMode(netName));
  const found: string[] = [];
  // Links on a user-defined network are names only this container knows.
  const linkTargets = new Map<string, string>();
  const links = [...(isUserDefinedMode(owner.hostConfig.NetworkMode) ? owner.hostConfig.Links ?? [] : []), ...mine.flatMap(([, ep]) => ep.links)];
  for (const l of links) {
    const { target, alias } = parseLink(l);
    linkTargets.set(alias.toLowerCase(), target.toLowerCase());
  }
  const wanted = linkTargets.get(name) ?? name;
  for (const [, ep] of mine) {
    const network = state.networks[ep.networkId];
    for (const t of Object.values(state.containers)) {
      if (!live(t)) continue;
      for (const [, tep] of endpointsOf(t)) {
        if (tep.networkId !== ep.networkId || !tep.ipAddress) continue;
        const names = [t.name.slice(1), t.id.slice(0, 12), ...tep.aliases].map((n) => n.toLowerCase());
        const qualified = network ? names.map((n) => `${n}.${network.name.toLowerCase()}`) : [];
        if ((names.includes(wanted) || qualified.includes(wanted)) && !found.includes(tep.ipAddress)) found.push(tep.ipAddress);
      }
    }
  }
  return found.length > 0 ? found : undefined;
}

/** Every bridge's gateway address belongs to the host. */
function isGatewayAddress(state: HostState, ip: string): boolean {
  return Object.values(state.networks).some((n) => n.ipam.config.some((cfg) => cfg.Gateway === ip));
}

/** What listens on `port` in `target`'s namespace, as a peer that can write to its log. */
function peerIn(state: HostState, target: ContainerRecord, port: number, now: number, clientIp: string): NetPeer | undefined {
  for (const member of namespaceMembers(state, target)) {
    const l = listeners(member).find((x) => x.port === port);
    if (!l) continue;
    const log = (stream: "stdout" | "stderr", text: string, at = now) => {
      member.process?.pending.push({ at, stream, text });
    };
    const peer: NetPeer = { program: l.program, fs: containerFs(state, member, now), port, now, clientIp, log };
    // A one-shot listener that is the container's main process ends it when the caller hangs up.
    const proc = member.process;
    if (l.pid === 1 && !l.keep && proc) {
      peer.end = (at) => {
        if (proc.exitAt === null || proc.exitAt > at) Object.assign(proc, { exitAt: at, exitCode: 0 });
      };
    }
    return peer;
  }
  return undefined;
}

/** The embedded DNS server's PTR answer: the container's name qualified by the shared network's. */
function embeddedReverse(state: HostState, owner: ContainerRecord, ip: string): string | undefined {
  const mine = new Set(endpointsOf(owner).filter(([name]) => isUserDefinedMode(name)).map(([, ep]) => ep.networkId));
  for (const t of Object.values(state.containers)) {
    if (!live(t)) continue;
    for (const [, ep] of endpointsOf(t)) {
      const network = state.networks[ep.networkId];
      if (ep.ipAddress === ip && mine.has(ep.networkId) && network) return `${t.name.slice(1)}.${network.name}`;
    }
  }
  return undefined;
}

export interface AccessOptions {
  state: HostState;
  c: ContainerRecord;
  /** The container's filesystem as the process sees it (its /etc/hosts). */
  fs: ContainerFs;
  now: number;
}

export function containerNetwork(opts: AccessOptions): NetworkAccess {
  const { state, c, fs, now } = opts;
  const owner = namespaceOwner(state, c);
  const mode = owner.hostConfig.NetworkMode;
  const hostMode = mode === "host";
  const ownEndpoints = () => endpointsOf(owner);
  const ownIps = () => ownEndpoints().map(([, ep]) => ep.ipAddress).filter((ip) => ip);
  const isolated = () => !hostMode && ownEndpoints().every(([, ep]) => !ep.ipAddress);
  const internalOnly = () => ownEndpoints().length > 0 && ownEndpoints().every(([, ep]) => state.networks[ep.networkId]?.internal === true);
  const gateways = () => ownEndpoints().map(([, ep]) => ep.gateway).filter((g) => g);
  const embedded = () => usesEmbeddedDns(state, owner);

  const serve = (target: ContainerRecord, port: number, clientIp: string): NetConnection => {
    const peer = peerIn(state, target, port, now, clientIp);
    return peer ? { ok: true, peer } : { ok: false, error: "refused", afterMs: 0 };
  };
  /** The address `target` sees this container connect from: ours on the network we share. */
  const sourceIp = (target: ContainerRecord): string => {
    const theirs = new Set(endpointsOf(namespaceOwner(state, target)).map(([, ep]) => ep.networkId));
    const shared = ownEndpoints().find(([, ep]) => theirs.has(ep.networkId) && ep.ipAddress);
    return shared?.[1].ipAddress ?? ownIps()[0] ?? "127.0.0.1";
  };
  const hostSide = (ip: string, port: number): NetConnection => {
    const gateway = gateways()[0] ?? HOST_GATEWAY;
    const t = publishedTarget(state, ip, port);
    if (t) return serve(namespaceOwner(state, t.c), t.privatePort, gateway);
    for (const h of Object.values(state.containers)) {
      if (live(h) && h.hostConfig.NetworkMode === "host" && listeners(h).some((l) => l.port === port)) return serve(h, port, gateway);
    }
    return { ok: false, error: "refused", afterMs: 0 };
  };
  const onSubnetOfMine = (ip: string) =>
    ownEndpoints().some(([, ep]) => {
      const subnet = state.networks[ep.networkId]?.ipam.config[0]?.Subnet;
      const cidr = subnet ? parseCidr(subnet) : undefined;
      return cidr !== undefined && contains(cidr, ip);
    });

  const connect = (ip: string, port: number): NetConnection => {
    if (ip.startsWith("127.") || ownIps().includes(ip)) return hostMode ? hostSide(ip, port) : serve(owner, port, ip.startsWith("127.") ? "127.0.0.1" : ip);
    if (isolated()) return { ok: false, error: "netunreach", afterMs: 0 };
    if (hostMode) {
      const t = findByIp(state, ip);
      return t ? serve(namespaceOwner(state, t.c), port, state.networks[t.networkId]?.ipam.config[0]?.Gateway ?? HOST_GATEWAY) : { ok: false, error: "timeout", afterMs: TIMEOUT_MS };
    }
    if (gateways().includes(ip) || ip === HOST_GATEWAY || isGatewayAddress(state, ip)) {
      if (internalOnly()) return { ok: false, error: "netunreach", afterMs: 0 };
      return hostSide(ip, port);
    }
    const t = findByIp(state, ip);
    if (t && ownEndpoints().some(([, ep]) => ep.networkId === t.networkId)) {
      const network = state.networks[t.networkId];
      if (network?.options["com.docker.network.bridge.enable_icc"] === "false") return { ok: false, error: "timeout", afterMs: TIMEOUT_MS };
      return serve(namespaceOwner(state, t.c), port, sourceIp(t.c));
    }
    if (!t && onSubnetOfMine(ip)) return { ok: false, error: "unreachable", afterMs: UNREACHABLE_MS };
    if (internalOnly()) return { ok: false, error: "netunreach", afterMs: 0 };
    return { ok: false, error: "timeout", afterMs: TIMEOUT_MS };
  };

  // The embedded server answers containers and forwards the rest, except from internal networks.
  const upstream = () => !isolated() && !internalOnly();
  const dnsA = (name: string, upstreamOnly = false): string[] | undefined => {
    const local = embedded() && !upstreamOnly ? embeddedDnsLookup(state, c, name) : undefined;
    return local ?? (upstream() ? outsideLookup(name)?.a : undefined);
  };
  const resolve = (host: string): string | undefined => {
    if (isIPv4(host)) return host;
    let hosts = "";
    try {
      hosts = fs.readFile("/etc/hosts");
    } catch {
      hosts = "";
    }
    const fromFile = parseHosts(hosts, host);
    if (fromFile) return fromFile;
    if (host.toLowerCase() === "localhost") return "127.0.0.1";
    return dnsA(host)?.[0];
  };

  return {
    resolve,
    dnsLookup: dnsA,
    dnsLookupAAAA: (name, upstreamOnly = false) => {
      if (embedded() && !upstreamOnly && embeddedDnsLookup(state, c, name)) return [];
      return upstream() ? outsideLookup(name)?.aaaa : undefined;
    },
    dnsReverse: (ip) => (embedded() ? embeddedReverse(state, owner, ip) : undefined),
    nameserver: () => (embedded() ? EMBEDDED_DNS : owner.hostConfig.Dns[0] ?? HOST_RESOLVER),
    connect,
    ping: (ip) => {
      if (ip.startsWith("127.") || ownIps().includes(ip)) return { ok: true, ttl: 64, rttMs: 0.05 };
      if (isolated()) return { ok: false, error: "netunreach" };
      if (hostMode) return { ok: true, ttl: 64, rttMs: 0.08 };
      if (gateways().includes(ip)) return { ok: true, ttl: 64, rttMs: 0.07 };
      const t = findByIp(state, ip);
      if (t) return ownEndpoints().some(([, ep]) => ep.networkId === t.networkId) ? { ok: true, ttl: 64, rttMs: 0.09 } : { ok: false };
      if (internalOnly()) return { ok: false, error: "netunreach" };
      if (isGatewayAddress(state, ip)) return { ok: true, ttl: 64, rttMs: 0.07 };
      if (onSubnetOfMine(ip)) return { ok: false };
      return { ok: true, ...OUTSIDE_PING };
    },
    exchange: (ip, port, data, at = now) => {
      const conn = connect(ip, port);
      if (!conn.ok) return conn;
      return { ok: true, reply: serverReply(conn.peer, data, at), program: conn.peer.program };
    },
    httpGet: (host, port, path) => {
      const ip = resolve(host);
      if (!ip) return undefined;
      const conn = connect(ip, port);
      if (!conn.ok || !heavy().services.httpResponders[conn.peer.program]) return undefined;
      const hostHeader = port === 80 ? host : `${host}:${port}`;
      const reply = serverReply(conn.peer, `GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nUser-Agent: curl/8.14.1\r\nAccept: */*\r\n\r\n`, now);
      return parseResponse(reply);
    },
  };
}

/** A host-side HTTP GET (mockdocker lab curl): localhost and the host's addresses reach published ports. */
export function hostHttpGet(state: HostState, now: number, host: string, port: number, path: string) {
  const h = host.replace(/^\[|\]$/g, "");
  const ip = h === "localhost" ? "127.0.0.1" : isIPv4(h) ? h : h === "::1" ? "::1" : undefined;
  if (!ip) return { ok: false as const, error: "unresolved" as const };
  let target: ContainerRecord | undefined;
  let targetPort = port;
  const published = publishedTarget(state, ip, port);
  if (published) {
    target = namespaceOwner(state, published.c);
    targetPort = published.privatePort;
  } else {
    // Linux hosts reach bridge addresses directly, and host-network services on localhost.
    const byIp = findByIp(state, ip);
    if (byIp) target = namespaceOwner(state, byIp.c);
    else if (ip.startsWith("127.")) target = Object.values(state.containers).find((c) => live(c) && c.hostConfig.NetworkMode === "host" && listeners(c).some((l) => l.port === port));
  }
  if (!target) return { ok: false as const, error: "refused" as const, ip };
  // Bridge addresses see the host as their network's gateway.
  const gateway = endpointsOf(target).map(([, ep]) => ep.gateway).find((g) => g) ?? HOST_GATEWAY;
  const peer = peerIn(state, target, targetPort, now, gateway);
  const hostHeader = port === 80 ? h : `${h}:${port}`;
  if (peer) {
    const raw = serverReply(peer, `GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nUser-Agent: curl/8.14.1\r\nAccept: */*\r\n\r\n`, now);
    const reply = parseResponse(raw);
    if (reply) return { ok: true as const, ip, ...reply };
    // A server that does not speak HTTP: silence, or bytes without a status line.
    return { ok: false as const, error: raw === "" ? ("empty" as const) : ("http09" as const), ip };
  }
  // The docker-proxy behind a published port takes the connection, then drops it when nothing answers.
  return { ok: false as const, error: published && (ip.startsWith("127.") || ip === "::1") ? ("reset" as const) : ("refused" as const), ip };
}
