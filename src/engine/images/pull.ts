// docker pull from the built-in catalogue (Docker Hub); see pull-core.ts for the daemon logic.
import type { JsonMessage } from "../api-types.js";
import type { Tx } from "../host.js";
import { heavy } from "../heavy.js";
import { catalogueSourceOf } from "./catalogue-source.js";
import { pullAllTagsFrom, pullFrom, type PullOptions } from "./pull-core.js";

export type { PullOptions } from "./pull-core.js";
export { unreachableRegistry } from "./pull-core.js";

export function pullImage(tx: Tx, ref: string, opts: PullOptions = {}): JsonMessage[] {
  return pullFrom(catalogueSourceOf(heavy().catalogue), tx, ref, opts);
}

export function pullAllTags(tx: Tx, ref: string, opts: Omit<PullOptions, "allTags"> = {}): JsonMessage[] {
  return pullAllTagsFrom(catalogueSourceOf(heavy().catalogue), tx, ref, opts);
}
