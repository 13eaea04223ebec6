// Shapes of the built-in registry catalogue: the remote repositories a pull can reach.
import type { FileTree } from "../../fs/types.js";
import type { HistoryEntry, ImageConfig } from "../../model.js";

/** A layer as defined in the data: files plus declared sizes (the files are placeholders). */
export interface LayerDef {
  key: string;
  /** Uncompressed size in bytes (what `docker images` adds up). */
  size: number;
  /** Size of the compressed blob (what a pull downloads). */
  compressedSize: number;
  files: () => FileTree;
}

/** A layer as the catalogue serves it. */
export interface CatalogueLayer {
  key: string;
  /** "sha256:<64hex>" of the uncompressed content. */
  diffId: string;
  /** "sha256:<64hex>" of the compressed blob; pull progress shows its first 12 hex digits. */
  blobDigest: string;
  size: number;
  compressedSize: number;
  files: FileTree;
  /** ms since the epoch stamped on files without their own mtime in the layer tar. */
  mtime?: number;
}

/** An image (one platform manifest) as defined in the data. */
export interface ImageDef {
  key: string;
  /** RFC 3339. */
  created: string;
  architecture: string;
  os: string;
  variant?: string;
  config: ImageConfig;
  history: HistoryEntry[];
  /** Layer keys, base first; one per history entry without empty_layer. */
  layers: string[];
}

export interface CatalogueImage {
  key: string;
  /** Image ID: "sha256:<64hex>" of the config. */
  id: string;
  /** Digest of the linux/amd64 manifest. */
  manifestDigest: string;
  /** Digest of the multi-platform index: what `pull` prints and RepoDigests hold. */
  digest: string;
  /** ms since the epoch. */
  created: number;
  architecture: string;
  os: string;
  variant?: string;
  config: ImageConfig;
  history: HistoryEntry[];
  /** Layer diff ids, base first. */
  layers: string[];
  /** Sum of the layers' uncompressed sizes. */
  size: number;
}

export interface RepositoryDef {
  /** Path inside the registry: "library/nginx". */
  path: string;
  description: string;
  /** Roughly what Docker Hub showed in 2025. */
  stars: number;
  official: boolean;
  /** Only its owner (the namespace's account) may pull it. */
  private?: boolean;
  /** Tag -> image key. */
  tags: Record<string, string>;
}

export interface CatalogueTag {
  repository: string;
  tag: string;
  image: CatalogueImage;
}

export interface SearchResult {
  /** As `docker search` shows it: "nginx", "dockerinaction/hello_world". */
  name: string;
  description: string;
  stars: number;
  official: boolean;
}
