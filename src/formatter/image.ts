// docker images rows (docker/cli v28: cli/command/formatter/image.go ImageContext,
// imageFormat, imageFormatTaggedAndDigest and the imageContext row methods).
import type { ImageSummary } from "../client/api.js";
import { familiarName, parseNormalizedNamed } from "../client/reference.js";
import { goTimeStringInZone } from "./container.js";
import { DEFAULT_QUIET_FORMAT, isTable, marshalContext, RAW_FORMAT_KEY, renderContexts, TABLE_FORMAT_KEY } from "./format.js";
import { truncateId } from "./strings.js";
import { GO_TYPE } from "./template/index.js";
import { humanDuration, humanSize, humanSizeWithPrecision } from "./units.js";

export const defaultImageTableFormat =
  "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";
export const defaultImageTableFormatWithDigest =
  "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";

/** newImageContext's header map. */
export const imageHeaders: Readonly<Record<string, string>> = {
  ID: "IMAGE ID",
  Repository: "REPOSITORY",
  Tag: "TAG",
  Digest: "DIGEST",
  CreatedSince: "CREATED",
  CreatedAt: "CREATED AT",
  Size: "SIZE",
  Containers: "CONTAINERS",
  VirtualSize: "SIZE",
  SharedSize: "SHARED SIZE",
  UniqueSize: "UNIQUE SIZE",
};

/** The keys `{{json .}}` prints (every exported zero-argument method). */
const jsonFields = Object.keys(imageHeaders);

/** NewImageFormat: the format string for a source ("table", "raw" or a template). */
export function newImageFormat(source: string, quiet: boolean, digest: boolean): string {
  if (source === TABLE_FORMAT_KEY) {
    if (quiet) return DEFAULT_QUIET_FORMAT;
    return digest ? defaultImageTableFormatWithDigest : defaultImageTableFormat;
  }
  if (source === RAW_FORMAT_KEY) {
    if (quiet) return "image_id: {{.ID}}";
    const digestLine = digest ? "digest: {{.Digest}}\n" : "";
    return `repository: {{ .Repository }}\ntag: {{.Tag}}\n${digestLine}image_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n`;
  }
  if (isTable(source) && digest && !source.includes("{{.Digest}}")) return source + "\t{{.Digest}}";
  return source;
}

export interface ImageContextOptions {
  /** Truncate IDs (everything but --no-trunc). */
  trunc: boolean;
  /** The client's clock, ms since the epoch (CreatedSince). */
  now: number;
  /** The client's TZ (CreatedAt); undefined or "" is UTC. */
  tz?: string;
}

/** Go's zero time.Time as Unix seconds: the only Created that shows N/A. */
const GO_ZERO_UNIX = -62135596800;

/** One row: an image seen under one (repository, tag, digest). */
export class ImageContext {
  readonly [GO_TYPE] = "*formatter.imageContext";
  readonly #i: ImageSummary;
  readonly #repo: string;
  readonly #tag: string;
  readonly #digest: string;
  readonly #opts: ImageContextOptions;

  constructor(i: ImageSummary, repo: string, tag: string, digest: string, opts: ImageContextOptions) {
    this.#i = i;
    this.#repo = repo;
    this.#tag = tag;
    this.#digest = digest;
    this.#opts = opts;
  }

  ID(): string {
    return this.#opts.trunc ? truncateId(this.#i.Id) : this.#i.Id;
  }

  Repository(): string {
    return this.#repo;
  }

  Tag(): string {
    return this.#tag;
  }

  Digest(): string {
    return this.#digest;
  }

  CreatedSince(): string {
    if (this.#i.Created === GO_ZERO_UNIX) return "";
    return humanDuration(this.#opts.now - this.#i.Created * 1000) + " ago";
  }

  CreatedAt(): string {
    return goTimeStringInZone(this.#i.Created * 1000, this.#opts.tz);
  }

  Size(): string {
    return humanSizeWithPrecision(this.#i.Size, 3);
  }

  Containers(): string {
    return this.#i.Containers === -1 ? "N/A" : String(this.#i.Containers);
  }

  /** Deprecated in docker: the same value as Size, with 4 significant digits. */
  VirtualSize(): string {
    return humanSize(this.#i.Size);
  }

  SharedSize(): string {
    return this.#i.SharedSize === -1 ? "N/A" : humanSize(this.#i.SharedSize);
  }

  UniqueSize(): string {
    if (this.#i.Size === -1 || this.#i.SharedSize === -1) return "N/A";
    return humanSize(this.#i.Size - this.#i.SharedSize);
  }

  MarshalJSON(): string {
    return marshalContext(this, jsonFields);
  }
}

function isDangling(img: ImageSummary): boolean {
  const tags = img.RepoTags ?? [];
  const digests = img.RepoDigests ?? [];
  if (tags.length === 0 && digests.length === 0) return true;
  return tags.length === 1 && tags[0] === "<none>:<none>" && digests.length === 1 && digests[0] === "<none>@<none>";
}

function groupBy(refs: readonly string[], part: "tag" | "digest"): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of refs) {
    let ref;
    try {
      ref = parseNormalizedNamed(s);
    } catch {
      continue;
    }
    const value = ref[part];
    if (value === undefined) continue;
    const name = familiarName(ref);
    const list = out.get(name);
    if (list) list.push(value);
    else out.set(name, [value]);
  }
  return out;
}

export interface ImageRowOptions extends ImageContextOptions {
  /** --digests. */
  digest: boolean;
  /** The final format (digests are also shown when it mentions {{.Digest}}). */
  format: string;
}

/**
 * imageFormat: one row per (repository, tag), a `<none>` row for dangling images, rows for
 * repositories known only by digest. Docker walks Go maps here (random order); rows follow
 * the order of RepoTags and RepoDigests instead.
 */
export function imageRows(images: readonly ImageSummary[], opts: ImageRowOptions): ImageContext[] {
  const needDigest = opts.digest || opts.format.includes("{{.Digest}}");
  const rows: ImageContext[] = [];
  for (const img of images) {
    const add = (repo: string, tag: string, digest: string) => rows.push(new ImageContext(img, repo, tag, digest, opts));
    if (isDangling(img)) {
      add("<none>", "<none>", "<none>");
      continue;
    }
    const repoTags = groupBy(img.RepoTags ?? [], "tag");
    const repoDigests = groupBy(img.RepoDigests ?? [], "digest");
    for (const [repo, tags] of repoTags) {
      const digests = needDigest ? (repoDigests.get(repo) ?? []) : [];
      repoDigests.delete(repo);
      for (const tag of tags) {
        if (digests.length === 0) add(repo, tag, "<none>");
        else for (const d of digests) add(repo, tag, d);
      }
    }
    for (const [repo, digests] of repoDigests) {
      if (opts.digest) for (const d of digests) add(repo, "<none>", d);
      else add(repo, "<none>", "");
    }
  }
  return rows;
}

export interface ImageListFormat {
  /** The chosen format source: "table", "raw", "json" or a template. */
  format: string;
  quiet: boolean;
  digest: boolean;
  trunc: boolean;
  now: number;
  tz?: string;
}

/** ImageWrite: the text `docker images` prints. Throws FormatError ("template parsing error: ..."). */
export function formatImages(images: readonly ImageSummary[], opts: ImageListFormat): string {
  const format = newImageFormat(opts.format, opts.quiet, opts.digest);
  const ctx: ImageRowOptions = { trunc: opts.trunc, now: opts.now, digest: opts.digest, format };
  if (opts.tz !== undefined) ctx.tz = opts.tz;
  return renderContexts({ format, contexts: imageRows(images, ctx), header: imageHeaders });
}
