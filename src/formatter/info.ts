// docker info (docker/cli v28: cli/command/system/info.go): the `info` structure templates
// run over (the daemon's system.Info inlined, plus ClientInfo), prettyPrintInfo's layout
// (Fprintln: one space between label and value) and the server warnings.
import type { InfoDto } from "../client/api.js";
import { goJson } from "./json.js";
import { executePartial, GO_MAP, GO_TYPE, parseTemplate, TemplateError } from "./template/index.js";
import { bytesSize } from "./units.js";
import { ClientVersion } from "./version.js";

/** clientInfo: debug flag, the client version (embedded) and CLI plugins (none here). */
export class ClientInfo extends ClientVersion {
  override readonly [GO_TYPE]: string = "*system.clientInfo";
  Debug: boolean;
  Plugins: unknown[] = [];
  Warnings: string[] | null = null;

  constructor(context = "default", debug = false) {
    // docker info does not negotiate an API version for the client section.
    super(context, "");
    this.Debug = debug;
  }

  override MarshalJSON(): string {
    return goJson(Object.fromEntries([["Debug", this.Debug], ...this.jsonFields(), ["Plugins", this.Plugins], ["Warnings", this.Warnings]]));
  }
}

// Go field names whose json names differ (system.Info tags), for templates.
const goFieldAliases: Record<string, string> = {
  CPUCfsPeriod: "CpuCfsPeriod",
  CPUCfsQuota: "CpuCfsQuota",
  HTTPProxy: "HttpProxy",
  HTTPSProxy: "HttpsProxy",
};

/** Fields that are Go maps in system.Info (printed and ranged as maps). */
function markMaps(info: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(info);
  const mark = (v: unknown) => {
    if (v && typeof v === "object") Object.defineProperty(v, GO_MAP, { value: true });
  };
  mark(out.Runtimes);
  mark((out.RegistryConfig as Record<string, unknown> | undefined)?.IndexConfigs);
  return out;
}

/** The `info` value: server fields inline (json order), then ClientInfo. */
export function infoData(server: InfoDto | null, client: ClientInfo): Record<string, unknown> {
  const data: Record<string, unknown> = server ? markMaps(server) : {};
  data.ClientInfo = client;
  // docker/cli v28.2.2: cli/command/system/info.go names the struct dockerInfo.
  Object.defineProperty(data, GO_TYPE, { value: "system.dockerInfo" });
  for (const [goName, jsonName] of Object.entries(goFieldAliases)) {
    if (server && jsonName in server) Object.defineProperty(data, goName, { get: () => data[jsonName] });
  }
  return data;
}

/** An unparsable --format: the CLI exits 64 with this text. */
export class InfoFormatError extends Error {
  override name = "InfoFormatError";
}

export interface InfoOutput {
  out: string;
  err: string;
  /** A template execution error, reported after the output (exit 1). */
  error?: string;
}

/** formatInfo: "json" is {{json .}}; the output always ends with a newline. Throws InfoFormatError. */
export function formatInfoTemplate(format: string, data: Record<string, unknown>): InfoOutput {
  const text = format === "json" ? "{{json .}}" : format;
  let tmpl;
  try {
    tmpl = parseTemplate(text);
  } catch (e) {
    if (e instanceof TemplateError) throw new InfoFormatError(`template parsing error: ${e.message}`);
    throw e;
  }
  const r = executePartial(tmpl, data);
  const out: InfoOutput = { out: r.output + "\n", err: "" };
  if (r.error) out.error = r.error.message;
  return out;
}

/** needsServerInfo: a template with placeholders that runs without server fields needs no daemon. */
export function needsServerInfo(format: string, client: ClientInfo): boolean {
  if (format === "" || !/\.[a-zA-Z]/.test(format)) return true;
  try {
    const r = executePartial(parseTemplate(format === "json" ? "{{json .}}" : format), infoData(null, client));
    return r.error !== undefined;
  } catch {
    return true;
  }
}

// The daemon's info is loosely typed JSON; fields are read as docker's code reads them.
type Info = Record<string, any>;

interface SecurityOpt {
  Name: string;
  Options: Array<{ Key: string; Value: string }>;
}

