// Which registry a reference's domain reaches from the daemon: Docker Hub (docker.io), or a
// registry container whose port is published on a loopback address the domain names. The
// daemon treats loopback registries as insecure and talks plain HTTP to them, so a registry
// that is down fails with the HTTP attempt's error (registry/service.go, config.go).
import { EngineError } from "../errors.js";
import { containerFs } from "../containers/rootfs.js";
import type { ContainerRecord, HostState, HubState } from "../model.js";
import { listeners, publishedTarget } from "../network/access.js";
import { namespaceOwner } from "../network/links.js";
import { DEFAULT_DOMAIN } from "./reference.js";
import { fsStorage, hubStorage, REGISTRY_ROOT, type RegistryStorage } from "./storage.js";

export type Endpoint =
  | { kind: "hub"; storage: RegistryStorage; hub: HubState }
  | { kind: "private"; domain: string; container: ContainerRecord; storage: RegistryStorage };

function splitDomain(domain: string): { host: string; port: number | undefined } {
  const m = /^(\[[^\]]*\]|[^:]+)(?::(\d+))?$/.exec(domain);
  return { host: m?.[1] ?? domain, port: m?.[2] === undefined ? undefined : Number(m[2]) };
}

/** The loopback address a host name maps to on the daemon's host, if any. */
function loopbackIp(host: string): string | undefined {
  const h = host.toLowerCase();
  if (h === "localhost") return "127.0.0.1";
  if (/^127\.\d+\.\d+\.\d+$/.test(h)) return h;
  if (h === "[::1]") return "::1";
  return undefined;
}

/** What Go's HTTP client reports when nothing answers for the registry's /v2/ endpoint. */
export function unreachableRegistry(domain: string): EngineError {
  const { host, port } = splitDomain(domain);
  const ip = loopbackIp(host);
  if (ip) {
    const addr = ip.includes(":") ? `[${ip}]` : ip;
    return new EngineError(`Get "http://${domain}/v2/": dial tcp ${addr}:${port ?? 80}: connect: connection refused`, 500);
  }
  return new EngineError(`Get "https://${domain}/v2/": dial tcp: lookup ${host.replace(/^\[|\]$/g, "")} on 127.0.0.53:53: no such host`, 500);
}

export function hubOf(state: HostState): HubState {
  return (state.hub ??= { accounts: {}, repositories: {}, blobs: {} });
}

/** The storage root of a registry container (REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY moves it). */
function rootOf(c: ContainerRecord): string {
  const env = c.config.Env.find((e) => e.startsWith("REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY="));
  return env ? env.slice(env.indexOf("=") + 1) || REGISTRY_ROOT : REGISTRY_ROOT;
}

/** The registry container behind a domain, or undefined when nothing serves it. */
export function registryContainer(state: HostState, domain: string): ContainerRecord | undefined {
  const { host, port } = splitDomain(domain);
  const ip = loopbackIp(host);
  if (!ip) return undefined;
  const target = publishedTarget(state, ip === "::1" ? "::" : ip, port ?? 80);
  if (!target) {
    // A registry on the host's network listens on the host's loopback itself.
    return Object.values(state.containers).find(
      (c) => c.hostConfig.NetworkMode === "host" && listeners(c).some((l) => l.program === "registry" && l.port === (port ?? 80)),
    );
  }
  const owner = namespaceOwner(state, target.c);
  const members = Object.values(state.containers).filter((c) => namespaceOwner(state, c).id === owner.id);
  return members.find((c) => listeners(c).some((l) => l.program === "registry" && l.port === target.privatePort));
}

export function registryStorageOf(state: HostState, c: ContainerRecord, now: number): RegistryStorage {
  return fsStorage(containerFs(state, c, now), rootOf(c));
}

/** Resolves the registry for a domain; throws the connection error when none answers. */
export function resolveEndpoint(state: HostState, now: number, domain: string, forWrite = false): Endpoint {
  if (domain === DEFAULT_DOMAIN) {
    const hub = forWrite ? hubOf(state) : (state.hub ?? { accounts: {}, repositories: {}, blobs: {} });
    return { kind: "hub", storage: hubStorage(hub), hub };
  }
  const c = registryContainer(state, domain);
  if (!c) throw unreachableRegistry(domain);
  return { kind: "private", domain, container: c, storage: registryStorageOf(state, c, now) };
}
