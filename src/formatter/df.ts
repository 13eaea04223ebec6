// Disk space: `docker system df` (docker/cli v28: cli/command/formatter/disk_usage.go,
// volume.go, buildcache.go) and the reclaimed-space reports of the prune commands
// (cli/command/{container,image,volume,network,builder,system}/prune.go).
import type { DiskUsage, ImageSummary, RemoveImageItem } from "../client/api.js";
import { familiarName, parseNormalizedNamed } from "../client/reference.js";
import { ContainerContext, containerHeaders, newContainerFormat } from "./container.js";
import { isTable, marshalContext, parseFormat, preFormat, RAW_FORMAT_KEY, renderContexts, TABLE_FORMAT_KEY } from "./format.js";
import { ImageContext, imageHeaders, newImageFormat } from "./image.js";
import { executePartial, GO_TYPE } from "./template/index.js";
import { humanSize } from "./units.js";
// docker/cli formats df -v volumes with the volume list's own context.
import { newVolumeFormat, VolumeContext } from "./volume.js";

// ---- prune reports

/** A `Deleted ...:` section as the prune commands build it (each line ends in "\n"). */
export function pruneSection(title: string, lines: readonly string[]): string {
  return lines.length === 0 ? "" : `${title}:\n${lines.map((l) => `${l}\n`).join("")}`;
}

/** image prune's lines: `untagged: REF` or `deleted: ID`. */
export function imagePruneLines(items: readonly RemoveImageItem[]): string[] {
  return items.map((i) => (i.Untagged ? `untagged: ${i.Untagged}` : `deleted: ${i.Deleted ?? ""}`));
}

/** The closing line of every prune but network prune. */
export function reclaimedLine(bytes: number): string {
  return `Total reclaimed space: ${humanSize(bytes)}\n`;
}

/** system prune's confirmation text (confirmationTemplate), without the ` [y/N] ` suffix. */
export function systemPruneWarning(opts: { all: boolean; volumes: boolean; buildCache: boolean; filters: readonly string[] }): string {
  const warnings = ["all stopped containers", "all networks not used by at least one container"];
  if (opts.volumes) warnings.push("all anonymous volumes not used by at least one container");
  warnings.push(opts.all ? "all images without at least one container associated to them" : "all dangling images");
  if (opts.buildCache) warnings.push(opts.all ? "all build cache" : "unused build cache");
  let text = "WARNING! This will remove:\n" + warnings.map((w) => `  - ${w}\n`).join("");
  if (opts.filters.length > 0) {
    text += "\n  Items to be pruned will be filtered with:" + opts.filters.map((f) => `\n  - ${f}`).join("") + "\n";
  }
  return text + "\nAre you sure you want to continue?";
}

// ---- system df

export const defaultDiskUsageTableFormat = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";
const imageTableFormat = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}";
const containerTableFormat = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}";
const volumeTableFormat = "table {{.Name}}\t{{.Links}}\t{{.Size}}";
const buildCacheTableFormat = "table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}";

/** NewBuildCacheFormat(raw): never run here, as the build cache is always empty. */
const buildCacheRawFormat =
  "build_cache_id: {{.ID}}\nparent_id: {{.Parent}}\ntype: {{.Type}}\ndescription: {{.Description}}\ncreated_at: {{.CreatedSince}}\n" +
  "last_used_at: {{.LastUsedSince}}\nusage_count: {{.UsageCount}}\nin_use: {{.InUse}}\nshared: {{.Shared}}\n";

/** NewDiskUsageFormat(raw, verbose): each object under a `type:` line. */
const verboseRawFormat =
  `{{range .Images}}type: Image\n${newImageFormat(RAW_FORMAT_KEY, false, true)}\n{{end -}}\n` +
  `{{range .Containers}}type: Container\n${newContainerFormat(RAW_FORMAT_KEY, false, true)}\n{{end -}}\n` +
  `{{range .Volumes}}type: Volume\n${newVolumeFormat(RAW_FORMAT_KEY, false)}\n{{end -}}\n` +
  `{{range .BuildCache}}type: Build Cache\n${buildCacheRawFormat}\n{{end -}}`;

