// Flags of run/create -> ContainerCreateRequest, with docker's client-side checks in the
// order docker/cli cli/command/container/opts.go parse() makes them.
import type { ContainerCreateRequest } from "../../../client/api.js";
import type { Cli } from "../../../cli/types.js";
import type { MountSpec, ParsedFlags } from "../../../cli/spec.js";
import { kvToMap, readKVEnvStrings, readKVStrings } from "./kvfile.js";
import { parseNetworks } from "./network.js";
import { convertToStandardNotation, parseExpose, parsePortSpecs } from "./ports.js";
import { isNone, parseRestartPolicy } from "./restart.js";
import { splitVolumes } from "./volumes.js";
import { validatePullOpt } from "./create-container.js";
import { usageError } from "./errors.js";

export interface ContainerOptions {
  request: ContainerCreateRequest;
  /** Streams named with -a (empty: stdout and stderr). */
  attachFlags: string[];
  autoRemove: boolean;
  /** Warnings docker/cli prints itself before creating (create.go warnOn*). */
  warnings: string[];
}

const LOCALHOST_IP = /((127\.([0-9]{1,3}\.){2}[0-9]{1,3})|(::1)$)/;

function clientWarnings(req: ContainerCreateRequest, oomKillDisable: boolean): string[] {
  const out: string[] = [];
  if (oomKillDisable && req.hostConfig.memory === 0) {
    out.push("WARNING: Disabling the OOM killer on containers without setting a '-m/--memory' limit may be dangerous.");
  }
  const dns = req.hostConfig.dns.find((ip) => LOCALHOST_IP.test(ip));
  if (dns !== undefined) out.push(`WARNING: Localhost DNS setting (--dns=${dns}) may fail in containers.`);
  return out;
}

const MAC = /^([0-9a-fA-F]{2}([:-]))([0-9a-fA-F]{2}\2){4}[0-9a-fA-F]{2}$|^([0-9a-fA-F]{4}\.){2}[0-9a-fA-F]{4}$/;

function modeValid(kind: "pid" | "uts" | "userns" | "cgroupns", v: string): boolean {
  if (v === "") return true;
  if (kind === "cgroupns") return v === "host" || v === "private";
  if (kind === "pid") return v === "host" || (v.startsWith("container:") && v.length > "container:".length);
  return v === "host";
}

/** parseSecurityOpts: every option but no-new-privileges needs a value. */
function checkSecurityOpts(values: string[]): void {
  for (const opt of values) {
    let sep = opt.indexOf("=");
    const k = sep < 0 ? opt : opt.slice(0, sep);
    if (sep < 0 && k !== "no-new-privileges") sep = opt.indexOf(":");
    const v = sep < 0 ? "" : opt.slice(sep + 1);
    if ((sep < 0 || v === "") && k !== "no-new-privileges") throw new Error(`Invalid --security-opt: ${JSON.stringify(opt)}`);
  }
}

/** mount.VolumeOptions as Go marshals it: an empty label map is left out (omitempty). */
function volumeOptionsOf(o: NonNullable<MountSpec["VolumeOptions"]>) {
  return {
    ...(o.NoCopy ? { NoCopy: true } : {}),
    ...(Object.keys(o.Labels).length > 0 ? { Labels: { ...o.Labels } } : {}),
    DriverConfig: { ...o.DriverConfig, ...(o.DriverConfig.Options ? { Options: { ...o.DriverConfig.Options } } : {}) },
  };
}

/** The --mount specs as api/types/mount.Mount (options kept; HostConfig.Mounts shows them). */
function mountsOf(specs: MountSpec[]): ContainerCreateRequest["hostConfig"]["mounts"] {
  return specs.map((m) => ({
    Type: m.Type,
    ...(m.Source !== undefined ? { Source: m.Source } : {}),
    Target: m.Target,
    ...(m.ReadOnly ? { ReadOnly: true } : {}),
    ...(m.Consistency ? { Consistency: m.Consistency } : {}),
    ...(m.BindOptions ? { BindOptions: { ...m.BindOptions } } : {}),
    ...(m.VolumeOptions ? { VolumeOptions: volumeOptionsOf(m.VolumeOptions) } : {}),
    ...(m.TmpfsOptions ? { TmpfsOptions: { ...m.TmpfsOptions } } : {}),
  }));
}

