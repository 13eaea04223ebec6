// Makes a state directory holding N running busybox containers, in one transaction.
import { Engine } from "../src/engine/host.js";
import { FileStore } from "../src/store/file-store.js";
import { createContainer } from "../src/engine/containers/create.js";
import { startContainer } from "../src/engine/containers/lifecycle.js";
import { pullImage } from "../src/engine/images/index.js";
import type { ContainerCreateRequest } from "../src/engine/api-types.js";

const [dir, countText] = process.argv.slice(2);
const count = Number(countText);
const engine = new Engine({
  store: new FileStore(dir!),
  realNow: () => Date.now(),
  random: { bytes: (n) => crypto.getRandomValues(new Uint8Array(n)) },
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
});

function request(): ContainerCreateRequest {
  return {
    image: "busybox",
    cmd: ["sleep", "1000000"],
    env: [],
    labels: {},
    tty: false,
    openStdin: false,
    stdinOnce: false,
    attachStdin: false,
    attachStdout: false,
    attachStderr: false,
    exposedPorts: [],
    volumes: [],
    networking: { aliases: [] },
    hostConfig: {
      binds: [], containerIdFile: "", networkMode: "default", portBindings: {}, publishAllPorts: false,
      restartPolicy: { Name: "no", MaximumRetryCount: 0 }, autoRemove: false, volumesFrom: [], capAdd: [], capDrop: [],
      dns: [], dnsOptions: [], dnsSearch: [], extraHosts: [], links: [], privileged: false, readonlyRootfs: false,
      tmpfs: {}, shmSize: 0, memory: 0, memoryReservation: 0, memorySwap: 0, nanoCpus: 0, cpuShares: 0, cpusetCpus: "", mounts: [],
    },
  };
}

await engine.transact((tx) => {
  pullImage(tx, "busybox", {});
  for (let i = 0; i < count; i++) {
    const { Id } = createContainer(tx, request());
    startContainer(tx, Id);
  }
});
