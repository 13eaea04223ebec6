// Container checks: state, image, ports, restart policy, mounts, networks, env, links, files.
import { containerByName } from "../containers/lookup.js";
import { containerFs } from "../containers/rootfs.js";
import { findImage } from "../images/resolve.js";
import type { ContainerRecord, HostState, MountPoint } from "../model.js";
import type { FileTree } from "../fs/types.js";
import type { ContainerExpectation, MountExpectation } from "./exercise.js";

type Outcome = { ok: boolean; detail: string };

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function describeContainer(c: ContainerExpectation): string {
  if (c.absent) return `container ${c.container} is gone`;
  const parts: string[] = [];
  if (c.running !== undefined) parts.push(c.running ? "is running" : "is not running");
  if (c.status !== undefined) parts.push(`is ${c.status}`);
  if (c.image !== undefined) parts.push(`runs ${c.image}`);
  if (c.exitCode !== undefined) parts.push(`exited with ${c.exitCode}`);
  for (const p of list(c.publishes)) parts.push(`publishes ${p}`);
  if (c.restart !== undefined) parts.push(`restarts ${c.restart}`);
  for (const m of list(c.mounts)) parts.push(`mounts ${typeof m === "string" ? m : `${m.volume ?? m.bind ?? "tmpfs"}:${m.path}`}`);
  for (const n of list(c.network)) parts.push(`is on network ${n}`);
  for (const e of list(c.env)) parts.push(`has env ${e}`);
  if (c.readOnly !== undefined) parts.push(c.readOnly ? "has a read-only root filesystem" : "has a writable root filesystem");
  for (const l of list(c.links)) parts.push(`links to ${l}`);
  if (c.file) parts.push(`has ${c.file.path}${c.file.contains !== undefined ? ` holding "${c.file.contains}"` : ""}`);
  return `container ${c.container}${parts.length ? " " + parts.join(", ") : " exists"}`;
}

/** Every expectation must hold; the first that does not is the reason given. */
export function checkContainer(e: ContainerExpectation, state: HostState, now: number): Outcome {
  const name = String(e.container);
  const c = containerByName(state, `/${name}`);
  if (!c) return { ok: e.absent === true, detail: `no container named ${name}` };
  if (e.absent) return { ok: false, detail: `container ${name} still exists (${c.state.status})` };
  const failures: string[] = [];
  const seen: string[] = [`${c.state.status}`];
  if (e.running !== undefined && c.state.running !== e.running) failures.push(`it is ${c.state.status}`);
  if (e.status !== undefined && c.state.status !== e.status) failures.push(`it is ${c.state.status}, not ${e.status}`);
  if (e.image !== undefined && !runsImage(state, c, String(e.image))) failures.push(`it runs ${c.config.Image}, not ${e.image}`);
  if (e.exitCode !== undefined && (c.state.running || c.state.startedAt === 0 || c.state.exitCode !== e.exitCode)) {
    failures.push(c.state.running ? "it is still running" : c.state.startedAt === 0 ? "it never ran" : `it exited with ${c.state.exitCode}`);
  }
  for (const p of list(e.publishes)) if (!publishes(c, String(p))) failures.push(`it does not publish ${p} (${portsText(c)})`);
  if (e.restart !== undefined && restartText(c) !== normaliseRestart(e.restart)) failures.push(`its restart policy is ${restartText(c)}`);
  for (const m of list(e.mounts)) {
    const want = typeof m === "string" ? parseMount(m) : m;
    if (!c.mounts.some((x) => mountMatches(x, want))) failures.push(`nothing like ${typeof m === "string" ? m : JSON.stringify(m)} is mounted (${mountsText(c)})`);
  }
  for (const n of list(e.network)) if (!(String(n) in c.networks) && c.hostConfig.NetworkMode !== String(n)) failures.push(`it is not on network ${n} (${Object.keys(c.networks).join(", ") || c.hostConfig.NetworkMode})`);
  for (const v of list(e.env)) if (!hasEnv(c, String(v))) failures.push(`its environment has no ${v}`);
  if (e.readOnly !== undefined && c.hostConfig.ReadonlyRootfs !== e.readOnly) failures.push(`its root filesystem is ${c.hostConfig.ReadonlyRootfs ? "read-only" : "writable"}`);
  for (const l of list(e.links)) if (!hasLink(c, String(l))) failures.push(`it has no link ${l}`);
  if (e.file) {
    const problem = fileProblem(state, c, now, e.file);
    if (problem) failures.push(problem);
  }
  if (failures.length) return { ok: false, detail: `container ${name}: ${failures.join("; ")}` };
  if (e.image !== undefined) seen.push(c.config.Image);
  return { ok: true, detail: `container ${name} (${seen.join(", ")})` };
}