const rawFormat = "type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\nreclaimable: {{.Reclaimable}}\n";

const summaryHeaders = { Type: "TYPE", TotalCount: "TOTAL", Active: "ACTIVE", Size: "SIZE", Reclaimable: "RECLAIMABLE" };
const volumeHeaders = { Name: "VOLUME NAME", Driver: "DRIVER", Scope: "SCOPE", Mountpoint: "MOUNTPOINT", Labels: "LABELS", Links: "LINKS", Size: "SIZE" };
const buildCacheHeaders = {
  ID: "CACHE ID", CacheType: "CACHE TYPE", Size: "SIZE", CreatedSince: "CREATED", LastUsedSince: "LAST USED",
  UsageCount: "USAGE", Shared: "SHARED", Description: "DESCRIPTION", InUse: "IN USE",
};

/** "X (P%)" with P by integer division, or just X when the total is 0. */
function reclaimable(reclaim: number, total: number): string {
  return total > 0 ? `${humanSize(reclaim)} (${Math.trunc((reclaim * 100) / total)}%)` : humanSize(reclaim);
}

/** One summary row (diskUsage{Images,Containers,Volumes,Builder}Context). */
class DiskUsageRow {
  readonly [GO_TYPE]: string;
  readonly #type: string;
  readonly #count: number;
  readonly #active: number;
  readonly #size: number;
  readonly #reclaimable: string;

  constructor(goType: string, type: string, count: number, active: number, size: number, reclaim: string) {
    this[GO_TYPE] = goType;
    this.#type = type;
    this.#count = count;
    this.#active = active;
    this.#size = size;
    this.#reclaimable = reclaim;
  }

