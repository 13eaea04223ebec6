// docker version (docker/cli v28: cli/command/system/version.go): the versionInfo data the
// template runs over, docker's default template, and tabwriter(20, 1, 1, ' ', 0) layout.
import type { VersionInfo } from "../client/api.js";
import { goJson } from "./json.js";
import { TabWriter } from "./tabwriter.js";
import { executePartial, GO_MAP, GO_TYPE, parseTemplate, TemplateError, dockerFuncs, type FuncMap, type Template } from "./template/index.js";
import { ansic } from "./time.js";

/** The client binary mockdocker stands in for. */
export const CLIENT_BUILD = {
  platformName: "Docker Engine - Community",
  version: "28.2.2",
  apiVersion: "1.50",
  gitCommit: "e6534b4",
  goVersion: "go1.24.3",
  os: "linux",
  arch: "amd64",
  buildTime: "Fri May 30 12:07:14 2025",
} as const;

const defaultVersionTemplate = `{{with .Client -}}
Client:{{if ne .Platform nil}}{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}{{end}}
 Version:\t{{.Version}}
 API version:\t{{.APIVersion}}{{if ne .APIVersion .DefaultAPIVersion}} (downgraded from {{.DefaultAPIVersion}}){{end}}
 Go version:\t{{.GoVersion}}
 Git commit:\t{{.GitCommit}}
 Built:\t{{.BuildTime}}
 OS/Arch:\t{{.Os}}/{{.Arch}}
 Context:\t{{.Context}}
{{- end}}

{{- if .ServerOK}}{{with .Server}}

Server:{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}
 {{- range $component := .Components}}
 {{$component.Name}}:
  {{- if eq $component.Name "Engine" }}
  Version:\t{{.Version}}
  API version:\t{{index .Details "ApiVersion"}} (minimum version {{index .Details "MinAPIVersion"}})
  Go version:\t{{index .Details "GoVersion"}}
  Git commit:\t{{index .Details "GitCommit"}}
  Built:\t{{index .Details "BuildTime"}}
  OS/Arch:\t{{index .Details "Os"}}/{{index .Details "Arch"}}
  Experimental:\t{{index .Details "Experimental"}}
  {{- else }}
  Version:\t{{$component.Version}}
  {{- $detailsOrder := getDetailsOrder $component}}
  {{- range $key := $detailsOrder}}
  {{$key}}:\t{{index $component.Details $key}}
   {{- end}}
  {{- end}}
 {{- end}}
 {{- end}}{{- end}}`;

/** platformInfo (json "Name,omitempty"). */
class PlatformInfo {
  readonly [GO_TYPE] = "*system.platformInfo";
  constructor(readonly Name: string) {}
  MarshalJSON(): string {
    return this.Name === "" ? "{}" : goJson({ Name: this.Name });
  }
}

/** clientVersion: Go field names for templates, json tags on output. */
export class ClientVersion {
  readonly [GO_TYPE]: string = "system.clientVersion";
  Platform: PlatformInfo | null = new PlatformInfo(CLIENT_BUILD.platformName);
  Version: string = CLIENT_BUILD.version;
  APIVersion: string;
  DefaultAPIVersion: string = CLIENT_BUILD.apiVersion;
  GitCommit: string = CLIENT_BUILD.gitCommit;
  GoVersion: string = CLIENT_BUILD.goVersion;
  Os: string = CLIENT_BUILD.os;
  Arch: string = CLIENT_BUILD.arch;
  BuildTime: string = CLIENT_BUILD.buildTime;
  Context: string;

  /** apiVersion "" leaves it out, as `docker info` (which does not negotiate) does. */
  constructor(context: string, apiVersion: string = CLIENT_BUILD.apiVersion) {
    this.Context = context;
    this.APIVersion = apiVersion;
  }

  /** The fields in json order, with their json names and omitempty rules. */
  jsonFields(): Array<[string, unknown]> {
    const f: Array<[string, unknown]> = [];
    if (this.Platform) f.push(["Platform", this.Platform]);
    f.push(["Version", this.Version]);
    if (this.APIVersion !== "") f.push(["ApiVersion", this.APIVersion]);
    if (this.DefaultAPIVersion !== "") f.push(["DefaultAPIVersion", this.DefaultAPIVersion]);
    f.push(["GitCommit", this.GitCommit], ["GoVersion", this.GoVersion], ["Os", this.Os], ["Arch", this.Arch]);
    if (this.BuildTime !== "") f.push(["BuildTime", this.BuildTime]);
    f.push(["Context", this.Context]);
    return f;
  }

  MarshalJSON(): string {
    return goJson(Object.fromEntries(this.jsonFields()));
  }
}

type Details = Record<string, string>;

/** A Go map[string]string: keys kept sorted, as Go prints, ranges and marshals them. */
function goStringMap(entries: Iterable<[string, string]>): Details {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const m: Details = Object.fromEntries(sorted);
  Object.defineProperty(m, GO_MAP, { value: true });
  Object.defineProperty(m, GO_TYPE, { value: "map[string]string" });
  return m;
}

class ComponentVersion {
  readonly [GO_TYPE] = "types.ComponentVersion";
  constructor(
    readonly Name: string,
    readonly Version: string,
    readonly Details: Details | null,
  ) {}
  MarshalJSON(): string {
    const o: Record<string, unknown> = { Name: this.Name, Version: this.Version };
    if (this.Details && Object.keys(this.Details).length > 0) o.Details = this.Details;
    return goJson(o);
  }
}

