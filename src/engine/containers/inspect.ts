// The Engine API container JSON (API 1.50), keys in the daemon's order
// (moby: api/types/container/container.go, daemon/inspect.go).
import type { HostView } from "../host.js";
import { rfc3339Nano } from "../timefmt.js";
import type { ContainerRecord, HostState } from "../model.js";
import { getContainer } from "./lookup.js";
import { rwSize } from "./list.js";
import { stateName } from "./status.js";

export function inspectContainer(view: HostView, ref: string, opts: { size?: boolean } = {}): Record<string, unknown> {
  const { state } = view;
  const c = getContainer(state, ref);
  const image = state.images[c.image];
  const s = c.state;
  const root = `/var/lib/docker/containers/${c.id}`;
  const layerDir = `/var/lib/docker/overlay2/${c.id}`;
  const result: Record<string, unknown> = {
    Id: c.id,
    Created: rfc3339Nano(c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: stateName(c),
      Running: s.running,
      Paused: s.paused,
      Restarting: s.restarting,
      OOMKilled: s.oomKilled,
      Dead: s.dead,
      Pid: s.running && !s.restarting ? s.pid : 0,
      ExitCode: s.exitCode,
      Error: s.error,
      StartedAt: rfc3339Nano(s.startedAt),
      FinishedAt: rfc3339Nano(s.finishedAt),
    },
    Image: c.image,
    ResolvConfPath: `${root}/resolv.conf`,
    HostnamePath: `${root}/hostname`,
    HostsPath: `${root}/hosts`,
    // Only the json-file driver keeps a file, named when the container first starts (moby:
    // container.StartLogger).
    LogPath: c.hostConfig.LogConfig.Type === "json-file" && c.state.startedAt !== 0 ? `${root}/${c.id}-json.log` : "",
    Name: c.name,
    RestartCount: c.restartCount,
    Driver: "overlay2",
    Platform: image?.os ?? "linux",
    MountLabel: "",
    ProcessLabel: "",
    AppArmorProfile: "",
    ExecIDs: c.execIds.length > 0 ? c.execIds : null,
    HostConfig: hostConfigJson(c),
    GraphDriver: {
      Data: {
        ID: c.id,
        LowerDir: `${layerDir}-init/diff:${(image?.layers ?? []).map((_, i) => `/var/lib/docker/overlay2/${layerHash(c, i)}/diff`).reverse().join(":")}`,
        MergedDir: `${layerDir}/merged`,
        UpperDir: `${layerDir}/diff`,
        WorkDir: `${layerDir}/work`,
      },
      Name: "overlay2",
    },
  };
  if (opts.size) {
    result.SizeRw = rwSize(c);
    result.SizeRootFs = (image?.size ?? 0) + rwSize(c);
  }
  result.Mounts = c.mounts.map((m) => ({
    Type: m.Type,
    ...(m.Name !== undefined ? { Name: m.Name } : {}),
    Source: m.Source,
    Destination: m.Destination,
    ...(m.Driver !== undefined ? { Driver: m.Driver } : {}),
    Mode: m.Mode,
    RW: m.RW,
    Propagation: m.Propagation,
  }));
  result.Config = configJson(c);
  result.NetworkSettings = networkSettingsJson(state, c);
  return result;
}

/** Stable per-layer directory names, like overlay2's cache ids. */
function layerHash(c: ContainerRecord, index: number): string {
  const diffId = c.image.slice(7);
  return (diffId.slice(index % 8) + diffId.slice(0, index % 8)).slice(0, 64);
}

function configJson(c: ContainerRecord): Record<string, unknown> {
  const k = c.config;
  return {
    Hostname: k.Hostname,
    Domainname: k.Domainname,
    User: k.User,
    AttachStdin: k.AttachStdin,
    AttachStdout: k.AttachStdout,
    AttachStderr: k.AttachStderr,
    ...(k.ExposedPorts ? { ExposedPorts: k.ExposedPorts } : {}),
    Tty: k.Tty,
    OpenStdin: k.OpenStdin,
    StdinOnce: k.StdinOnce,
    Env: k.Env,
    Cmd: k.Cmd,
    ...(k.Healthcheck ? { Healthcheck: k.Healthcheck } : {}),
    Image: k.Image,
    Volumes: k.Volumes,
    WorkingDir: k.WorkingDir,
    Entrypoint: k.Entrypoint,
    OnBuild: k.OnBuild,
    Labels: k.Labels,
    ...(k.StopSignal ? { StopSignal: k.StopSignal } : {}),
    ...(k.StopTimeout !== undefined ? { StopTimeout: k.StopTimeout } : {}),
  };
}