/** parse(): throws Error with docker's text for invalid combinations. */
export function parseContainerOptions(cli: Cli, flags: ParsedFlags, args: string[]): ContainerOptions {
  const v = flags.values;
  const str = (name: string) => String(v[name] ?? "");
  const list = (name: string) => (v[name] as string[] | undefined) ?? [];
  const num = (name: string) => Number(v[name] ?? 0);
  const bool = (name: string) => v[name] === true;

  const attachFlags = list("attach");
  const stdin = bool("interactive");
  let attachStdin = attachFlags.includes("stdin") || stdin;
  let attachStdout = attachFlags.includes("stdout");
  let attachStderr = attachFlags.includes("stderr");
  if (attachFlags.length === 0) attachStdout = attachStderr = true;

  const mac = str("mac-address");
  if (mac !== "" && !MAC.test(mac)) throw new Error(`${mac} is not a valid mac address`);
  const swappiness = num("memory-swappiness");
  if (swappiness !== -1 && (swappiness < 0 || swappiness > 100)) {
    throw new Error(`invalid value: ${swappiness}. Valid memory swappiness range is 0-100`);
  }

  const { binds, volumes } = splitVolumes(list("volume"), cli.env.PWD);
  const tmpfs: Record<string, string> = {};
  for (const t of list("tmpfs")) {
    const colon = t.indexOf(":");
    tmpfs[colon < 0 ? t : t.slice(0, colon)] = colon < 0 ? "" : t.slice(colon + 1);
  }

  const entrypoint = str("entrypoint");
  const entrypointReset = entrypoint === "" && flags.changed.has("entrypoint");

  const { exposed, bindings } = parsePortSpecs(convertToStandardNotation(list("publish")));
  parseExpose(list("expose"), exposed);

  const env = readKVEnvStrings(cli.files, list("env-file"), list("env"), cli.env);
  const labels = readKVStrings(cli.files, list("label-file"), list("label"));

  if (!modeValid("pid", str("pid"))) throw new Error("--pid: invalid PID mode");
  if (!modeValid("uts", str("uts"))) throw new Error("--uts: invalid UTS mode");
  if (!modeValid("userns", str("userns"))) throw new Error("--userns: invalid USER mode");
  if (!modeValid("cgroupns", str("cgroupns"))) throw new Error("--cgroupns: invalid CGROUP mode");

  const restartPolicy = parseRestartPolicy(str("restart"));
  const logDriver = str("log-driver");
  if (logDriver === "none" && list("log-opt").length > 0) throw new Error(`invalid logging opts for driver ${logDriver}`);
  checkSecurityOpts(list("security-opt"));
  if (list("storage-opt").some((o) => !o.includes("="))) throw new Error("invalid storage option");

  const health = ["health-cmd", "health-interval", "health-timeout", "health-start-period", "health-retries"];
  const haveHealth = str("health-cmd") !== "" || health.slice(1).some((h) => num(h) !== 0) || num("health-start-interval") !== 0;
  if (bool("no-healthcheck") && haveHealth) throw new Error("--no-healthcheck conflicts with --health-* options");
  if (haveHealth) {
    for (const h of ["health-interval", "health-timeout", "health-retries", "health-start-period", "health-start-interval"]) {
      if (num(h) < 0) throw new Error(`--${h} cannot be negative`);
    }
  }

  const autoRemove = bool("rm");
  if (autoRemove && !isNone(restartPolicy)) throw new Error("conflicting options: cannot specify both --restart and --rm");

  // --net and --net-alias are docker's hidden spellings of the same options.
  const network = parseNetworks([...list("net"), ...list("network")], [...list("net-alias"), ...list("network-alias")], str("ip"), mac, str("ip6"));
  const openStdin = stdin;
  const pidsLimit = num("pids-limit");
  // command.AddPlatformFlag: the flag defaults to DOCKER_DEFAULT_PLATFORM.
  const platform = flags.changed.has("platform") ? str("platform") : (cli.env.DOCKER_DEFAULT_PLATFORM ?? "");

  const request: ContainerCreateRequest = {
    ...(str("name") !== "" ? { name: str("name") } : {}),
    image: args[0]!,
    ...(args.length > 1 ? { cmd: args.slice(1) } : {}),
    ...(entrypoint !== "" ? { entrypoint: [entrypoint] } : {}),
    ...(entrypointReset ? { entrypointReset: true } : {}),
    env,
    labels: kvToMap(labels),
    ...(str("workdir") !== "" ? { workingDir: str("workdir") } : {}),
    ...(str("user") !== "" ? { user: str("user") } : {}),
    ...(str("hostname") !== "" ? { hostname: str("hostname") } : {}),
    ...(str("domainname") !== "" ? { domainname: str("domainname") } : {}),
    tty: bool("tty"),
    openStdin,
    stdinOnce: openStdin && attachStdin,
    attachStdin,
    attachStdout,
    attachStderr,
    exposedPorts: exposed,
    ...(flags.changed.has("stop-signal") ? { stopSignal: str("stop-signal") } : {}),
    ...(flags.changed.has("stop-timeout") ? { stopTimeout: num("stop-timeout") } : {}),
    volumes,
    hostConfig: {
      binds,
      containerIdFile: str("cidfile"),
      networkMode: network.mode,
      portBindings: bindings,
      publishAllPorts: bool("publish-all"),
      restartPolicy: { Name: restartPolicy.Name || "no", MaximumRetryCount: restartPolicy.MaximumRetryCount },
      autoRemove,
      volumesFrom: list("volumes-from"),
      capAdd: list("cap-add"),
      capDrop: list("cap-drop"),
      dns: list("dns"),
      dnsOptions: list("dns-option"),
      dnsSearch: list("dns-search"),
      extraHosts: list("add-host"),
      links: list("link"),
      privileged: bool("privileged"),
      readonlyRootfs: bool("read-only"),
      tmpfs,
      ...(flags.changed.has("init") ? { init: bool("init") } : {}),
      shmSize: num("shm-size"),
      memory: num("memory"),
      memoryReservation: num("memory-reservation"),
      memorySwap: num("memory-swap"),
      nanoCpus: num("cpus"),
      cpuShares: num("cpu-shares"),
      cpusetCpus: str("cpuset-cpus"),
      ...(pidsLimit > 0 ? { pidsLimit } : {}),
      ...(num("cpu-period") !== 0 ? { cpuPeriod: num("cpu-period") } : {}),
      ...(num("cpu-quota") !== 0 ? { cpuQuota: num("cpu-quota") } : {}),
      ...(str("cpuset-mems") !== "" ? { cpusetMems: str("cpuset-mems") } : {}),
      ...(num("blkio-weight") !== 0 ? { blkioWeight: num("blkio-weight") } : {}),
      ...(bool("oom-kill-disable") ? { oomKillDisable: true } : {}),
      mounts: mountsOf((v.mount as MountSpec[] | undefined) ?? []),
      ...(logDriver !== "" ? { logDriver } : {}),
      ...(list("log-opt").length > 0 ? { logOpts: kvToMap(list("log-opt")) } : {}),
    },
    networking: {
      aliases: network.aliases,
      ...(network.ipv4Address ? { ipv4Address: network.ipv4Address } : {}),
      ...(network.ipv6Address ? { ipv6Address: network.ipv6Address } : {}),
      ...(network.macAddress ? { macAddress: network.macAddress } : {}),
      ...(network.extra.length > 0 ? { extra: network.extra } : {}),
    },
    ...(platform !== "" ? { platform } : {}),
  };
  return { request, attachFlags, autoRemove, warnings: clientWarnings(request, bool("oom-kill-disable")) };
}

/** The flag checks run and create share (cli/command/container/run.go, create.go): --pull, then the options. */
export function parseCreateFlags(cli: Cli, flags: ParsedFlags, args: string[], command: "run" | "create"): { container: ContainerOptions; pull: string } {
  const pull = String(flags.values.pull ?? "missing");
  try {
    validatePullOpt(pull);
    return { container: parseContainerOptions(cli, flags, args), pull };
  } catch (e) {
    throw usageError(e, command);
  }
}
