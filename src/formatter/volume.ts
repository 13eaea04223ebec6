// docker volume ls rows (docker/cli v28: cli/command/formatter/volume.go volumeContext,
// NewVolumeFormat, VolumeWrite).
import type { VolumeDto } from "../client/api.js";
import { naturalLess } from "./container.js";
import { marshalContext, RAW_FORMAT_KEY, renderContexts, TABLE_FORMAT_KEY } from "./format.js";
import { GO_TYPE } from "./template/index.js";
import { joinLabels } from "./strings.js";
import { humanSize } from "./units.js";


export const defaultVolumeTableFormat = "table {{.Driver}}\t{{.Name}}";
const defaultVolumeQuietFormat = "{{.Name}}";

export const volumeHeaders: Readonly<Record<string, string>> = {
  ID: "ID",
  Name: "VOLUME NAME",
  Group: "GROUP",
  Driver: "DRIVER",
  Scope: "SCOPE",
  Availability: "AVAILABILITY",
  Mountpoint: "MOUNTPOINT",
  Labels: "LABELS",
  Links: "LINKS",
  Size: "SIZE",
  Status: "STATUS",
};

const jsonFields = ["Availability", "Driver", "Group", "Labels", "Links", "Mountpoint", "Name", "Scope", "Size", "Status"];

export function newVolumeFormat(source: string, quiet: boolean): string {
  if (source === TABLE_FORMAT_KEY) return quiet ? defaultVolumeQuietFormat : defaultVolumeTableFormat;
  if (source === RAW_FORMAT_KEY) return quiet ? "name: {{.Name}}" : "name: {{.Name}}\ndriver: {{.Driver}}\n";
  return source;
}

export class VolumeContext {
  readonly [GO_TYPE] = "*formatter.volumeContext";
  readonly #v: VolumeDto;

  constructor(v: VolumeDto) {
    this.#v = v;
  }

  Name(): string {
    return this.#v.Name;
  }

  Driver(): string {
    return this.#v.Driver;
  }

  Scope(): string {
    return this.#v.Scope;
  }

  Mountpoint(): string {
    return this.#v.Mountpoint;
  }

  Labels(): string {
    return joinLabels(this.#v.Labels);
  }

  Label(name: string): string {
    return this.#v.Labels?.[name] ?? "";
  }

  Links(): string {
    return this.#v.UsageData ? String(this.#v.UsageData.RefCount) : "N/A";
  }

  Size(): string {
    return this.#v.UsageData ? humanSize(this.#v.UsageData.Size) : "N/A";
  }

  /** Cluster-volume fields: local volumes have none. */
  Group(): string {
    return "N/A";
  }

  Availability(): string {
    return "N/A";
  }

  Status(): string {
    return "N/A";
  }

  MarshalJSON(): string {
    return marshalContext(this, jsonFields);
  }
}

/** volume ls: rows in natural order of name. Throws FormatError. */
export function formatVolumes(volumes: readonly VolumeDto[], opts: { format: string; quiet: boolean }): string {
  const sorted = [...volumes].sort((a, b) => (naturalLess(a.Name, b.Name) ? -1 : naturalLess(b.Name, a.Name) ? 1 : 0));
  return renderContexts({
    format: newVolumeFormat(opts.format, opts.quiet),
    contexts: sorted.map((v) => new VolumeContext(v)),
    header: volumeHeaders,
  });
}