  Type(): string {
    return this.#type;
  }
  TotalCount(): string {
    return String(this.#count);
  }
  Active(): string {
    return String(this.#active);
  }
  Size(): string {
    return humanSize(this.#size);
  }
  Reclaimable(): string {
    return this.#reclaimable;
  }
  MarshalJSON(): string {
    return marshalContext(this, ["Active", "Reclaimable", "Size", "TotalCount", "Type"]);
  }
}

const ACTIVE_STATES = new Set(["running", "paused", "restarting"]);

/** The four summary rows, computed as docker/cli v28 computes them from the API's DiskUsage. */
export function diskUsageRows(du: DiskUsage): DiskUsageRow[] {
  let imagesUsed = 0;
  let imagesActive = 0;
  for (const i of du.Images) {
    if (i.Containers > 0) {
      imagesActive++;
      if (i.Size !== -1 && i.SharedSize !== -1) imagesUsed += i.Size - i.SharedSize;
    }
  }
  const containersSize = du.Containers.reduce((s, c) => s + (c.SizeRw ?? 0), 0);
  const activeContainers = du.Containers.filter((c) => ACTIVE_STATES.has(c.State));
  const containersReclaim = du.Containers.filter((c) => !ACTIVE_STATES.has(c.State)).reduce((s, c) => s + (c.SizeRw ?? 0), 0);
  const volumesSize = du.Volumes.reduce((s, v) => s + (v.UsageData.Size !== -1 ? v.UsageData.Size : 0), 0);
  const volumesActive = du.Volumes.filter((v) => v.UsageData.RefCount > 0).length;
  const volumesReclaim = du.Volumes.filter((v) => v.UsageData.RefCount === 0 && v.UsageData.Size !== -1).reduce((s, v) => s + v.UsageData.Size, 0);
  return [
    new DiskUsageRow("*formatter.diskUsageImagesContext", "Images", du.Images.length, imagesActive, du.LayersSize, reclaimable(du.LayersSize - imagesUsed, du.LayersSize)),
    new DiskUsageRow("*formatter.diskUsageContainersContext", "Containers", du.Containers.length, activeContainers.length, containersSize, reclaimable(containersReclaim, containersSize)),
    new DiskUsageRow("*formatter.diskUsageVolumesContext", "Local Volumes", du.Volumes.length, volumesActive, volumesSize, reclaimable(volumesReclaim, volumesSize)),
    new DiskUsageRow("*formatter.diskUsageBuilderContext", "Build Cache", du.BuildCache.length, 0, 0, humanSize(0)),
  ];
}

/** df -v shows an image under its first tag only. */
function imageUsageRow(i: ImageSummary, trunc: boolean, now: number): ImageContext {
  let repo = "<none>";
  let tag = "<none>";
  const first = i.RepoTags[0];
  if (first !== undefined && first !== "<none>:<none>") {
    try {
      const ref = parseNormalizedNamed(first);
      if (ref.tag !== undefined) {
        repo = familiarName(ref);
        tag = ref.tag;
      }
    } catch {
      // an unparsable tag shows as <none>
    }
  }
  return new ImageContext(i, repo, tag, "", { trunc, now });
}

export interface DiskUsageFormat {
  /** "table" (default), "json", "raw" or a template. */
  format: string;
  verbose: boolean;
  /** The client's clock, ms (CREATED columns). */
  now: number;
}

function verboseContexts(du: DiskUsage, trunc: boolean, now: number) {
  return {
    [GO_TYPE]: "*formatter.diskUsageContext",
    Images: du.Images.map((i) => imageUsageRow(i, trunc, now)),
    Containers: du.Containers.map((c) => new ContainerContext({ ...c, SizeRootFs: 0 }, { trunc, now })),
    Volumes: du.Volumes.map((v) => new VolumeContext(v)),
    BuildCache: [] as unknown[],
  };
}

/**
 * A verbose custom format that fails while running: docker executes it straight onto stdout
 * (verboseWrite), so what came before the error is printed, and the error has no prefix.
 */
export class DiskUsageExecError extends Error {
  override name = "DiskUsageExecError";
  constructor(
    message: string,
    readonly partial: string,
  ) {
    super(message);
  }
}

/** DiskUsageContext.Write. Throws FormatError ("template parsing error: ...") or DiskUsageExecError. */
export function formatDiskUsage(du: DiskUsage, opts: DiskUsageFormat): string {
  const source = opts.format === "" ? TABLE_FORMAT_KEY : opts.format;
  if (!opts.verbose) {
    const format = source === TABLE_FORMAT_KEY ? defaultDiskUsageTableFormat : source === "raw" ? rawFormat : source;
    return renderContexts({ format, contexts: diskUsageRows(du), header: summaryHeaders });
  }
  const ctx = verboseContexts(du, isTable(source), opts.now);
  if (source !== TABLE_FORMAT_KEY) {
    // A custom verbose format runs once over the whole usage, with no newline added.
    const r = executePartial(parseFormat(preFormat(source === RAW_FORMAT_KEY ? verboseRawFormat : source)), ctx);
    if (r.error) throw new DiskUsageExecError(r.error.message, r.output);
    return r.output;
  }
  let out = "Images space usage:\n\n";
  out += renderContexts({ format: imageTableFormat, contexts: ctx.Images, header: imageHeaders });
  out += "\nContainers space usage:\n\n";
  out += renderContexts({ format: containerTableFormat, contexts: ctx.Containers, header: containerHeaders });
  out += "\nLocal Volumes space usage:\n\n";
  out += renderContexts({ format: volumeTableFormat, contexts: ctx.Volumes, header: volumeHeaders });
  out += `\nBuild cache usage: ${humanSize(0)}\n\n`;
  out += renderContexts({ format: buildCacheTableFormat, contexts: [], header: buildCacheHeaders });
  return out;
}
