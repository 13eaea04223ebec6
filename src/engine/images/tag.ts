// POST /images/{name}/tag (moby: api/server/router/image postImagesTag, httputils
// RepoTagReference; daemon/images/image_tag.go TagImage). A tag that exists is moved.
import { emitEvent } from "../events.js";
import { invalidParameter } from "../errors.js";
import type { Tx } from "../host.js";
import { familiarString, parseNormalizedNamed, ReferenceError, tagNameOnly, type NamedReference } from "../registry/reference.js";
import { addReference } from "./refs.js";
import { getImage } from "./resolve.js";

function parseTarget(target: string): NamedReference {
  let ref: NamedReference;
  try {
    ref = parseNormalizedNamed(target);
  } catch (e) {
    if (e instanceof ReferenceError) throw invalidParameter(e.message);
    throw e;
  }
  if (ref.digest) throw invalidParameter("refusing to create a tag with a digest reference");
  return tagNameOnly(ref);
}

/** Tags the image `source` resolves to as `target` ("repo[:tag]", tag defaulted to latest). */
export function tagImage(tx: Tx, source: string, target: string): void {
  const ref = parseTarget(target);
  const img = getImage(tx.state, source);
  if (familiarString({ ...ref, tag: undefined }) === "sha256") {
    throw invalidParameter("refusing to create an ambiguous tag using digest algorithm as name");
  }
  addReference(tx.state, ref, img.id);
  img.lastTagTime = tx.now;
  emitEvent(tx.state, tx.now, "image", "tag", img.id, { ...(img.config.Labels ?? {}), name: familiarString(ref) });
}