/** system.DecodeSecurityOptions. */
function decodeSecurityOptions(opts: readonly string[]): SecurityOpt[] {
  return opts.map((opt) => {
    if (!opt.includes("=")) return { Name: opt, Options: [] };
    const so: SecurityOpt = { Name: "", Options: [] };
    for (const s of opt.split(",")) {
      const i = s.indexOf("=");
      const [k, v] = i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + 1)];
      if (k === "name") so.Name = v;
      else so.Options.push({ Key: k, Value: v });
    }
    return so;
  });
}

const str = (v: unknown): string => (v === undefined || v === null ? "" : String(v));

class Lines {
  text = "";
  ln(...parts: unknown[]): void {
    this.text += parts.map(str).join(" ") + "\n";
  }
  nonEmpty(label: string, value: unknown): void {
    if (str(value) !== "") this.ln(label, value);
  }
}

function serverWarnings(info: Info): string {
  const warnings = (info.Warnings as string[] | null) ?? [];
  if (warnings.length > 0) return warnings.join("\n") + "\n";
  if (info.OSType === "windows") return "";
  const w = new Lines();
  for (const so of decodeSecurityOptions((info.SecurityOptions as string[] | null) ?? [])) {
    if (so.Name !== "seccomp") continue;
    for (const o of so.Options) {
      if (o.Key === "profile" && o.Value !== "default" && o.Value !== "builtin") w.ln("WARNING: You're not using the default seccomp profile");
    }
  }
  if (!info.MemoryLimit) w.ln("WARNING: No memory limit support");
  if (!info.SwapLimit) w.ln("WARNING: No swap limit support");
  if (!info.OomKillDisable && info.CgroupVersion !== "2") w.ln("WARNING: No oom kill disable support");
  if (!info.CpuCfsQuota) w.ln("WARNING: No cpu cfs quota support");
  if (!info.CpuCfsPeriod) w.ln("WARNING: No cpu cfs period support");
  if (!info.CPUShares) w.ln("WARNING: No cpu shares support");
  if (!info.CPUSet) w.ln("WARNING: No cpuset support");
  if (!info.IPv4Forwarding) w.ln("WARNING: IPv4 forwarding is disabled");
  return w.text;
}

