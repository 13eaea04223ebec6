// GET /images/search (moby v28: registry/search.go Search, session.go searchRepositories):
// the filters are checked first, then Docker Hub (the catalogue and users' public pushes) is
// asked for `limit` results, then the filters drop some of them.
import type { Filters } from "../api-types.js";
import { EngineError, invalidParameter } from "../errors.js";
import { registryContainer, unreachableRegistry } from "./endpoint.js";
import type { HeavyParts } from "../heavy.js";
import type { HostState } from "../model.js";

/** api/types/registry SearchResult, keys as the API sends them. */
export interface SearchResultDto {
  star_count: number;
  is_official: boolean;
  name: string;
  is_automated: boolean;
  description: string;
}

export const DEFAULT_SEARCH_LIMIT = 25;
const ACCEPTED = new Set(["is-automated", "is-official", "stars"]);

function boolFilter(filters: Filters, key: string): boolean | undefined {
  const values = filters[key];
  if (!values || values.length === 0) return undefined;
  let result: boolean | undefined;
  for (const v of values) {
    const b = /^(1|t|true|T|TRUE|True)$/.test(v) ? true : /^(0|f|false|F|FALSE|False)$/.test(v) ? false : undefined;
    if (b === undefined) throw invalidParameter(`invalid filter '${key}=[${values.join(" ")}]'`);
    result = b;
  }
  return result;
}

/** splitReposSearchTerm: the registry a term names, undefined for Docker Hub. */
function searchIndex(term: string): string | undefined {
  const parts = term.split("/");
  if (parts.length === 1) return undefined;
  const first = parts[0]!;
  if (!first.includes(".") && !first.includes(":") && first !== "localhost") return undefined;
  return first === "docker.io" || first === "index.docker.io" ? undefined : first;
}

/**
 * Only Docker Hub answers searches: another registry is reached over the v1 API, which
 * registry:2 does not serve (registry/endpoint_v1.go ping, session.go searchRepositories).
 */
function otherRegistry(state: HostState, index: string): never {
  const host = index.replace(/:\d+$/, "");
  const loopback = host === "localhost" || /^127\./.test(host) || host === "[::1]";
  if (registryContainer(state, index)) throw new EngineError("Unexpected status code 404", 500);
  if (loopback) {
    const https = unreachableRegistry(index).message.replace("http://", "https://").replace("/v2/", "/v1/_ping");
    const http = unreachableRegistry(index).message.replace("/v2/", "/v1/_ping");
    throw invalidParameter(`invalid registry endpoint "http://${index}/v1/". HTTPS attempt: ${https}. HTTP attempt: ${http}`);
  }
  const err = unreachableRegistry(index).message.replace("/v2/", "/v1/_ping");
  throw invalidParameter(
    `invalid registry endpoint https://${index}/v1/: ${err}. If this private registry supports only HTTP or HTTPS with an unknown CA certificate, please add \`--insecure-registry ${index}\` to the daemon's arguments. In the case of HTTPS, if you have access to the registry's CA certificate, no need for the flag; simply place the CA certificate at /etc/docker/certs.d/${index}/ca.crt`,
  );
}

export function searchImages(state: HostState, catalogue: HeavyParts["catalogue"], term: string, opts: { limit?: number; filters?: Filters } = {}): SearchResultDto[] {
  const filters = opts.filters ?? {};
  for (const key of Object.keys(filters)) if (!ACCEPTED.has(key)) throw invalidParameter(`invalid filter '${key}'`);
  if (boolFilter(filters, "is-automated") === true) return [];
  const official = boolFilter(filters, "is-official");
  let minStars = 0;
  for (const s of filters.stars ?? []) {
    if (!/^[+-]?\d+$/.test(s)) throw invalidParameter(`invalid filter 'stars=${s}': strconv.Atoi: parsing "${s}": invalid syntax`);
    minStars = Math.max(minStars, Number(s));
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(term)) {
    throw invalidParameter(`invalid repository name: repository name (${term}) should not have a scheme`);
  }
  const limit = opts.limit ?? DEFAULT_SEARCH_LIMIT;
  if (limit < 1 || limit > 100) throw invalidParameter(`limit ${limit} is outside the range of [1, 100]`);

  const index = searchIndex(term);
  if (index) otherRegistry(state, index);
  const t = term.replace(/^(docker\.io|index\.docker\.io)\//, "").replace(/^library\//, "").toLowerCase();
  const fromCatalogue = catalogue.search(t);
  const pushed = Object.entries(state.hub?.repositories ?? {})
    .filter(([path, r]) => !r.private && Object.keys(r.tags).length > 0 && path.includes(t) && !catalogue.getRepository(path))
    .map(([path]) => ({ name: path, description: "", stars: 0, official: false }));
  return [...fromCatalogue, ...pushed]
    .slice(0, limit)
    .filter((r) => (official === undefined || r.official === official) && r.stars >= minStars)
    .map((r) => ({ star_count: r.stars, is_official: r.official, name: r.name, is_automated: false, description: r.description }));
}