/** types.Version as the CLI holds it (json ApiVersion for the Go field APIVersion). */
class ServerVersion {
  readonly [GO_TYPE] = "*types.Version";
  readonly Platform: { Name: string };
  readonly Components: ComponentVersion[];
  readonly Version: string;
  readonly APIVersion: string;
  readonly MinAPIVersion: string;
  readonly GitCommit: string;
  readonly GoVersion: string;
  readonly Os: string;
  readonly Arch: string;
  readonly KernelVersion: string;
  readonly Experimental: boolean;
  readonly BuildTime: string;

  constructor(v: VersionInfo, components: ComponentVersion[]) {
    this.Platform = { Name: v.Platform?.Name ?? "" };
    Object.defineProperty(this.Platform, GO_TYPE, { value: "struct { Name string }" });
    this.Components = components;
    this.Version = v.Version;
    this.APIVersion = v.ApiVersion;
    this.MinAPIVersion = v.MinAPIVersion;
    this.GitCommit = v.GitCommit;
    this.GoVersion = v.GoVersion;
    this.Os = v.Os;
    this.Arch = v.Arch;
    this.KernelVersion = v.KernelVersion;
    this.Experimental = v.Experimental === true;
    this.BuildTime = v.BuildTime;
  }

  MarshalJSON(): string {
    const o: Record<string, unknown> = { Platform: this.Platform };
    if (this.Components.length > 0) o.Components = this.Components;
    Object.assign(o, { Version: this.Version, ApiVersion: this.APIVersion });
    if (this.MinAPIVersion !== "") o.MinAPIVersion = this.MinAPIVersion;
    Object.assign(o, { GitCommit: this.GitCommit, GoVersion: this.GoVersion, Os: this.Os, Arch: this.Arch });
    if (this.KernelVersion !== "") o.KernelVersion = this.KernelVersion;
    if (this.Experimental) o.Experimental = true;
    if (this.BuildTime !== "") o.BuildTime = this.BuildTime;
    return goJson(o);
  }
}

/** version.go reformatDate: an RFC 3339 time becomes time.ANSIC in its own offset. */
export function reformatDate(buildTime: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/.exec(buildTime);
  if (!m) return buildTime;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(wall) ? buildTime : ansic(wall);
}

/** runVersion: the server part as the CLI shows it (Engine BuildTime reformatted; Engine added if missing). */
function serverVersion(v: VersionInfo): ServerVersion {
  const components = (v.Components ?? []).map((c) => {
    const details = { ...(c.Details ?? {}) };
    if (c.Name === "Engine" && details.BuildTime !== undefined) details.BuildTime = reformatDate(details.BuildTime);
    return new ComponentVersion(c.Name, c.Version, c.Details ? goStringMap(Object.entries(details)) : null);
  });
  if (!components.some((c) => c.Name === "Engine")) {
    components.push(
      new ComponentVersion(
        "Engine",
        v.Version,
        goStringMap([
          ["ApiVersion", v.ApiVersion],
          ["MinAPIVersion", v.MinAPIVersion],
          ["GitCommit", v.GitCommit],
          ["GoVersion", v.GoVersion],
          ["Os", v.Os],
          ["Arch", v.Arch],
          ["BuildTime", reformatDate(v.BuildTime)],
          ["Experimental", String(v.Experimental === true)],
        ]),
      ),
    );
  }
  return new ServerVersion(v, components);
}

class VersionData {
  readonly [GO_TYPE] = "system.versionInfo";
  constructor(
    readonly Client: ClientVersion,
    readonly Server: ServerVersion | null,
  ) {}
  ServerOK(): boolean {
    return this.Server !== null;
  }
  MarshalJSON(): string {
    return goJson({ Client: this.Client, Server: this.Server });
  }
}

const versionFuncs: FuncMap = {
  ...dockerFuncs,
  getDetailsOrder: {
    params: ["any"],
    fn: (c: unknown) => Object.keys((c as ComponentVersion).Details ?? {}).sort(),
  },
};

/** A --format that does not parse: the CLI exits 64 with this text. */
export class VersionFormatError extends Error {
  override name = "VersionFormatError";
}

/** newVersionTemplate: "" is docker's layout, "json" is {{json .}}. Throws VersionFormatError. */
export function parseVersionFormat(format: string): Template {
  const text = format === "" ? defaultVersionTemplate : format === "json" ? "{{json .}}" : format;
  try {
    return parseTemplate(text, { name: "version", funcs: versionFuncs });
  } catch (e) {
    if (e instanceof TemplateError) throw new VersionFormatError(`template parsing error: ${e.message}`);
    throw e;
  }
}

export interface VersionOutput {
  /** What is printed (even when the template failed part-way). */
  text: string;
  /** The template's execution error, reported after the text (exit 1). */
  error?: string;
}

/** prettyPrintVersion: run the template over {Client, Server}, lay out with tabwriter(20, 1, 1). */
export function formatVersion(tmpl: Template, server: VersionInfo | null, context = "default"): VersionOutput {
  const data = new VersionData(new ClientVersion(context), server ? serverVersion(server) : null);
  const r = executePartial(tmpl, data);
  const tw = new TabWriter({ minwidth: 20, tabwidth: 1, padding: 1, padchar: " " });
  tw.write(r.output);
  tw.write("\n");
  const out: VersionOutput = { text: tw.flush() };
  if (r.error) out.error = r.error.message;
  return out;
}
