// The container list as the daemon last wrote it (moby keeps a similar view for `docker ps`,
// container/view.go): what the default listing shows of every container, in listing order,
// with its status in parts so the text can be made at a later "now". Kept beside the state (store/container-view.ts), it
// lets a listing skip reading and reconciling the whole host; it stays exact until the host
// changes or a container's next time-driven transition falls due.
import type { ContainerSummary } from "../api-types.js";
import type { ClockState } from "../model.js";
import type { StatusParts } from "./status.js";

/** What the default `docker ps` table shows of a summary (the time-dependent Status aside). */
export type ListedFields = Pick<ContainerSummary, "Id" | "Names" | "Image" | "ImageID" | "Command" | "Created" | "Ports">;

export interface ListedContainer extends ListedFields {
  StatusParts: StatusParts;
  /** The container's process is up (running, paused or restarting): listed without --all. */
  Running: boolean;
}

export interface ContainerListView {
  clock: ClockState;
  /** The first instant at which reconciling would change a listed container; null: none is due. */
  validUntil: number | null;
  /** Newest first, as listed. */
  containers: ListedContainer[];
}
