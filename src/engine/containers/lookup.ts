// Finding a container the way the daemon does (moby: daemon/container.go GetContainer):
// full id, then exact name, then a unique id prefix.
import { EngineError, notFound } from "../errors.js";
import type { ContainerRecord, HostState } from "../model.js";

export function findContainer(state: HostState, ref: string): ContainerRecord | undefined {
  if (ref === "") return undefined;
  const byId = state.containers[ref];
  if (byId) return byId;
  const name = ref.startsWith("/") ? ref : `/${ref}`;
  for (const c of Object.values(state.containers)) if (c.name === name) return c;
  if (!/^[0-9a-f]+$/.test(ref)) return undefined;
  const matches = Object.keys(state.containers).filter((id) => id.startsWith(ref));
  if (matches.length > 1) throw new EngineError(`Multiple IDs found with provided prefix: ${ref}`, 400);
  return matches.length === 1 ? state.containers[matches[0]!] : undefined;
}

export function getContainer(state: HostState, ref: string): ContainerRecord {
  const c = findContainer(state, ref);
  if (!c) throw notFound(`No such container: ${ref}`);
  return c;
}

export function containerByName(state: HostState, name: string): ContainerRecord | undefined {
  for (const c of Object.values(state.containers)) if (c.name === name) return c;
  return undefined;
}
