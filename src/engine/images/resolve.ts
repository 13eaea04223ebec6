// Image lookup (moby: daemon/images/image.go getImage): a full id or "sha256:<id>", then a
// tag or digest reference (tag defaulted to latest), then a unique id prefix (image/store.go
// Search, through the digest set: any hex prefix, with or without "sha256:").
import { EngineError, invalidParameter, notFound } from "../errors.js";
import type { HostState, ImageRecord } from "../model.js";
import {
  familiarString,
  fullString,
  isDigest,
  parseNormalizedNamed,
  ReferenceError,
  tagNameOnly,
  type NamedReference,
} from "../registry/reference.js";

const FULL_HEX = /^[a-f0-9]{64}$/;

export type ParsedLookup = { kind: "id"; id: string } | { kind: "named"; ref: NamedReference };

/** normalize.go ParseAnyReference; a malformed reference is an invalid-parameter error. */
export function parseLookup(refOrId: string): ParsedLookup {
  if (FULL_HEX.test(refOrId)) return { kind: "id", id: `sha256:${refOrId}` };
  if (isDigest(refOrId)) return { kind: "id", id: refOrId };
  try {
    return { kind: "named", ref: parseNormalizedNamed(refOrId) };
  } catch (e) {
    if (e instanceof ReferenceError) throw invalidParameter(e.message);
    throw e;
  }
}

/** ErrImageDoesNotExist's text: the familiar reference with the tag defaulted. */
export function noSuchImage(lookup: ParsedLookup): EngineError {
  const shown = lookup.kind === "id" ? lookup.id : familiarString(tagNameOnly(lookup.ref));
  return notFound(`No such image: ${shown}`);
}

/** digestset.Lookup: a unique image id starting with the given hex (optionally "sha256:"). */
export function searchIdPrefix(state: HostState, term: string): ImageRecord | undefined {
  let hex = term;
  if (term.startsWith("sha256:")) hex = term.slice("sha256:".length);
  else if (term.includes(":")) return undefined;
  if (!/^[a-f0-9]+$/.test(hex)) return undefined;
  const matches = Object.keys(state.images).filter((id) => id.slice("sha256:".length).startsWith(hex));
  return matches.length === 1 ? state.images[matches[0]!] : undefined;
}

export function findImage(state: HostState, refOrId: string): ImageRecord | undefined {
  const lookup = parseLookup(refOrId);
  if (lookup.kind === "id") return state.images[lookup.id];
  // reference/store.go Get: a digest wins over a tag given with it.
  const { domain, path, digest } = lookup.ref;
  const key = digest ? fullString({ domain, path, digest }) : fullString(tagNameOnly(lookup.ref));
  const byRef = state.references[key];
  if (byRef && state.images[byRef]) return state.images[byRef];
  if (digest) {
    const holder = Object.values(state.images).find((img) => img.repoDigests.includes(key));
    if (holder) return holder;
  }
  return searchIdPrefix(state, refOrId);
}

export function getImage(state: HostState, refOrId: string): ImageRecord {
  const img = findImage(state, refOrId);
  if (!img) throw noSuchImage(parseLookup(refOrId));
  return img;
}