function serverInfo(info: Info, o: Lines, userName: string): void {
  o.ln(" Containers:", info.Containers);
  o.ln("  Running:", info.ContainersRunning);
  o.ln("  Paused:", info.ContainersPaused);
  o.ln("  Stopped:", info.ContainersStopped);
  o.ln(" Images:", info.Images);
  o.nonEmpty(" Server Version:", info.ServerVersion);
  o.nonEmpty(" Storage Driver:", info.Driver);
  for (const [k, v] of (info.DriverStatus as string[][] | null) ?? []) o.text += `  ${k}: ${v}\n`;
  for (const [k, v] of (info.SystemStatus as string[][] | null) ?? []) o.text += ` ${k}: ${v}\n`;
  o.nonEmpty(" Logging Driver:", info.LoggingDriver);
  o.nonEmpty(" Cgroup Driver:", info.CgroupDriver);
  o.nonEmpty(" Cgroup Version:", info.CgroupVersion);
  const plugins = info.Plugins ?? {};
  const join = (a: string[] | null | undefined) => (a ?? []).join(" ");
  o.ln(" Plugins:");
  o.ln("  Volume:", join(plugins.Volume));
  o.ln("  Network:", join(plugins.Network));
  if ((plugins.Authorization ?? []).length > 0) o.ln("  Authorization:", join(plugins.Authorization));
  o.ln("  Log:", join(plugins.Log));
  const cdi = (info.CDISpecDirs as string[] | null) ?? [];
  if (cdi.length > 0) {
    o.ln(" CDI spec directories:");
    for (const d of cdi) o.ln("  " + d);
  }
  o.ln(" Swarm:", info.Swarm?.LocalNodeState);
  const runtimes = Object.keys(info.Runtimes ?? {});
  if (runtimes.length > 0) {
    o.ln(" Runtimes:", runtimes.join(" "));
    o.ln(" Default Runtime:", info.DefaultRuntime);
  }
  if (info.OSType === "linux") {
    o.ln(" Init Binary:", info.InitBinary);
    o.ln(" containerd version:", info.ContainerdCommit?.ID ?? "");
    o.ln(" runc version:", info.RuncCommit?.ID ?? "");
    o.ln(" init version:", info.InitCommit?.ID ?? "");
    const secopts = (info.SecurityOptions as string[] | null) ?? [];
    if (secopts.length > 0) {
      o.ln(" Security Options:");
      for (const so of decodeSecurityOptions(secopts)) {
        o.ln("  " + so.Name);
        for (const opt of so.Options) if (opt.Key === "profile") o.ln("   Profile:", opt.Value);
      }
    }
  }
  if (info.OSType === "windows") o.text += ` Default Isolation: ${str(info.Isolation)}\n`;
  o.nonEmpty(" Kernel Version:", info.KernelVersion);
  o.nonEmpty(" Operating System:", info.OperatingSystem);
  o.nonEmpty(" OSType:", info.OSType);
  o.nonEmpty(" Architecture:", info.Architecture);
  o.ln(" CPUs:", info.NCPU);
  o.ln(" Total Memory:", bytesSize(Number(info.MemTotal ?? 0)));
  o.nonEmpty(" Name:", info.Name);
  o.nonEmpty(" ID:", info.ID);
  o.ln(" Docker Root Dir:", info.DockerRootDir);
  o.ln(" Debug Mode:", info.Debug === true);
  if (info.Debug === true) {
    o.ln("  File Descriptors:", info.NFd);
    o.ln("  Goroutines:", info.NGoroutines);
    o.ln("  System Time:", info.SystemTime);
    o.ln("  EventsListeners:", info.NEventsListener);
  }
  o.nonEmpty(" HTTP Proxy:", info.HttpProxy);
  o.nonEmpty(" HTTPS Proxy:", info.HttpsProxy);
  o.nonEmpty(" No Proxy:", info.NoProxy);
  o.nonEmpty(" Username:", userName);
  const labels = (info.Labels as string[] | null) ?? [];
  if (labels.length > 0) {
    o.ln(" Labels:");
    for (const l of labels) o.ln("  " + l);
  }
  o.ln(" Experimental:", info.ExperimentalBuild === true);
  const reg = info.RegistryConfig;
  const cidrs = (reg?.InsecureRegistryCIDRs as string[] | null) ?? [];
  const indexConfigs = Object.values((reg?.IndexConfigs ?? {}) as Record<string, { Name: string; Secure: boolean }>);
  if (reg && (cidrs.length > 0 || indexConfigs.length > 0)) {
    o.ln(" Insecure Registries:");
    for (const c of indexConfigs.sort((a, b) => (a.Name < b.Name ? -1 : 1))) if (!c.Secure) o.ln("  " + c.Name);
    for (const c of cidrs) o.text += `  ${c}\n`;
  }
  const mirrors = (reg?.Mirrors as string[] | null) ?? [];
  if (mirrors.length > 0) {
    o.ln(" Registry Mirrors:");
    for (const m of mirrors) o.ln("  " + m);
  }
  o.ln(" Live Restore Enabled:", info.LiveRestoreEnabled === true);
  if (str(info.ProductLicense) !== "") o.ln(" Product License:", info.ProductLicense);
  const pools = (info.DefaultAddressPools as Array<{ Base: string; Size: number }> | null) ?? [];
  if (pools.length > 0) {
    o.ln(" Default Address Pools:");
    for (const p of pools) o.text += `   Base: ${p.Base}, Size: ${p.Size}\n`;
  }
  o.ln();
}

/** prettyPrintInfo: the Client block, then `Server:` and the server block (warnings go to stderr). */
export function formatInfoPretty(server: InfoDto | null, client: ClientInfo, userName = ""): InfoOutput {
  const o = new Lines();
  const platform = client.Platform?.Name ?? "";
  if (platform !== "") o.ln("Client:", platform);
  else o.ln("Client:");
  o.nonEmpty(" Version:   ", client.Version);
  o.ln(" Context:   ", client.Context);
  o.ln(" Debug Mode:", client.Debug);
  o.ln();
  o.ln("Server:");
  let err = "";
  if (server) {
    serverInfo(server as Info, o, userName);
    err = serverWarnings(server as Info);
  }
  return { out: o.text, err };
}
