// Container creation (moby: daemon/create.go, daemon/names.go, runconfig merge rules).
import type { ContainerCreateRequest } from "../api-types.js";
import { conflict, EngineError, invalidParameter } from "../errors.js";
import { checkCreateRequest, checkLogConfig } from "./create-checks.js";
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import { getImage } from "../images/resolve.js";
import type { ContainerConfig, ContainerRecord, HostConfig, HostState, RestartPolicy } from "../model.js";
import { containerByName, findContainer } from "./lookup.js";
import { generateName } from "./names.js";
import { containerAttributes } from "./process.js";
import { networkByName } from "./endpoints.js";
import { endpointIpam } from "../network/attach.js";
import { networkOnCreate } from "../network/hooks.js";
import { registerMounts } from "../volumes/register.js";
import { adaptResources, resourceFields, verifyResources } from "./resources.js";

const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function createContainer(tx: Tx, req: ContainerCreateRequest): { Id: string; Warnings: string[] } {
  const { state, now, ids } = tx;
  // The settings are verified before the image is looked up (moby: containerCreate), so such a
  // request never makes `docker run` pull; the log driver only after (daemon.create).
  const restartPolicy = validateRestartPolicy(req.hostConfig.restartPolicy);
  const resourceWarnings = verifyResources(req.hostConfig, false);
  checkCreateRequest(req);
  const image = getImage(state, req.image);
  const networkMode = req.hostConfig.networkMode || "bridge";
  validateNetworkMode(state, networkMode);

  const id = ids.hex64();

  const imageConfig = image.config;
  const userEntrypoint = req.entrypoint;
  let entrypoint: string[] | null;
  let cmd: string[] | null;
  if (req.entrypointReset) {
    entrypoint = null;
    cmd = req.cmd && req.cmd.length > 0 ? req.cmd : null;
  } else if (userEntrypoint && userEntrypoint.length > 0) {
    entrypoint = userEntrypoint;
    cmd = req.cmd && req.cmd.length > 0 ? req.cmd : null;
  } else {
    entrypoint = imageConfig.Entrypoint;
    cmd = req.cmd && req.cmd.length > 0 ? req.cmd : imageConfig.Cmd;
  }
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
  if (argv.length === 0) throw invalidParameter("no command specified");
  checkLogConfig(req);
  const name = req.name !== undefined && req.name !== "" ? reserveName(state, req.name) : generatedName(tx, id);

  const exposed: Record<string, Record<string, never>> = { ...(imageConfig.ExposedPorts ?? {}) };
  for (const p of req.exposedPorts) exposed[p] = {};
  for (const p of Object.keys(req.hostConfig.portBindings)) exposed[p] = {};
  const volumes: Record<string, Record<string, never>> = { ...(imageConfig.Volumes ?? {}) };
  for (const v of req.volumes) volumes[v] = {};

  const config: ContainerConfig = {
    Hostname: req.hostname || id.slice(0, 12),
    Domainname: req.domainname ?? "",
    User: req.user ?? imageConfig.User ?? "",
    AttachStdin: req.attachStdin,
    AttachStdout: req.attachStdout,
    AttachStderr: req.attachStderr,
    ...(Object.keys(exposed).length > 0 ? { ExposedPorts: exposed } : {}),
    Tty: req.tty,
    OpenStdin: req.openStdin,
    StdinOnce: req.stdinOnce,
    Env: mergeEnv(imageConfig.Env ?? [], req.env),
    Cmd: cmd,
    ...(imageConfig.Healthcheck ? { Healthcheck: imageConfig.Healthcheck } : {}),
    Image: req.image,
    Volumes: Object.keys(volumes).length > 0 ? volumes : null,
    WorkingDir: req.workingDir || imageConfig.WorkingDir || "",
    Entrypoint: entrypoint,
    OnBuild: null,
    Labels: { ...(imageConfig.Labels ?? {}), ...req.labels },
    ...(req.stopSignal || imageConfig.StopSignal ? { StopSignal: req.stopSignal || imageConfig.StopSignal } : {}),
    ...(req.stopTimeout !== undefined ? { StopTimeout: req.stopTimeout } : {}),
  };

  const h = req.hostConfig;
  const hostConfig: HostConfig = {
    Binds: h.binds.length > 0 ? h.binds : null,
    ContainerIDFile: h.containerIdFile,
    LogConfig: { Type: h.logDriver || "json-file", Config: h.logOpts ?? {} },
    NetworkMode: networkMode,
    PortBindings: h.portBindings,
    RestartPolicy: restartPolicy,
    AutoRemove: h.autoRemove,
    VolumesFrom: h.volumesFrom.length > 0 ? h.volumesFrom : null,
    CapAdd: h.capAdd.length > 0 ? h.capAdd : null,
    CapDrop: h.capDrop.length > 0 ? h.capDrop : null,
    Dns: h.dns,
    DnsOptions: h.dnsOptions,
    DnsSearch: h.dnsSearch,
    ExtraHosts: h.extraHosts.length > 0 ? h.extraHosts : null,
    Links: h.links.length > 0 ? h.links : null,
    Privileged: h.privileged,
    PublishAllPorts: h.publishAllPorts,
    ReadonlyRootfs: h.readonlyRootfs,
    ...(Object.keys(h.tmpfs).length > 0 ? { Tmpfs: h.tmpfs } : {}),
    ...(h.init !== undefined ? { Init: h.init } : {}),
    ShmSize: h.shmSize || 67108864,
    CpuShares: h.cpuShares,
    Memory: h.memory,
    NanoCpus: h.nanoCpus,
    MemoryReservation: h.memoryReservation,
    MemorySwap: h.memorySwap,
    PidsLimit: h.pidsLimit ?? null,
    CpusetCpus: h.cpusetCpus,
    ...resourceFields(h),
    ...(h.mounts.length > 0 ? { Mounts: h.mounts } : {}),
  };
  adaptResources(hostConfig);

  const networkName = networkMode === "default" ? "bridge" : networkMode;
  const networks: ContainerRecord["networks"] = {};
  if (!networkName.startsWith("container:")) {
    const network = networkByName(state, networkName);
    if (network) {
      networks[network.name] = {
        networkId: network.id,
        endpointId: "",
        ipAddress: "",
        ipPrefixLen: 0,
        gateway: "",
        macAddress: "",
        aliases: network.name === "bridge" || network.driver !== "bridge" ? [] : [...req.networking.aliases],
        dnsNames: [],
        links: [],
        ...endpointIpam(req.networking.ipv4Address, req.networking.ipv6Address),
      };
    }
  }

  const c: ContainerRecord = {
    id,
    name,
    created: now,
    path: argv[0]!,
    args: argv.slice(1),
    image: image.id,
    config,
    hostConfig,
    state: {
      status: "created",
      running: false,
      paused: false,
      restarting: false,
      oomKilled: false,
      dead: false,
      pid: 0,
      exitCode: 0,
      error: "",
      startedAt: 0,
      finishedAt: 0,
      manuallyStopped: false,
    },
    restartCount: 0,
    restartDelayMs: 0,
    rwLayer: {},
    mounts: [],
    networks,
    sandboxId: "",
    execIds: [],
    nextPid: 2,
  };
  const warnings = [...resourceWarnings, ...networkOnCreate(tx, c, req)];
  registerMounts(tx, c);
  state.containers[id] = c;
  emitEvent(state, now, "container", "create", id, containerAttributes(c));
  return { Id: id, Warnings: warnings };
}

