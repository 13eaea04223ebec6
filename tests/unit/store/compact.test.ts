import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compactContainer, expandContainer } from "../../../src/store/compact.js";
import { createSandbox } from "../../../src/sandbox.js";
import { FileStore } from "../../../src/store/file-store.js";

const roundTrip = (c: unknown) => expandContainer(JSON.parse(JSON.stringify(compactContainer(c as never))));

describe("compact container records in state.json", () => {
  it("gives back every record exactly, key order included, and stores less", async () => {
    const sb = createSandbox();
    for (const line of [
      "run -d --name web -p 8080:80 -v data:/data --restart always -e A=1 nginx",
      "run -d --name plain busybox sleep 100",
      "create --name odd --read-only --tmpfs /run -m 64m --cpus 1.5 --label a=b -w /tmp -u 1000 busybox",
      "run --name done busybox sh -c 'exit 3'",
    ]) {
      expect((await sb.run(line)).exitCode, line).toBeLessThanOrEqual(3);
    }
    const containers = Object.values(sb.state()!.containers);
    expect(containers).toHaveLength(4);
    for (const c of containers) {
      expect(JSON.stringify(roundTrip(c))).toBe(JSON.stringify(c));
      expect(JSON.stringify(compactContainer(c)).length).toBeLessThan(JSON.stringify(c).length);
    }
  });

  it("keeps a part it cannot give back exactly as it is", () => {
    const c = { id: "x", config: { Image: "a", Hostname: "h", Tty: false, Extra: 1 }, hostConfig: { Memory: 0, NetworkMode: "default" }, state: { running: true, status: "running" } };
    const stored = compactContainer(c as never);
    expect(stored.hostConfig).toEqual({ Memory: 0, NetworkMode: "default" });
    expect(JSON.stringify(roundTrip(c))).toBe(JSON.stringify(c));
  });

  it("keeps a part whose keys come in another order as it is", () => {
    const state = { status: "exited", running: false, paused: false, restarting: false, oomKilled: false, dead: false, pid: 0, exitCode: 0, error: "", startedAt: 1, finishedAt: 2, manuallyStopped: false };
    const reordered = Object.fromEntries(Object.entries(state).reverse());
    expect(compactContainer({ id: "x", state } as never).state).toEqual({ status: "exited", running: false, pid: 0, startedAt: 1, finishedAt: 2 });
    expect(compactContainer({ id: "y", state: reordered } as never).state).toBe(reordered);
    expect(JSON.stringify(roundTrip({ id: "y", state: reordered }))).toBe(JSON.stringify({ id: "y", state: reordered }));
  });

  it("the file store reads back what it wrote", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "md-compact-"));
    try {
      const sb = createSandbox();
      await sb.run("run -d --name web -p 8080:80 nginx");
      const state = sb.state()!;
      const store = new FileStore(dir);
      await store.update(() => ({ state, result: undefined }));
      expect(fs.readFileSync(path.join(dir, "state.json"), "utf8")).toContain('"~compact"');
      const back = (await store.read())!;
      expect(JSON.stringify(back.containers)).toBe(JSON.stringify(state.containers));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
