// Makes a state directory holding N running busybox containers, in one transaction.
import { Engine } from "../src/engine/host.js";
import { FileStore } from "../src/store/file-store.js";
import { makeContainerListView } from "../src/engine/containers/list.js";
import { encodeContainerView } from "../src/formatter/container-view-encode.js";
import { createContainer } from "../src/engine/containers/create.js";
import { startContainer } from "../src/engine/containers/lifecycle.js";
import { pullImage } from "../src/engine/images/index.js";
import { request } from "../tests/unit/engine/helpers.js";

const [dir, countText] = process.argv.slice(2);
const count = Number(countText);
const engine = new Engine({
  store: new FileStore(dir!, { containerView: (state) => encodeContainerView(makeContainerListView(state)) }),
  realNow: () => Date.now(),
  random: { bytes: (n) => crypto.getRandomValues(new Uint8Array(n)) },
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
});


await engine.transact((tx) => {
  pullImage(tx, "busybox", {});
  for (let i = 0; i < count; i++) {
    const { Id } = createContainer(tx, request("busybox", ["sleep", "1000000"]));
    startContainer(tx, Id);
  }
});
