// What `docker version` and `docker info` report about the simulated daemon.
// The only place (with the CLI's version/info rendering) that says the host is simulated.
import { KERNEL } from "./kernel.js";
import { HOST_MEM_TOTAL_BYTES } from "./host-memory.js";
import type { InfoDto, VersionInfo } from "./api-types.js";
import type { HostView } from "./host.js";
import { rfc3339Nano } from "./timefmt.js";
import { LOG_DRIVERS } from "./containers/create-checks.js";

export const ENGINE_VERSION = "28.2.2";
export const API_VERSION = "1.50";
export const MOCKDOCKER_VERSION = "0.1.0";
const BUILD_TIME = "2025-05-30T12:07:14.000000000+00:00";

export function versionInfo(): VersionInfo {
  return {
    Platform: { Name: "Docker Engine - Community" },
    Components: [
      {
        Name: "Engine",
        Version: ENGINE_VERSION,
        Details: {
          ApiVersion: API_VERSION,
          Arch: "amd64",
          BuildTime: BUILD_TIME,
          Experimental: "false",
          GitCommit: "45873be",
          GoVersion: "go1.24.3",
          KernelVersion: KERNEL.release,
          MinAPIVersion: "1.24",
          Os: "linux",
        },
      },
      { Name: "containerd", Version: "1.7.27", Details: { GitCommit: "05044ec0a9a75232cad458027ca83437aae3f4da" } },
      { Name: "runc", Version: "1.2.5", Details: { GitCommit: "v1.2.5-0-g59923ef" } },
      { Name: "docker-init", Version: "0.19.0", Details: { GitCommit: "de40ad0" } },
      // Docker prints every component the daemon reports; this one says what the host really is.
      { Name: "mockdocker", Version: MOCKDOCKER_VERSION, Details: { Host: "simulated" } },
    ],
    Version: ENGINE_VERSION,
    ApiVersion: API_VERSION,
    MinAPIVersion: "1.24",
    GitCommit: "45873be",
    GoVersion: "go1.24.3",
    Os: "linux",
    Arch: "amd64",
    KernelVersion: KERNEL.release,
    BuildTime: BUILD_TIME,
  };
}

export function systemInfo(view: HostView): InfoDto {
  const containers = Object.values(view.state.containers);
  // daemon/info.go setStateCounter: by StateString, so a restarting container counts as stopped.
  const running = containers.filter((c) => c.state.running && !c.state.paused && !c.state.restarting).length;
  const paused = containers.filter((c) => c.state.paused).length;
  return {
    ID: view.state.host.id,
    Containers: containers.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: containers.length - running - paused,
    Images: Object.keys(view.state.images).length,
    Driver: "overlay2",
    DriverStatus: [
      ["Backing Filesystem", "extfs"],
      ["Supports d_type", "true"],
      ["Using metacopy", "false"],
      ["Native Overlay Diff", "true"],
      ["userxattr", "false"],
    ],
    Plugins: {
      Volume: ["local"],
      Network: ["bridge", "host", "ipvlan", "macvlan", "null", "overlay"],
      Authorization: null,
      Log: LOG_DRIVERS,
    },
    MemoryLimit: true,
    SwapLimit: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    NFd: 24 + containers.length * 3,
    OomKillDisable: false,
    NGoroutines: 40 + running * 8,
    SystemTime: rfc3339Nano(view.now),
    LoggingDriver: "json-file",
    CgroupDriver: "systemd",
    CgroupVersion: "2",
    NEventsListener: 0,
    KernelVersion: KERNEL.release,
    OperatingSystem: "mockdocker simulated host (Docker Engine 28.2.2)",
    OSVersion: "",
    OSType: "linux",
    Architecture: "x86_64",
    IndexServerAddress: "https://index.docker.io/v1/",
    RegistryConfig: {
      InsecureRegistryCIDRs: ["::1/128", "127.0.0.0/8"],
      IndexConfigs: {},
      Mirrors: [],
    },
    NCPU: 4,
    MemTotal: HOST_MEM_TOTAL_BYTES,
    GenericResources: null,
    DockerRootDir: "/var/lib/docker",
    HttpProxy: "",
    HttpsProxy: "",
    NoProxy: "",
    Name: view.state.host.name,
    Labels: ["com.mockdocker.simulated=true"],
    ExperimentalBuild: false,
    ServerVersion: ENGINE_VERSION,
    Runtimes: { "io.containerd.runc.v2": { path: "runc" }, runc: { path: "runc" } },
    DefaultRuntime: "runc",
    Swarm: { NodeID: "", NodeAddr: "", LocalNodeState: "inactive", ControlAvailable: false, Error: "", RemoteManagers: null },
    LiveRestoreEnabled: false,
    Isolation: "",
    InitBinary: "docker-init",
    ContainerdCommit: { ID: "05044ec0a9a75232cad458027ca83437aae3f4da" },
    RuncCommit: { ID: "v1.2.5-0-g59923ef" },
    InitCommit: { ID: "de40ad0" },
    SecurityOptions: ["name=seccomp,profile=builtin", "name=cgroupns"],
    CDISpecDirs: ["/etc/cdi", "/var/run/cdi"],
    Warnings: null,
  };
}
