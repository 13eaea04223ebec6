// What a registry keeps: content-addressed blobs and, per repository, tags, manifests and
// layer links. Two homes: a registry container's /var/lib/registry, laid out as
// distribution's filesystem driver lays it out (registry/storage/paths.go), and the
// simulated Docker Hub's share of the host state.
import type { ContainerFs } from "../fs/types.js";
import type { HubState } from "../model.js";

export interface RegistryStorage {
  getBlob(digest: string): string | undefined;
  putBlob(digest: string, data: string): void;
  /** Repository paths, sorted (GET /v2/_catalog). */
  repositories(): string[];
  /** Tags of a repository, sorted; [] when unknown. */
  tags(repo: string): string[];
  /** The manifest digest a tag points at. */
  tag(repo: string, tag: string): string | undefined;
  hasManifest(repo: string, digest: string): boolean;
  /** Links a manifest (and the tag, when given) into the repository. */
  putManifest(repo: string, digest: string, tag?: string): void;
  hasLayer(repo: string, digest: string): boolean;
  linkLayer(repo: string, digest: string): void;
}

export const REGISTRY_ROOT = "/var/lib/registry";

const hexOf = (digest: string) => digest.replace(/^sha256:/, "");

/** distribution's filesystem layout inside a registry container. */
export function fsStorage(fs: ContainerFs, root = REGISTRY_ROOT): RegistryStorage {
  const V2 = `${root.replace(/\/+$/, "")}/docker/registry/v2`;
  const blobPath = (d: string) => `${V2}/blobs/sha256/${hexOf(d).slice(0, 2)}/${hexOf(d)}/data`;
  const repoPath = (r: string) => `${V2}/repositories/${r}`;
  const read = (path: string): string | undefined => {
    try {
      return fs.stat(path)?.type === "file" ? fs.readFile(path) : undefined;
    } catch {
      return undefined;
    }
  };
  const write = (path: string, data: string) => {
    fs.mkdir(path.slice(0, path.lastIndexOf("/")), { parents: true });
    fs.writeFile(path, data);
  };
  const list = (path: string): string[] => {
    try {
      return fs.stat(path)?.type === "dir" ? fs.readdir(path) : [];
    } catch {
      return [];
    }
  };
  const link = (path: string, digest: string) => write(`${path}/link`, digest);
  const walk = (dir: string, prefix: string, out: string[]) => {
    for (const name of list(dir)) {
      if (name.startsWith("_")) continue;
      const path = `${dir}/${name}`;
      const repo = prefix ? `${prefix}/${name}` : name;
      if (list(path).includes("_manifests")) out.push(repo);
      walk(path, repo, out);
    }
  };
  return {
    getBlob: (d) => read(blobPath(d)),
    putBlob: (d, data) => write(blobPath(d), data),
    repositories: () => {
      const out: string[] = [];
      walk(`${V2}/repositories`, "", out);
      return out.sort();
    },
    tags: (r) => list(`${repoPath(r)}/_manifests/tags`).filter((t) => read(`${repoPath(r)}/_manifests/tags/${t}/current/link`) !== undefined).sort(),
    tag: (r, t) => read(`${repoPath(r)}/_manifests/tags/${t}/current/link`),
    hasManifest: (r, d) => read(`${repoPath(r)}/_manifests/revisions/sha256/${hexOf(d)}/link`) !== undefined,
    putManifest: (r, d, t) => {
      link(`${repoPath(r)}/_manifests/revisions/sha256/${hexOf(d)}`, d);
      if (t === undefined) return;
      link(`${repoPath(r)}/_manifests/tags/${t}/current`, d);
      link(`${repoPath(r)}/_manifests/tags/${t}/index/sha256/${hexOf(d)}`, d);
    },
    hasLayer: (r, d) => read(`${repoPath(r)}/_layers/sha256/${hexOf(d)}/link`) !== undefined,
    linkLayer: (r, d) => link(`${repoPath(r)}/_layers/sha256/${hexOf(d)}`, d),
  };
}

/** The simulated Docker Hub's repositories that users pushed (the catalogue is read-only). */
export function hubStorage(hub: HubState): RegistryStorage {
  const repo = (r: string) => (hub.repositories[r] ??= { tags: {}, manifests: [], layers: [] });
  return {
    getBlob: (d) => hub.blobs[d],
    putBlob: (d, data) => void (hub.blobs[d] = data),
    repositories: () => Object.keys(hub.repositories).sort(),
    tags: (r) => Object.keys(hub.repositories[r]?.tags ?? {}).sort(),
    tag: (r, t) => {
      const tags = hub.repositories[r]?.tags;
      return tags && Object.hasOwn(tags, t) ? tags[t] : undefined;
    },
    hasManifest: (r, d) => hub.repositories[r]?.manifests.includes(d) === true,
    putManifest: (r, d, t) => {
      const rec = repo(r);
      if (!rec.manifests.includes(d)) rec.manifests.push(d);
      if (t !== undefined) rec.tags[t] = d;
    },
    hasLayer: (r, d) => hub.repositories[r]?.layers.includes(d) === true,
    linkLayer: (r, d) => {
      const rec = repo(r);
      if (!rec.layers.includes(d)) rec.layers.push(d);
    },
  };
}