function runsImage(state: HostState, c: ContainerRecord, ref: string): boolean {
  try {
    const image = findImage(state, ref);
    if (image && image.id === c.image) return true;
  } catch {
    // A malformed reference matches nothing.
  }
  const bare = (s: string) => s.replace(/^docker\.io\/(library\/)?/, "").replace(/:latest$/, "");
  return bare(c.config.Image) === bare(ref);
}

function publishes(c: ContainerRecord, spec: string): boolean {
  const m = /^(?:(?:([\d.]+):)?(\d+):)?(\d+)(?:\/(tcp|udp|sctp))?$/.exec(spec);
  if (!m) return false;
  const [, ip, host, port, proto = "tcp"] = m;
  const bindings = c.hostConfig.PortBindings[`${port}/${proto}`];
  if (!bindings) return false;
  return bindings.some((b) => (host === undefined || b.HostPort === host) && (ip === undefined || b.HostIp === ip));
}

function portsText(c: ContainerRecord): string {
  const all = Object.entries(c.hostConfig.PortBindings).flatMap(([p, bs]) => bs.map((b) => `${b.HostPort || "?"}:${p}`));
  return all.length ? `it publishes ${all.join(", ")}` : "it publishes no ports";
}

function normaliseRestart(s: string): string {
  if (s === "" || s === "no") return "no";
  return s === "on-failure:0" ? "on-failure" : s;
}

function restartText(c: ContainerRecord): string {
  const { Name, MaximumRetryCount } = c.hostConfig.RestartPolicy;
  if (Name === "" || Name === "no") return "no";
  return Name === "on-failure" && MaximumRetryCount > 0 ? `on-failure:${MaximumRetryCount}` : Name;
}

function parseMount(s: string): MountExpectation {
  const parts = s.split(":");
  const ro = parts[2] === "ro";
  const [src, path] = parts.length >= 2 ? [parts[0]!, parts[1]!] : ["", parts[0]!];
  const base: MountExpectation = src === "" ? { path } : src.startsWith("/") || src.startsWith(".") ? { bind: src, path } : { volume: src, path };
  return ro ? { ...base, readOnly: true } : base;
}

function mountMatches(m: MountPoint, want: MountExpectation): boolean {
  if (m.Destination !== want.path) return false;
  if (want.volume !== undefined && !(m.Type === "volume" && m.Name === want.volume)) return false;
  if (want.bind !== undefined && !(m.Type === "bind" && (m.Source === want.bind || m.Source.endsWith(want.bind.replace(/^\.\//, "/"))))) return false;
  if (want.tmpfs && m.Type !== "tmpfs") return false;
  if (want.readOnly !== undefined && m.RW === want.readOnly) return false;
  return true;
}

function mountsText(c: ContainerRecord): string {
  return c.mounts.length ? `it mounts ${c.mounts.map((m) => `${m.Name ?? m.Source}:${m.Destination}`).join(", ")}` : "it has no mounts";
}

function hasEnv(c: ContainerRecord, v: string): boolean {
  return v.includes("=") ? c.config.Env.includes(v) : c.config.Env.some((e) => e.startsWith(`${v}=`));
}

/** HostConfig.Links entries read "/db:/web/alias". */
function hasLink(c: ContainerRecord, spec: string): boolean {
  const [target, alias] = spec.split(":");
  return (c.hostConfig.Links ?? []).some((l) => {
    const [src, dst] = l.split(":");
    const linkAlias = dst?.split("/").pop();
    return src?.replace(/^\//, "") === target && (alias === undefined || linkAlias === alias);
  });
}

/** Reads the file as the container sees it: a volume mounted over the path, else its layers. */
function fileProblem(state: HostState, c: ContainerRecord, now: number, f: { path: string; contains?: string; equals?: string }): string | undefined {
  const content = readContainerFile(state, c, now, f.path);
  if (content === undefined) return `it has no file ${f.path}`;
  if (f.contains !== undefined && !content.includes(String(f.contains))) return `${f.path} does not contain "${f.contains}"`;
  if (f.equals !== undefined && content.replace(/\n$/, "") !== String(f.equals).replace(/\n$/, "")) return `${f.path} holds something else`;
  return undefined;
}

export function readContainerFile(state: HostState, c: ContainerRecord, now: number, path: string): string | undefined {
  const mount = [...c.mounts]
    .sort((a, b) => b.Destination.length - a.Destination.length)
    .find((m) => m.Type === "volume" && (path === m.Destination || path.startsWith(`${m.Destination}/`)));
  const volume = mount?.Name !== undefined ? state.volumes[mount.Name] : undefined;
  if (volume) {
    const rel = path.slice(mount!.Destination.length) || "/";
    const entry = (volume.files as FileTree)[rel] ?? (volume.files as FileTree)[rel.replace(/^\//, "")];
    if (entry?.type === "file") return entry.content;
  }
  try {
    return containerFs(state, c, now).readFile(path);
  } catch {
    return undefined;
  }
}
