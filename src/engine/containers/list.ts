// docker ps: container summaries and filters (moby: daemon/list.go, container/view.go).
import type { ContainerSummary, Filters, Port } from "../api-types.js";
import { invalidParameter } from "../errors.js";
import type { HostView } from "../host.js";
import { findImage } from "../images/resolve.js";
import type { ContainerRecord, HostState } from "../model.js";
import { parseLink } from "../network/links.js";
import { containerByName, findContainer } from "./lookup.js";
import { selectListed } from "./list-select.js";
import type { ContainerListView, ListedFields } from "./list-view.js";
import { nextTransition } from "./process.js";
import { stateName, statusParts, statusText } from "./status.js";

const ACCEPTED = new Set(["ancestor", "before", "exited", "id", "isolation", "label", "name", "status", "health", "since", "volume", "network", "is-task", "publish", "expose"]);
const STATES = ["created", "running", "paused", "restarting", "removing", "exited", "dead"];
const HEALTH = ["starting", "healthy", "unhealthy", "none"];

export function commandLine(c: ContainerRecord): string {
  if (c.args.length === 0) return c.path;
  return `${c.path} ${c.args.map((a) => (a.includes(" ") ? `'${a}'` : a)).join(" ")}`;
}

export function rwSize(c: ContainerRecord): number {
  let size = 0;
  for (const entry of Object.values(c.rwLayer)) if (entry.type === "file") size += entry.size ?? entry.content.length;
  return size;
}

/** The image as the user typed it, or the image id once that reference means another image. */
function displayImage(state: HostState, c: ContainerRecord, lookups?: Map<string, string | undefined>): string {
  let currentId = lookups?.get(c.config.Image);
  if (currentId === undefined && !lookups?.has(c.config.Image)) {
    currentId = findImageQuiet(state, c.config.Image)?.id;
    lookups?.set(c.config.Image, currentId);
  }
  return currentId === c.image ? c.config.Image : c.image;
}

function findImageQuiet(state: HostState, ref: string) {
  try {
    return findImage(state, ref);
  } catch {
    return undefined;
  }
}

export function containerPorts(c: ContainerRecord): Port[] {
  if (!c.state.running || c.state.restarting) return [];
  const ports: Port[] = [];
  const bound = new Set<string>();
  for (const p of c.ports ?? []) {
    ports.push(p);
    bound.add(`${p.PrivatePort}/${p.Type}`);
  }
  for (const key of Object.keys(c.config.ExposedPorts ?? {})) {
    if (bound.has(key)) continue;
    const [port, proto] = key.split("/");
    ports.push({ PrivatePort: Number(port), Type: proto ?? "tcp" });
  }
  return ports;
}

/**
 * A container's names: its own and the "/<container>/<alias>" each legacy link to it registers
 * (moby: registerLinks reserves them in the name index), sorted as View.GetAllNames gives them.
 */
function namesOf(c: ContainerRecord, linked: Map<string, string[]>): string[] {
  const links = linked.get(c.id);
  return links ? [c.name, ...links].sort() : [c.name];
}

/** Every legacy link's name, by the id of the container it points to. */
function linkNames(state: HostState): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const from of Object.values(state.containers)) {
    for (const stored of from.hostConfig.Links ?? []) {
      // Stored links name their target exactly (registerLinks).
      const { target, alias } = parseLink(stored);
      const to = containerByName(state, `/${target}`);
      if (to) names.set(to.id, [...(names.get(to.id) ?? []), `${from.name}/${alias}`]);
    }
  }
  return names;
}

/** What one listing works out once: image references (many containers share an image) and link names. */
export interface ListingLookups {
  images: Map<string, string | undefined>;
  linked?: Map<string, string[]>;
}

/** The summary fields the default `docker ps` table shows (the stored view keeps only these). */
function listedFields(state: HostState, c: ContainerRecord, lookups: ListingLookups): ListedFields {
  return {
    Id: c.id,
    Names: namesOf(c, (lookups.linked ??= linkNames(state))),
    Image: displayImage(state, c, lookups.images),
    ImageID: c.image,
    Command: commandLine(c),
    Created: Math.floor(c.created / 1000),
    Ports: containerPorts(c),
  };
}

export function summarize(state: HostState, c: ContainerRecord, now: number, size: boolean, lookups: ListingLookups = { images: new Map() }): ContainerSummary {
  const image = state.images[c.image];
  const summary: ContainerSummary = {
    ...listedFields(state, c, lookups),
    Labels: c.config.Labels,
    State: stateName(c),
    Status: statusText(c, now),
    HostConfig: { NetworkMode: c.hostConfig.NetworkMode },
    NetworkSettings: {
      Networks: Object.fromEntries(
        Object.entries(c.networks).map(([name, ep]) => [name, { NetworkID: ep.networkId, IPAddress: ep.ipAddress, MacAddress: ep.macAddress }]),
      ),
    },
    Mounts: c.mounts.map((m) => ({ ...m })),
  };
  if (size) {
    summary.SizeRw = rwSize(c);
    summary.SizeRootFs = (image?.size ?? 0) + summary.SizeRw;
  }
  return summary;
}

