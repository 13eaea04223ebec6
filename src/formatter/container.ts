// docker ps rows (docker/cli v28: cli/command/formatter/container.go ContainerContext),
// plus the small layouts of `docker top` and `docker port`.
import type { ContainerSummary, TopResult } from "../client/api.js";
import { familiarString, parseNormalizedNamed, trimNamed } from "../client/reference.js";
import { goJson } from "./json.js";
import { FormatError, renderContexts } from "./format.js";
import { displayablePorts, joinHostPort } from "./ports.js";
import { ellipsis, goQuote, truncateId, joinLabels } from "./strings.js";
import { TabWriter } from "./tabwriter.js";
import { executePartial, GO_TYPE, parseTemplate, type Template } from "./template/index.js";
import { goNil } from "./template/values.js";
import { goTimeString } from "./time.js";
import { humanSizeWithPrecision } from "./units.js";
import { containerHeaders, defaultContainerTableFormat, defaultQuietFormat, runningFor } from "./container-columns.js";

export { containerHeaders, defaultContainerTableFormat, defaultQuietFormat, runningFor };

/** NewContainerFormat: the template text for a --format source ("" and "table" are the default table). */
export function newContainerFormat(source: string, quiet: boolean, size: boolean): string {
  switch (source) {
    case "table":
    case "":
      if (quiet) return defaultQuietFormat;
      return size ? defaultContainerTableFormat + "\t{{.Size}}" : defaultContainerTableFormat;
    case "raw": {
      if (quiet) return "container_id: {{.ID}}";
      const format =
        "container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\n" +
        "state: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\n" +
        "labels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n";
      return size ? format + "size: {{.Size}}\\n" : format;
    }
    default:
      return quiet ? defaultQuietFormat : source;
  }
}

/** An OCI platform as the ps `Platform` field marshals it (ocispec.Platform, omitempty). */
export interface OciPlatform {
  architecture: string;
  os: string;
  "os.version"?: string;
  "os.features"?: string[];
  variant?: string;
}

/** A summary as ps sees it; API 1.48+ may carry the image's manifest descriptor. */
export type ContainerRow = ContainerSummary & { ImageManifestDescriptor?: { platform?: OciPlatform } };