function hostConfigJson(c: ContainerRecord): Record<string, unknown> {
  const h = c.hostConfig;
  return {
    Binds: h.Binds,
    ContainerIDFile: h.ContainerIDFile,
    LogConfig: h.LogConfig,
    NetworkMode: h.NetworkMode,
    PortBindings: h.PortBindings,
    RestartPolicy: h.RestartPolicy,
    AutoRemove: h.AutoRemove,
    VolumeDriver: "",
    VolumesFrom: h.VolumesFrom,
    ConsoleSize: [0, 0],
    CapAdd: h.CapAdd,
    CapDrop: h.CapDrop,
    CgroupnsMode: "private",
    Dns: h.Dns,
    DnsOptions: h.DnsOptions,
    DnsSearch: h.DnsSearch,
    ExtraHosts: h.ExtraHosts,
    GroupAdd: null,
    IpcMode: "private",
    Cgroup: "",
    Links: h.Links,
    OomScoreAdj: 0,
    PidMode: "",
    Privileged: h.Privileged,
    PublishAllPorts: h.PublishAllPorts,
    ReadonlyRootfs: h.ReadonlyRootfs,
    SecurityOpt: null,
    ...(h.Tmpfs ? { Tmpfs: h.Tmpfs } : {}),
    UTSMode: "",
    UsernsMode: "",
    ShmSize: h.ShmSize,
    Runtime: "runc",
    Isolation: "",
    CpuShares: h.CpuShares,
    Memory: h.Memory,
    NanoCpus: h.NanoCpus,
    CgroupParent: "",
    BlkioWeight: h.BlkioWeight ?? 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    CpuPeriod: h.CpuPeriod ?? 0,
    CpuQuota: h.CpuQuota ?? 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: h.CpusetCpus,
    CpusetMems: h.CpusetMems ?? "",
    Devices: [],
    DeviceCgroupRules: null,
    DeviceRequests: null,
    MemoryReservation: h.MemoryReservation,
    MemorySwap: h.MemorySwap,
    MemorySwappiness: null,
    OomKillDisable: null,
    PidsLimit: h.PidsLimit,
    Ulimits: [],
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    ...(h.Mounts ? { Mounts: h.Mounts } : {}),
    MaskedPaths: [
      "/proc/asound",
      "/proc/acpi",
      "/proc/interrupts",
      "/proc/kcore",
      "/proc/keys",
      "/proc/latency_stats",
      "/proc/timer_list",
      "/proc/timer_stats",
      "/proc/sched_debug",
      "/proc/scsi",
      "/sys/firmware",
      "/sys/devices/virtual/powercap",
    ],
    ReadonlyPaths: ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"],
    ...(h.Init !== undefined ? { Init: h.Init } : {}),
  };
}

function networkSettingsJson(state: HostState, c: ContainerRecord): Record<string, unknown> {
  const running = c.state.running && !c.state.restarting;
  const ports: Record<string, Array<{ HostIp: string; HostPort: string }> | null> = {};
  if (running) {
    for (const key of Object.keys(c.config.ExposedPorts ?? {})) ports[key] = null;
    for (const p of c.ports ?? []) {
      const key = `${p.PrivatePort}/${p.Type}`;
      (ports[key] ??= []).push({ HostIp: p.IP, HostPort: String(p.PublicPort) });
    }
  }
  const bridge = c.networks["bridge"];
  const networks: Record<string, unknown> = {};
  for (const [name, ep] of Object.entries(c.networks)) {
    networks[name] = {
      IPAMConfig: ep.ipamConfig ?? null,
      Links: ep.links.length > 0 ? ep.links : null,
      Aliases: ep.aliases.length > 0 ? ep.aliases : null,
      MacAddress: ep.macAddress,
      DriverOpts: null,
      GwPriority: 0,
      NetworkID: ep.networkId,
      EndpointID: ep.endpointId,
      Gateway: ep.gateway,
      IPAddress: ep.ipAddress,
      IPPrefixLen: ep.ipPrefixLen,
      IPv6Gateway: "",
      GlobalIPv6Address: "",
      GlobalIPv6PrefixLen: 0,
      // buildEndpointDNSNames: name, aliases, short id, hostname, without repeats.
      DNSNames: name === "bridge" || !ep.ipAddress ? null : [...new Set([c.name.slice(1), ...ep.aliases, c.id.slice(0, 12), c.config.Hostname].filter((n) => n !== ""))],
    };
  }
  void state;
  return {
    Bridge: "",
    SandboxID: running ? c.sandboxId : "",
    SandboxKey: running ? `/var/run/docker/netns/${c.sandboxId.slice(0, 12)}` : "",
    Ports: ports,
    HairpinMode: false,
    LinkLocalIPv6Address: "",
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: bridge?.endpointId ?? "",
    Gateway: bridge?.gateway ?? "",
    GlobalIPv6Address: "",
    GlobalIPv6PrefixLen: 0,
    IPAddress: bridge?.ipAddress ?? "",
    IPPrefixLen: bridge?.ipPrefixLen ?? 0,
    IPv6Gateway: "",
    MacAddress: bridge?.macAddress ?? "",
    Networks: networks,
  };
}
