// Docker image references: grammar, normalisation and formatting.
// Ported from distribution/reference (regexp.go, reference.go, normalize.go, helpers.go)
// and opencontainers/go-digest (digest.go, algorithm.go), as docker/cli uses them.

export const DEFAULT_DOMAIN = "docker.io";
const LEGACY_DEFAULT_DOMAIN = "index.docker.io";
const OFFICIAL_REPO_PREFIX = "library/";
const LOCALHOST = "localhost";
export const DEFAULT_TAG = "latest";
/** distribution/reference: NameTotalLengthMax. */
export const NAME_TOTAL_LENGTH_MAX = 255;

/** A parsed reference. `domain` is empty only for references parsed without normalisation. */
export interface NamedReference {
  domain: string;
  /** Path inside the registry: "library/nginx", "dockerinaction/hello_world". */
  path: string;
  tag?: string;
  digest?: string;
}

/** Raised for every malformed reference; `message` is docker's exact text. */
export class ReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReferenceError";
  }
}

export const ERR_REFERENCE_INVALID_FORMAT = "invalid reference format";
export const ERR_TAG_INVALID_FORMAT = "invalid tag format";
export const ERR_DIGEST_INVALID_FORMAT = "invalid digest format";
export const ERR_NAME_CONTAINS_UPPERCASE = "repository name must be lowercase";
export const ERR_NAME_EMPTY = "repository name must have at least one component";
export const ERR_NAME_TOO_LONG = `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;
export const ERR_NAME_NOT_CANONICAL = "repository name must be canonical";
// go-digest errors, surfaced as-is by ParseNormalizedNamed.
export const ERR_CHECKSUM_INVALID_FORMAT = "invalid checksum digest format";
export const ERR_CHECKSUM_INVALID_LENGTH = "invalid checksum digest length";
export const ERR_DIGEST_UNSUPPORTED = "unsupported digest algorithm";

// regexp.go
const alphanumeric = "[a-z0-9]+";
const separator = "(?:[._]|__|[-]+)";
const domainNameComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const optionalPort = "(?::[0-9]+)?";
const tagPat = "[\\w][\\w.-]{0,127}";
const digestPat = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
const ipv6address = "\\[(?:[a-fA-F0-9:]+)\\]";
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = host + optionalPort;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;

const referenceRegexp = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredTagRegexp = new RegExp(`^${tagPat}$`);
const anchoredDigestRegexp = new RegExp(`^${digestPat}$`);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const anchoredIdentifierRegexp = /^[a-f0-9]{64}$/;
/** distribution/reference: ShortIdentifierRegexp. */
const shortIdentifierRegexp = /^[a-f0-9]{6,64}$/;

// go-digest: algorithms the docker binary registers, with their hex lengths.
const digestAlgorithms: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
const goDigestRegexp = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** go-digest Digest.Validate: "" when valid, else the error text. */
function validateDigest(d: string): string {
  const i = d.indexOf(":");
  if (i <= 0 || i + 1 === d.length) return ERR_CHECKSUM_INVALID_FORMAT;
  const alg = d.slice(0, i);
  const encoded = d.slice(i + 1);
  const size = digestAlgorithms[alg];
  if (size === undefined) {
    return goDigestRegexp.test(d) ? ERR_DIGEST_UNSUPPORTED : ERR_CHECKSUM_INVALID_FORMAT;
  }
  if (encoded.length !== size) return ERR_CHECKSUM_INVALID_LENGTH;
  return /^[a-f0-9]+$/.test(encoded) ? "" : ERR_CHECKSUM_INVALID_FORMAT;
}

/** True for a well-formed, supported digest such as "sha256:<64 hex>". */
export function isDigest(s: string): boolean {
  return validateDigest(s) === "";
}

/** reference.go Parse: the grammar without docker's normalisation. */
export function parse(s: string): NamedReference {
  const m = referenceRegexp.exec(s);
  if (!m) {
    if (s === "") throw new ReferenceError(ERR_NAME_EMPTY);
    if (referenceRegexp.test(s.toLowerCase())) throw new ReferenceError(ERR_NAME_CONTAINS_UPPERCASE);
    throw new ReferenceError(ERR_REFERENCE_INVALID_FORMAT);
  }
  const name = m[1]!;
  if (name.length > NAME_TOTAL_LENGTH_MAX) throw new ReferenceError(ERR_NAME_TOO_LONG);
  const nm = anchoredNameRegexp.exec(name)!;
  const ref: NamedReference = { domain: nm[1] ?? "", path: nm[2]! };
  if (m[2]) ref.tag = m[2];
  if (m[3]) {
    const err = validateDigest(m[3]);
    if (err) throw new ReferenceError(err);
    ref.digest = m[3];
  }
  return ref;
}

/** normalize.go splitDockerDomain. */
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf("/");
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === LOCALHOST) [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) [domain, remote] = [DEFAULT_DOMAIN, maybeRemote];
  else if (/[.:]/.test(maybeDomain)) [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, maybeRemote];
  else [domain, remote] = [DEFAULT_DOMAIN, name];
  if (domain === DEFAULT_DOMAIN && !remote.includes("/")) remote = OFFICIAL_REPO_PREFIX + remote;
  return [domain, remote];
}

/**
 * normalize.go ParseNormalizedNamed: "nginx" -> docker.io/library/nginx.
 * Throws ReferenceError with docker's message.
 */
export function parseNormalizedNamed(s: string): NamedReference {
  if (anchoredIdentifierRegexp.test(s)) {
    throw new ReferenceError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  const colon = remainder.indexOf(":");
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) {
    throw new ReferenceError(`${ERR_REFERENCE_INVALID_FORMAT}: repository name (${remote}) must be lowercase`);
  }
  return parse(`${domain}/${remainder}`);
}

/** reference.go ParseNamed: only accepts references already in canonical form. */
export function parseNamed(s: string): NamedReference {
  const named = parseNormalizedNamed(s);
  if (fullString(named) !== s) throw new ReferenceError(ERR_NAME_NOT_CANONICAL);
  return named;
}

/** Validates a bare tag (docker tag's TARGET tag, reference.WithTag). */
export function validateTag(tag: string): void {
  if (!anchoredTagRegexp.test(tag)) throw new ReferenceError(ERR_TAG_INVALID_FORMAT);
}

/** Validates a bare digest in reference grammar (reference.WithDigest). */
export function validateDigestReference(d: string): void {
  if (!anchoredDigestRegexp.test(d)) throw new ReferenceError(ERR_DIGEST_INVALID_FORMAT);
}

/** The name without tag or digest: "docker.io/library/nginx". */
export function fullName(ref: NamedReference): string {
  return ref.domain ? `${ref.domain}/${ref.path}` : ref.path;
}

/** reference.String(): "docker.io/library/nginx:latest", "…@sha256:…". */
export function fullString(ref: NamedReference): string {
  let s = fullName(ref);
  if (ref.tag) s += `:${ref.tag}`;
  if (ref.digest) s += `@${ref.digest}`;
  return s;
}

/** normalize.go familiarizeName: "docker.io/library/nginx" -> "nginx". */
export function familiarName(ref: NamedReference): string {
  if (ref.domain === DEFAULT_DOMAIN) {
    const rest = ref.path.startsWith(OFFICIAL_REPO_PREFIX) ? ref.path.slice(OFFICIAL_REPO_PREFIX.length) : "";
    if (rest && !rest.includes("/")) return rest;
    return ref.path;
  }
  return fullName(ref);
}

/** normalize.go FamiliarString: "nginx:latest", "localhost:5000/app@sha256:…". */
export function familiarString(ref: NamedReference): string {
  let s = familiarName(ref);
  if (ref.tag) s += `:${ref.tag}`;
  if (ref.digest) s += `@${ref.digest}`;
  return s;
}

/** helpers.go IsNameOnly. */
export function isNameOnly(ref: NamedReference): boolean {
  return !ref.tag && !ref.digest;
}

/** normalize.go TagNameOnly: adds "latest" when there is neither tag nor digest. */
export function tagNameOnly(ref: NamedReference): NamedReference {
  return isNameOnly(ref) ? { ...ref, tag: DEFAULT_TAG } : ref;
}

/** TrimNamed: the name alone. */
export function trimNamed(ref: NamedReference): NamedReference {
  return { domain: ref.domain, path: ref.path };
}

/**
 * normalize.go ParseAnyReference. A 64-hex string or "sha256:<hex>" is an image ID.
 * Otherwise a normalised name; `idPrefix` is set when the input could also be a
 * short image ID (moby's image lookup tries ID prefixes after names).
 */
export type AnyReference =
  | { kind: "id"; id: string }
  | { kind: "named"; ref: NamedReference; idPrefix?: string };

export function parseAnyReference(s: string): AnyReference {
  if (anchoredIdentifierRegexp.test(s)) return { kind: "id", id: `sha256:${s}` };
  if (isDigest(s)) return { kind: "id", id: s };
  const ref = parseNormalizedNamed(s);
  return shortIdentifierRegexp.test(s) ? { kind: "named", ref, idPrefix: s } : { kind: "named", ref };
}