/** Platform is a Stringer in Go (platforms.FormatAll); JSON keeps the struct. */
class PlatformValue {
  readonly [GO_TYPE] = "*formatter.Platform";
  readonly #p: OciPlatform;
  constructor(p: OciPlatform) {
    this.#p = p;
  }
  String(): string {
    let s = `${this.#p.os}/${this.#p.architecture}`;
    if (this.#p.variant) s += `/${this.#p.variant}`;
    if (this.#p["os.version"]) s += `(${this.#p["os.version"]})`;
    return s;
  }
  MarshalJSON(): string {
    return goJson(this.#p);
  }
}

export interface ContainerContextOptions {
  /** Truncate IDs, commands, names and mounts (everything but --no-trunc). */
  trunc: boolean;
  /** The client's clock, ms since the epoch (RunningFor). */
  now: number;
  /** The client's TZ (CreatedAt); undefined or "" is UTC. */
  tz?: string;
}

/** A row with nothing in it: the probe for --format checks, and the base of partial rows. */
export const EMPTY_CONTAINER_ROW: Readonly<ContainerRow> = {
  Id: "",
  Names: [],
  Image: "",
  ImageID: "",
  Command: "",
  Created: 0,
  Ports: [],
  Labels: {},
  State: "",
  Status: "",
  HostConfig: { NetworkMode: "" },
  NetworkSettings: { Networks: {} },
  Mounts: [],
};

/**
 * The methods a ps template may call; names are docker's. State lives in private fields
 * so templates see only the methods, as Go templates see only exported ones.
 */
export class ContainerContext {
  readonly [GO_TYPE] = "*formatter.ContainerContext";
  readonly #c: ContainerRow;
  readonly #opts: ContainerContextOptions;
  #sizeUsed = false;

  constructor(c: ContainerRow = EMPTY_CONTAINER_ROW, opts: ContainerContextOptions = { trunc: true, now: 0 }) {
    this.#c = c;
    this.#opts = opts;
  }

  /** Whether a template called Size (docker's FieldsUsed["Size"]). */
  static sizeUsed(ctx: ContainerContext): boolean {
    return ctx.#sizeUsed;
  }

  ID(): string {
    return this.#opts.trunc ? truncateId(this.#c.Id) : this.#c.Id;
  }

  Names(): string {
    const names: string[] = [];
    for (const n of this.#c.Names ?? []) {
      const name = n.startsWith("/") ? n.slice(1) : n;
      if (this.#opts.trunc) {
        // Only the first name that is not a legacy link alias ("other/alias").
        if (!name.includes("/")) return name;
        continue;
      }
      names.push(name);
    }
    return names.join(",");
  }

  Image(): string {
    const image = this.#c.Image;
    if (image === "") return "<no image>";
    if (!this.#opts.trunc) return image;
    const short = truncateId(this.#c.ImageID);
    if (short === truncateId(image)) return short;
    try {
      let ref = parseNormalizedNamed(image);
      if (ref.digest) ref = ref.tag ? { ...trimNamed(ref), tag: ref.tag } : trimNamed(ref);
      return familiarString(ref);
    } catch {
      return image;
    }
  }

  Command(): string {
    const command = this.#opts.trunc ? ellipsis(this.#c.Command, 20) : this.#c.Command;
    return goQuote(command);
  }

  CreatedAt(): string {
    return goTimeStringInZone(this.#c.Created * 1000, this.#opts.tz);
  }

  RunningFor(): string {
    return runningFor(this.#c.Created, this.#opts.now);
  }

  Platform(): object {
    const p = this.#c.ImageManifestDescriptor?.platform;
    return p ? new PlatformValue(p) : goNil("*formatter.Platform");
  }

  Ports(): string {
    return displayablePorts(this.#c.Ports ?? []);
  }

  State(): string {
    return this.#c.State;
  }

  Status(): string {
    return this.#c.Status;
  }

  Size(): string {
    this.#sizeUsed = true;
    const srw = humanSizeWithPrecision(this.#c.SizeRw ?? 0, 3);
    const rootfs = this.#c.SizeRootFs ?? 0;
    return rootfs > 0 ? `${srw} (virtual ${humanSizeWithPrecision(rootfs, 3)})` : srw;
  }

  Labels(): string {
    return joinLabels(this.#c.Labels);
  }

  Label(name: string): string {
    return this.#c.Labels?.[name] ?? "";
  }

  Mounts(): string {
    return (this.#c.Mounts ?? [])
      .map((m) => {
        const name = m.Name ? m.Name : m.Source;
        return this.#opts.trunc ? ellipsis(name, 15) : name;
      })
      .join(",");
  }

  LocalVolumes(): string {
    return String((this.#c.Mounts ?? []).filter((m) => m.Driver === "local").length);
  }

  Networks(): string {
    return Object.keys(this.#c.NetworkSettings?.Networks ?? {}).join(",");
  }

  /** formatter.MarshalJSON: every zero-argument method, keys sorted, HTML escaped. */
  MarshalJSON(): string {
    const fields = new Map<string, unknown>();
    for (const key of Object.keys(containerHeaders)) {
      fields.set(key, (this as unknown as Record<string, () => unknown>)[key]!.call(this));
    }
    return goJson(fields, { escapeHtml: true });
  }
}

const p2 = (n: number): string => String(n).padStart(2, "0");

// tzdata abbreviations ICU does not spell out: zone -> [standard offset (min), std, daylight].
const TZDATA_NAMES: Record<string, [number, string, string]> = {
  "Asia/Jerusalem": [120, "IST", "IDT"],
  "Asia/Tel_Aviv": [120, "IST", "IDT"],
  "Asia/Tokyo": [540, "JST", "JST"],
  "Asia/Seoul": [540, "KST", "KST"],
  "Asia/Shanghai": [480, "CST", "CST"],
  "Asia/Hong_Kong": [480, "HKT", "HKT"],
  "Asia/Kolkata": [330, "IST", "IST"],
  "Asia/Calcutta": [330, "IST", "IST"],
  "Australia/Sydney": [600, "AEST", "AEDT"],
  "Australia/Melbourne": [600, "AEST", "AEDT"],
};

/** A zone's abbreviation as Go's tzdata names it ("CEST", "EDT", "+04"). */
function zoneAbbreviation(tz: string, ms: number, offsetMinutes: number): string {
  const known = TZDATA_NAMES[tz];
  if (known) return offsetMinutes === known[0] ? known[1] : known[2];
  if (offsetMinutes === 0 && /^(Etc\/)?(UTC|UCT|Zulu|Universal)$/.test(tz)) return "UTC";
  // ICU's letter forms match tzdata for the Americas (en-US) and Europe (en-GB).
  const locale = tz.startsWith("Europe/") ? "en-GB" : tz.startsWith("America/") || tz.startsWith("US/") ? "en-US" : "";
  if (locale !== "") {
    const part = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: "short" })
      .formatToParts(ms)
      .find((x) => x.type === "timeZoneName")?.value;
    if (part && /^[A-Z]{2,5}$/.test(part)) return part;
  }
  // tzdata's numeric abbreviations: "+04", "+0530".
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return sign + p2(Math.floor(abs / 60)) + (abs % 60 ? p2(abs % 60) : "");
}

/**
 * Go time.Time.String() in the client's zone (TZ): "2025-06-01 12:00:00 +0200 CEST".
 * No TZ, an empty one or one the zone database lacks is UTC, as in Go.
 */
export function goTimeStringInZone(ms: number, tz?: string): string {
  const zone = tz?.startsWith(":") ? tz.slice(1) : tz;
  if (!zone || zone === "UTC") return goTimeString(ms);
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
  } catch {
    return goTimeString(ms);
  }
  const parts = Object.fromEntries(fmt.formatToParts(ms).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offset = Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const numeric = sign + p2(Math.floor(abs / 60)) + p2(abs % 60);
  const date = `${String(parts.year).padStart(4, "0")}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
  return `${date} ${numeric} ${zoneAbbreviation(zone, ms, offset)}`;
}

export interface ContainerListFormat {
  /** The --format value (or psFormat), "" for the default table. */
  format: string;
  quiet: boolean;
  /** Whether sizes were requested (adds SIZE to the default table). */
  size: boolean;
  trunc: boolean;
  now: number;
  tz?: string;
}

/** formatter.ContainerWrite. */
export function formatContainers(rows: ContainerRow[], opts: ContainerListFormat): string {
  const format = newContainerFormat(opts.format, opts.quiet, opts.size);
  const ctxOpts: ContainerContextOptions = { trunc: opts.trunc, now: opts.now, ...(opts.tz !== undefined ? { tz: opts.tz } : {}) };
  try {
    return renderContexts({ format, header: containerHeaders, contexts: rows.map((c) => new ContainerContext(c, ctxOpts)) });
  } catch (e) {
    if (e instanceof FormatError) throw new Error(e.message);
    throw e;
  }
}

/**
 * buildContainerListOptions' template check: parse the format as typed, run it once over an
 * empty context. Returns whether it uses .Size; throws Error with docker's text otherwise.
 */
export function checkContainerFormat(format: string): { usesSize: boolean } {
  let tmpl: Template;
  try {
    tmpl = parseTemplate(format);
  } catch (e) {
    throw new Error(`failed to parse template: ${(e as Error).message}`);
  }
  const probe = new ContainerContext();
  const r = executePartial(tmpl, probe);
  if (r.error) throw new Error(`failed to execute template: ${r.error.message}`);
  return { usesSize: ContainerContext.sizeUsed(probe) };
}

/** docker top: the ps table through tabwriter.NewWriter(out, 20, 1, 3, ' ', 0). */
export function formatTop(top: TopResult): string {
  const tw = new TabWriter({ minwidth: 20, tabwidth: 1, padding: 3, padchar: " " });
  tw.write(top.Titles.join("\t") + "\n");
  for (const proc of top.Processes) tw.write(proc.join("\t") + "\n");
  return tw.flush();
}

/** NetworkSettings.Ports: "80/tcp" -> bindings, null when exposed but not published. */
export type PortBindings = Record<string, Array<{ HostIp: string; HostPort: string }> | null>;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** fvbommel/sortorder NaturalLess: digit runs compare as numbers. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const d1 = isDigit(a[i]);
    const d2 = isDigit(b[j]);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (a[i] !== b[j]) return a[i]! < b[j]!;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === "0") i++;
    while (j < b.length && b[j] === "0") j++;
    const nz1 = i;
    const nz2 = j;
    while (isDigit(a[i])) i++;
    while (isDigit(b[j])) j++;
    if (i - nz1 !== j - nz2) return i - nz1 < j - nz2;
    const n1 = a.slice(nz1, i);
    const n2 = b.slice(nz2, j);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return a.length < b.length;
}

/**
 * docker port's lines (docker/cli: cli/command/container/port.go): every mapping as
 * "80/tcp -> 0.0.0.0:8080", or only the host addresses of `only` ("80/tcp"); naturally
 * sorted. Empty when nothing is published.
 */
export function formatPortLines(ports: PortBindings, only?: string): string {
  const out: string[] = [];
  for (const [from, frontends] of Object.entries(ports)) {
    if (only !== undefined && from !== only) continue;
    for (const f of frontends ?? []) {
      const addr = joinHostPort(f.HostIp, f.HostPort);
      out.push(only !== undefined ? addr : `${from} -> ${addr}`);
    }
  }
  if (out.length === 0) return "";
  out.sort((x, y) => (naturalLess(x, y) ? -1 : naturalLess(y, x) ? 1 : 0));
  return out.join("\n") + "\n";
}