export function listContainers(view: HostView, opts: { all?: boolean; limit?: number; size?: boolean; filters?: Filters }): ContainerSummary[] {
  const { state, now } = view;
  const filters = opts.filters ?? {};
  for (const key of Object.keys(filters)) if (!ACCEPTED.has(key)) throw invalidParameter(`invalid filter '${key}'`);
  for (const value of filters.status ?? []) {
    if (!STATES.includes(value)) throw invalidParameter(`invalid filter 'status=${value}': invalid value for state (${value}): must be one of ${STATES.join(", ")}`);
  }
  for (const value of filters.health ?? []) {
    if (!HEALTH.includes(value)) throw invalidParameter(`invalid filter 'health=${value}': invalid value for health (${value}): must be one of ${HEALTH.join(", ")}`);
  }
  const exitedCodes = (filters.exited ?? []).map((value) => {
    if (!/^-?[0-9]+$/.test(value)) throw invalidParameter(`invalid filter 'exited=${value}': strconv.Atoi: parsing "${value}": invalid syntax`);
    return Number(value);
  });
  const before = (filters.before ?? []).map((ref) => refContainer(state, "before", ref));
  const since = (filters.since ?? []).map((ref) => refContainer(state, "since", ref));
  const all = opts.all || filters.status !== undefined;
  const lookups: ListingLookups = { images: new Map() };
  return selectListed(newestFirst(state), {
    all,
    limit: opts.limit ?? -1,
    running: (c) => c.state.running,
    matches: (c) => matches(state, c, filters, exitedCodes, before, since),
    summarize: (c) => summarize(state, c, now, opts.size ?? false, lookups),
  });
}

/** The containers in listing order: newest first, those created in the same instant in creation order. */
export function newestFirst(state: HostState): ContainerRecord[] {
  const order = new Map(Object.keys(state.containers).map((id, index) => [id, index]));
  return Object.values(state.containers).sort((a, b) => b.created - a.created || order.get(b.id)! - order.get(a.id)!);
}

/** The view a listing can be served from until the host changes (see list-view.ts). */
export function makeContainerListView(state: HostState): ContainerListView {
  let validUntil: number | null = null;
  const lookups: ListingLookups = { images: new Map() };
  const containers = newestFirst(state).map((c) => {
    const due = nextTransition(c);
    if (due !== null && (validUntil === null || due < validUntil)) validUntil = due;
    return { ...listedFields(state, c, lookups), StatusParts: statusParts(c.state), Running: c.state.running };
  });
  return { clock: { ...state.clock }, validUntil, containers };
}

function refContainer(state: HostState, key: string, ref: string): ContainerRecord {
  const c = findContainer(state, ref);
  if (!c) throw invalidParameter(`No such container: ${ref}`);
  void key;
  return c;
}

function regexMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

function labelMatch(labels: Record<string, string>, wanted: string[]): boolean {
  return wanted.every((w) => {
    const eq = w.indexOf("=");
    if (eq < 0) return w in labels;
    return labels[w.slice(0, eq)] === w.slice(eq + 1);
  });
}

function matches(
  state: HostState,
  c: ContainerRecord,
  filters: Filters,
  exitedCodes: number[],
  before: ContainerRecord[],
  since: ContainerRecord[],
): boolean {
  const any = (key: string, test: (v: string) => boolean) => !filters[key] || filters[key]!.some(test);
  if (!any("id", (v) => c.id.startsWith(v))) return false;
  if (!any("name", (v) => regexMatch(v, c.name) || regexMatch(v, c.name.slice(1)))) return false;
  if (!any("status", (v) => stateName(c) === v)) return false;
  if (filters.label && !labelMatch(c.config.Labels, filters.label)) return false;
  if (exitedCodes.length > 0 && (c.state.running || c.state.startedAt === 0 || !exitedCodes.includes(c.state.exitCode))) return false;
  if (before.some((b) => c.created >= b.created)) return false;
  if (since.some((s) => c.created <= s.created)) return false;
  if (!any("ancestor", (v) => isAncestor(state, c, v))) return false;
  if (!any("network", (v) => Object.entries(c.networks).some(([name, ep]) => name === v || ep.networkId.startsWith(v)))) return false;
  if (!any("volume", (v) => c.mounts.some((m) => m.Name === v || m.Destination === v || m.Source === v))) return false;
  if (!any("health", (v) => v === "none")) return false;
  if (!any("is-task", (v) => v === "false")) return false;
  if (!any("isolation", (v) => v === "default")) return false;
  if (!any("expose", (v) => portMatch(Object.keys(c.config.ExposedPorts ?? {}), v))) return false;
  if (!any("publish", (v) => portMatch((c.ports ?? []).map((p) => `${p.PublicPort}/${p.Type}`), v))) return false;
  return true;
}

function portMatch(ports: string[], wanted: string): boolean {
  const spec = wanted.includes("/") ? wanted : `${wanted}/tcp`;
  return ports.includes(spec);
}

function isAncestor(state: HostState, c: ContainerRecord, ref: string): boolean {
  const image = findImageQuiet(state, ref);
  if (!image) return false;
  let current: string | undefined = c.image;
  while (current) {
    if (current === image.id) return true;
    current = state.images[current]?.parent || undefined;
  }
  return false;
}