/** Docker's env merge: the container's values replace the image's by key. */
export function mergeEnv(base: string[], overrides: string[]): string[] {
  const result = [...base];
  for (const entry of overrides) {
    const key = entry.split("=", 1)[0]!;
    const index = result.findIndex((e) => e.split("=", 1)[0] === key);
    if (index >= 0) result[index] = entry;
    else result.push(entry);
  }
  return result;
}

function reserveName(state: HostState, requested: string): string {
  if (!VALID_NAME.test(requested)) {
    throw invalidParameter(`Invalid container name (${requested}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  }
  const name = requested.startsWith("/") ? requested : `/${requested}`;
  const holder = containerByName(state, name);
  if (holder) {
    throw conflict(
      `Conflict. The container name "${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  }
  return name;
}

function generatedName(tx: Tx, id: string): string {
  for (let retry = 0; retry < 6; retry++) {
    const name = `/${generateName((n) => tx.ids.int(n), retry)}`;
    if (!containerByName(tx.state, name)) return name;
  }
  return `/${id.slice(0, 12)}`;
}

/** moby: api/types/container/hostconfig.go ValidateRestartPolicy. */
export function validateRestartPolicy(policy: { Name: string; MaximumRetryCount: number }): RestartPolicy {
  const name = policy.Name;
  const count = policy.MaximumRetryCount;
  switch (name) {
    case "":
    case "no":
    case "always":
    case "unless-stopped":
      if (count !== 0) {
        const suffix = count < 0 ? " and cannot be negative" : "";
        throw invalidParameter(`invalid restart policy: maximum retry count can only be used with 'on-failure'${suffix}`);
      }
      return { Name: name === "" ? "no" : name, MaximumRetryCount: 0 };
    case "on-failure":
      if (count < 0) throw invalidParameter("invalid restart policy: maximum retry count cannot be negative");
      return { Name: name, MaximumRetryCount: count };
    default:
      throw invalidParameter(`invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
  }
}

function validateNetworkMode(state: HostState, mode: string): void {
  if (mode.startsWith("container:")) {
    const target = mode.slice("container:".length);
    if (!findContainer(state, target)) throw new EngineError(`No such container: ${target}`, 404);
  }
}
