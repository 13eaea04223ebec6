import type { ContainerCreateRequest } from "../../../src/engine/api-types.js";
import { Daemon } from "../../../src/engine/daemon.js";
import { Engine } from "../../../src/engine/host.js";
import { MemoryStore } from "../../../src/store/memory-store.js";

export const T0 = Date.UTC(2025, 5, 1, 10, 0, 0);

export function newDaemon() {
  const store = new MemoryStore();
  const engine = new Engine({
    store,
    realNow: () => T0,
    random: { bytes: (n) => new Uint8Array(n) },
    seed: "engine-test",
    frozenStart: T0,
    sleep: async () => {},
  });
  return { store, engine, daemon: new Daemon(engine) };
}

export function request(image: string, cmd: string[] = [], extra: Partial<ContainerCreateRequest> = {}, host: Partial<ContainerCreateRequest["hostConfig"]> = {}): ContainerCreateRequest {
  return {
    image,
    cmd,
    env: [],
    labels: {},
    tty: false,
    openStdin: false,
    stdinOnce: false,
    attachStdin: false,
    attachStdout: true,
    attachStderr: true,
    exposedPorts: [],
    volumes: [],
    networking: { aliases: [] },
    ...extra,
    hostConfig: {
      binds: [], containerIdFile: "", networkMode: "default", portBindings: {}, publishAllPorts: false,
      restartPolicy: { Name: "no", MaximumRetryCount: 0 }, autoRemove: false, volumesFrom: [], capAdd: [], capDrop: [],
      dns: [], dnsOptions: [], dnsSearch: [], extraHosts: [], links: [], privileged: false, readonlyRootfs: false,
      tmpfs: {}, shmSize: 0, memory: 0, memoryReservation: 0, memorySwap: 0, nanoCpus: 0, cpuShares: 0, cpusetCpus: "", mounts: [],
      ...host,
    },
  };
}

/** Moves the frozen clock by ms. */
export async function advance(engine: Engine, ms: number) {
  const now = (await engine.view()).now;
  await engine.transact(() => undefined, { advanceTo: now + ms });
}
