// docker pull from Docker Hub (the built-in catalogue plus what users pushed) or from a
// registry container; see pull-core.ts for the daemon logic.
import type { JsonMessage } from "../api-types.js";
import type { Tx } from "../host.js";
import { heavy } from "../heavy.js";
import { resolveEndpoint } from "../registry/endpoint.js";
import type { NamedReference } from "../registry/reference.js";
import { hubSource, storageSource } from "../registry/storage-source.js";
import { pullAllTagsFrom, pullFrom, type PullOptions } from "./pull-core.js";
import type { RemoteSource } from "./source.js";

export type { PullOptions } from "./pull-core.js";
export { unreachableRegistry } from "../registry/endpoint.js";

/** The source a reference's domain reaches; throws the connection error when none answers. */
export function remoteSourceFor(tx: Tx, ref: NamedReference): RemoteSource {
  const endpoint = resolveEndpoint(tx.state, tx.now, ref.domain);
  const { catalogue } = heavy();
  return endpoint.kind === "hub" ? hubSource(endpoint.hub, endpoint.storage, catalogue) : storageSource(endpoint.storage, catalogue);
}

export function pullImage(tx: Tx, ref: string, opts: PullOptions = {}): JsonMessage[] {
  return pullFrom((named) => remoteSourceFor(tx, named), tx, ref, opts);
}

export function pullAllTags(tx: Tx, ref: string, opts: Omit<PullOptions, "allTags"> = {}): JsonMessage[] {
  return pullAllTagsFrom((named) => remoteSourceFor(tx, named), tx, ref, opts);
}
