// docker update (moby: daemon/update.go, container/container_unix.go UpdateContainer,
// api/server/router/container/container_routes.go postContainerUpdate).
import { EngineError } from "../errors.js";
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import { validateRestartPolicy } from "./create.js";
import { getContainer } from "./lookup.js";
import { containerAttributes } from "./process.js";
import { liveProcesses, memoryCeiling, memoryDemand, mergeResources, verifyResources, type ResourceRequest } from "./resources.js";

export interface ContainerUpdateRequest extends ResourceRequest {
  /** Name "" leaves the policy as it is. */
  restartPolicy?: { Name: string; MaximumRetryCount: number };
}

function cannotUpdate(id: string, error: Error): EngineError {
  const status = error instanceof EngineError ? error.httpStatus : 500;
  return new EngineError(`Cannot update container ${id}: ${error.message}`, status);
}

export function updateContainer(tx: Tx, ref: string, req: ContainerUpdateRequest): { Warnings: string[] } {
  const policy = req.restartPolicy ?? { Name: "", MaximumRetryCount: 0 };
  if (policy.Name !== "") validateRestartPolicy(policy);
  const warnings = verifyResources(req, true);
  // Both 0 and -1 mean "unlimited" when updating; the daemon stores 0.
  const pidsLimit = req.pidsLimit === undefined ? undefined : req.pidsLimit === null || req.pidsLimit <= 0 ? 0 : req.pidsLimit;
  const c = getContainer(tx.state, ref);
  if (c.state.status === "removing" || c.state.dead) {
    throw cannotUpdate(c.id, new Error('container is marked for removal and cannot be "update"'));
  }
  const h = structuredClone(c.hostConfig);
  try {
    mergeResources(h, { ...req, ...(pidsLimit !== undefined ? { pidsLimit } : {}) });
    if (policy.Name !== "") {
      const isNone = policy.Name === "no";
      if (h.AutoRemove && !isNone) throw new EngineError("Restart policy cannot be updated because AutoRemove is enabled for the container", 409);
      h.RestartPolicy = validateRestartPolicy(policy);
    }
  } catch (error) {
    throw cannotUpdate(c.id, error as Error);
  }
  c.hostConfig = h;
  emitEvent(tx.state, tx.now, "container", "update", c.id, containerAttributes(c));
  // cgroup v2: a limit under what the container holds makes the kernel reclaim, then OOM-kill.
  const ceiling = memoryCeiling(h);
  const p = c.process;
  if (p && c.state.running && !c.state.restarting && ceiling !== undefined && memoryDemand(liveProcesses(c, tx.now)) > ceiling) {
    p.oomAt = tx.now;
    if (p.exitAt === null || p.exitAt > tx.now) {
      p.exitAt = tx.now;
      p.exitCode = 137;
    }
  }
  return { Warnings: warnings };
}
