// Legacy links on the default bridge (moby: daemon/daemon_unix.go registerLinks,
// container_operations_unix.go setupLinkedContainers, daemon/links/links.go ToEnv).
import { EngineError, invalidParameter } from "../errors.js";
import type { ContainerRecord, HostState } from "../model.js";
import { containerByName, findContainer } from "../containers/lookup.js";

export interface Link {
  /** Target as typed (name or id), without a leading "/". */
  target: string;
  alias: string;
}

/** opts.ParseLink: "name[:alias]"; a stored "/web:/agent/web" gives back web and its alias. */
export function parseLink(value: string): Link {
  const [name = "", alias] = value.split(":");
  const target = name.replace(/^\//, "");
  const a = alias === undefined ? target : alias.slice(alias.lastIndexOf("/") + 1);
  return { target, alias: a };
}

export function isUserDefinedMode(mode: string): boolean {
  return !["", "default", "bridge", "host", "none"].includes(mode) && !mode.startsWith("container:");
}

/** The container whose network namespace `c` lives in (following container:X chains). */
export function namespaceOwner(state: HostState, c: ContainerRecord): ContainerRecord {
  let owner = c;
  for (let guard = 0; guard < 16 && owner.hostConfig.NetworkMode.startsWith("container:"); guard++) {
    const next = findContainer(state, owner.hostConfig.NetworkMode.slice("container:".length));
    if (!next) break;
    owner = next;
  }
  return owner;
}

/**
 * At create: every link names an existing container not on the host network; links are kept
 * as the daemon reports them ("/web:/agent/web"). User-defined networks skip this: there a link
 * is only a name the container's resolver knows.
 */
export function registerLinks(state: HostState, c: ContainerRecord): void {
  const links = c.hostConfig.Links ?? [];
  if (links.length === 0 || isUserDefinedMode(c.hostConfig.NetworkMode)) return;
  if (c.hostConfig.NetworkMode === "host") {
    throw invalidParameter("conflicting options: host type networking can't be used with links. This would result in undefined behavior");
  }
  c.hostConfig.Links = links.map((value) => {
    const { target, alias } = parseLink(value);
    const child = findContainer(state, target);
    if (!child) throw invalidParameter(`could not get container for ${target}: No such container: ${target}`);
    if (namespaceOwner(state, child).hostConfig.NetworkMode === "host") {
      throw invalidParameter("conflicting options: host type networking can't be used with links. This would result in undefined behavior");
    }
    return `${child.name}:${c.name}/${alias}`;
  });
}

/**
 * After a rename: links follow the container, as moby's link graph (by id) does, so the stored
 * "/child:/parent/alias" texts (which inspect shows) take the new name on either side.
 */
export function renameInLinks(state: HostState, c: ContainerRecord, oldName: string): void {
  for (const other of Object.values(state.containers)) {
    const links = other.hostConfig.Links;
    // Links on a user-defined network are only names its resolver knows, kept as typed.
    if (!links || isUserDefinedMode(other.hostConfig.NetworkMode)) continue;
    other.hostConfig.Links = links.map((value) => {
      const { target, alias } = parseLink(value);
      const child = `/${target}` === oldName ? c.name : `/${target}`;
      return `${child}:${other.name}/${alias}`;
    });
  }
}

export interface LinkedChild {
  child: ContainerRecord;
  alias: string;
  /** "/agent/web". */
  linkName: string;
}

/** Links that apply (default bridge only); missing targets are skipped. */
export function linkedChildren(state: HostState, c: ContainerRecord): LinkedChild[] {
  if (isUserDefinedMode(c.hostConfig.NetworkMode)) return [];
  const out: LinkedChild[] = [];
  for (const value of c.hostConfig.Links ?? []) {
    // Stored links name their target exactly (registerLinks above).
    const { target, alias } = parseLink(value);
    const child = containerByName(state, `/${target}`);
    if (child) out.push({ child, alias, linkName: `${c.name}/${alias}` });
  }
  return out;
}

/** At start: a link to a stopped container fails it. */
export function checkLinksRunning(state: HostState, c: ContainerRecord): void {
  for (const { child, linkName } of linkedChildren(state, c)) {
    if (!child.state.running || child.state.restarting) {
      throw new EngineError(`Cannot link to a non running container: ${child.name} AS ${linkName}`, 500);
    }
    // moby: daemon/container_operations_unix.go isLinkable.
    if (c.networks["bridge"] && !child.networks["bridge"]) {
      throw new EngineError(`Cannot link to ${child.name}, as it does not belong to the default network`, 500);
    }
  }
}

function bridgeIp(state: HostState, c: ContainerRecord): string {
  return namespaceOwner(state, c).networks["bridge"]?.ipAddress ?? "";
}

/** links.ToEnv for one link. */
export function linkEnv(childIp: string, linkName: string, childEnv: string[], exposed: string[]): string[] {
  const base = linkName.slice(linkName.lastIndexOf("/") + 1);
  const alias = base.toUpperCase().replace(/-/g, "_");
  const ports = exposed
    .map((p) => {
      const [num, proto = "tcp"] = p.split("/");
      return { num: Number(num), proto };
    })
    .sort((a, b) => (a.proto === b.proto ? a.num - b.num : a.proto === "tcp" ? -1 : b.proto === "tcp" ? 1 : a.proto < b.proto ? -1 : 1));
  const env: string[] = [];
  let start = ports[0];
  let end = ports[0];
  ports.forEach((p, i) => {
    if (i === 0) {
      start = end = p;
      env.push(`${alias}_PORT=${p.proto}://${childIp}:${p.num}`);
    }
    const prefix = `${alias}_PORT_${p.num}_${p.proto.toUpperCase()}`;
    env.push(`${prefix}=${p.proto}://${childIp}:${p.num}`, `${prefix}_ADDR=${childIp}`, `${prefix}_PORT=${p.num}`, `${prefix}_PROTO=${p.proto}`);
    if (end && p.num === end.num + 1 && p.proto === end.proto) {
      end = p;
      if (i < ports.length - 1) return;
    }
    if (start && end && (end.num !== start.num || end.proto !== start.proto)) {
      const rp = `${alias}_PORT_${start.num}_${start.proto.toUpperCase()}`;
      env.push(`${rp}_START=${start.proto}://${childIp}:${start.num}`, `${rp}_PORT_START=${start.num}`, `${rp}_END=${end.proto}://${childIp}:${end.num}`, `${rp}_PORT_END=${end.num}`);
    }
    start = end = p;
  });
  env.push(`${alias}_NAME=${linkName}`);
  for (const v of childEnv) {
    const eq = v.indexOf("=");
    if (eq < 0) continue;
    const name = v.slice(0, eq);
    if (name === "HOME" || name === "PATH") continue;
    env.push(`${alias}_ENV_${name}=${v.slice(eq + 1)}`);
  }
  return env;
}

/** Every link's variables, in link order. */
export function linksEnv(state: HostState, c: ContainerRecord): string[] {
  const env: string[] = [];
  for (const { child, linkName } of linkedChildren(state, c)) {
    env.push(...linkEnv(bridgeIp(state, child), linkName, child.config.Env, Object.keys(child.config.ExposedPorts ?? {})));
  }
  return env;
}

/** /etc/hosts lines for the links: "IP\talias hostname [name]". */
export function linkHosts(state: HostState, c: ContainerRecord): string[] {
  const out: string[] = [];
  for (const { child, alias } of linkedChildren(state, c)) {
    const ip = bridgeIp(state, child);
    if (!ip) continue;
    let names = `${alias} ${child.config.Hostname}`;
    if (alias !== child.name.slice(1)) names += ` ${child.name.slice(1)}`;
    out.push(`${ip}\t${names}`);
  }
  return out;
}
