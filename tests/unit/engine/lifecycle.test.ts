import { describe, expect, it } from "vitest";
import { advance, newDaemon, request, T0 } from "./helpers.js";

async function pulled(image: string) {
  const h = newDaemon();
  await h.daemon.imagePull(image, {}, () => {});
  return h;
}

const actions = (state: { events: Array<{ actorId: string; action: string; type: string; attributes: Record<string, string> }> }, id: string) =>
  state.events.filter((e) => e.actorId === id || e.attributes.container === id).map((e) => `${e.type} ${e.action}${e.attributes.signal ? ` ${e.attributes.signal}` : ""}`);

describe("container lifecycle", () => {
  it("a sleeping process exits by itself once its time has passed", async () => {
    const { daemon, engine } = await pulled("busybox");
    const { Id } = await daemon.containerCreate(request("busybox", ["sleep", "5"]));
    await daemon.containerStart(Id);
    expect((await daemon.containerList({}))[0]!.Status).toBe("Up Less than a second");
    await advance(engine, 4000);
    expect((await daemon.containerList({}))[0]!.Status).toBe("Up 4 seconds");
    await advance(engine, 1000);
    expect(await daemon.containerList({})).toEqual([]);
    const [c] = await daemon.containerList({ all: true });
    expect(c!.Status).toBe("Exited (0) Less than a second ago");
    expect(c!.State).toBe("exited");
  });

  it("logs show output as simulated time reaches it", async () => {
    const { daemon, engine } = await pulled("busybox");
    const { Id } = await daemon.containerCreate(request("busybox", ["sh", "-c", "echo one; sleep 2; echo two >&2"]));
    await daemon.containerStart(Id);
    const first = await daemon.containerLogs(Id, { stdout: true, stderr: true });
    expect(first.entries.map((e) => e.text)).toEqual(["one\n"]);
    await advance(engine, 2000);
    const later = await daemon.containerLogs(Id, { stdout: true, stderr: true });
    expect(later.entries.map((e) => [e.stream, e.text, e.time - T0])).toEqual([
      ["stdout", "one\n", 0],
      ["stderr", "two\n", 2000],
    ]);
  });

  it("stop waits the grace period for a PID 1 that ignores SIGTERM, then kills it (137)", async () => {
    const { daemon, store } = await pulled("busybox");
    const { Id } = await daemon.containerCreate(request("busybox", ["sleep", "1000"]));
    await daemon.containerStart(Id);
    await daemon.containerStop(Id);
    const state = store.snapshot()!;
    const c = state.containers[Id]!;
    expect(c.state.exitCode).toBe(137);
    expect(c.state.finishedAt - c.state.startedAt).toBe(10_000);
    expect(actions(state, Id).slice(-6)).toEqual([
      "container start",
      "container kill 15",
      "container kill 9",
      "container die",
      "network disconnect",
      "container stop",
    ]);
  });

  it("stop with -t 0 kills at once", async () => {
    const { daemon, store } = await pulled("busybox");
    const { Id } = await daemon.containerCreate(request("busybox", ["sleep", "1000"]));
    await daemon.containerStart(Id);
    await daemon.containerStop(Id, { timeout: 0 });
    const c = store.snapshot()!.containers[Id]!;
    expect(c.state.finishedAt).toBe(c.state.startedAt);
  });

  it("restart policy always: back-off doubles from 100 ms and the status says Restarting", async () => {
    const { daemon, engine, store } = await pulled("busybox");
    const { Id } = await daemon.containerCreate(request("busybox", ["false"], {}, { restartPolicy: { Name: "always", MaximumRetryCount: 0 } }));
    await daemon.containerStart(Id);
    let c = store.snapshot()!.containers[Id]!;
    expect(c.state.restarting).toBe(true);
    expect(c.restartAt! - T0).toBe(100);
    expect((await daemon.containerList({}))[0]!.Status).toBe("Restarting (1) Less than a second ago");
    await advance(engine, 100 + 200 + 400);
    c = store.snapshot()!.containers[Id]!;
    expect(c.restartCount).toBe(4);
    expect(c.restartAt! - T0).toBe(100 + 200 + 400 + 800);
    await advance(engine, 3 * 60_000);
    c = store.snapshot()!.containers[Id]!;
    expect(c.restartDelayMs).toBe(60_000);
  });

  it("on-failure:2 gives up after two restarts", async () => {
    const { daemon, engine, store } = await pulled("busybox");
    const { Id } = await daemon.containerCreate(request("busybox", ["sh", "-c", "exit 3"], {}, { restartPolicy: { Name: "on-failure", MaximumRetryCount: 2 } }));
    await daemon.containerStart(Id);
    await advance(engine, 10_000);
    const c = store.snapshot()!.containers[Id]!;
    expect(c.restartCount).toBe(2);
    expect(c.state.running).toBe(false);
    expect(c.state.exitCode).toBe(3);
  });

  it("stop cancels a pending restart", async () => {
    const { daemon, engine, store } = await pulled("busybox");
    const { Id } = await daemon.containerCreate(request("busybox", ["false"], {}, { restartPolicy: { Name: "always", MaximumRetryCount: 0 } }));
    await daemon.containerStart(Id);
    await daemon.containerStop(Id);
    await advance(engine, 60_000);
    const c = store.snapshot()!.containers[Id]!;
    expect(c.state.running).toBe(false);
    expect(c.restartCount).toBe(1);
  });

  it("--rm removes the container when its process ends, and attach still sees the output and exit code", async () => {
    const { daemon, store } = await pulled("busybox");
    const { Id } = await daemon.containerCreate(request("busybox", ["sh", "-c", "echo bye; exit 4"], {}, { autoRemove: true }));
    await daemon.containerStart(Id);
    expect(store.snapshot()!.containers[Id]).toBeUndefined();
    const { Id: id2 } = await daemon.containerCreate(request("busybox", ["sh", "-c", "echo now; sleep 1; echo later; exit 5"], {}, { autoRemove: true }));
    const seen: string[] = [];
    const code = await daemon.containerAttach(id2, (e) => seen.push(e.text), { start: {} });
    expect(code).toBe(5);
    expect(seen).toEqual(["now\n", "later\n"]);
    const { Id: id3 } = await daemon.containerCreate(request("busybox", ["echo", "at once"], {}, { autoRemove: true }));
    const seen3: string[] = [];
    expect(await daemon.containerAttach(id3, (e) => seen3.push(e.text), { start: {} })).toBe(0);
    expect(seen3).toEqual(["at once\n"]);
    expect(store.snapshot()!.containers[id2]).toBeUndefined();
  });

  it("a missing executable fails start with runc's text and leaves the container Created", async () => {
    const { daemon, store } = await pulled("busybox");
    const { Id } = await daemon.containerCreate(request("busybox", ["nosuchcmd"]));
    await expect(daemon.containerStart(Id)).rejects.toThrow('exec: "nosuchcmd": executable file not found in $PATH: unknown');
    const c = store.snapshot()!.containers[Id]!;
    expect(c.state.startedAt).toBe(0);
    expect((await daemon.containerList({ all: true }))[0]!.Status).toBe("Created");
  });

  it("pause freezes the process: its exit comes later by the paused time", async () => {
    const { daemon, engine } = await pulled("busybox");
    const { Id } = await daemon.containerCreate(request("busybox", ["sleep", "10"]));
    await daemon.containerStart(Id);
    await daemon.containerPause(Id);
    await expect(daemon.containerPause(Id)).rejects.toThrow(`Container ${Id} is already paused`);
    await advance(engine, 20_000);
    expect((await daemon.containerList({}))[0]!.Status).toBe("Up 20 seconds (Paused)");
    await daemon.containerUnpause(Id);
    await advance(engine, 9_000);
    expect((await daemon.containerList({}))[0]!.State).toBe("running");
    await advance(engine, 1_000);
    expect(await daemon.containerList({})).toEqual([]);
  });

  it("names: generated, validated, and conflicts reported with the holder's id", async () => {
    const { daemon } = await pulled("busybox");
    const { Id } = await daemon.containerCreate({ ...request("busybox", ["true"]), name: "web" });
    await expect(daemon.containerCreate({ ...request("busybox", ["true"]), name: "web" })).rejects.toThrow(
      `Conflict. The container name "/web" is already in use by container "${Id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
    await expect(daemon.containerCreate({ ...request("busybox", ["true"]), name: "bad name" })).rejects.toThrow(
      "Invalid container name (bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed",
    );
    await daemon.containerCreate(request("busybox", ["true"]));
    const names = (await daemon.containerList({ all: true })).map((c) => c.Names[0]).filter((n) => n !== "/web");
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^\/[a-z]+_[a-z]+$/);
  });

  it("restart policy validation gives the daemon's texts", async () => {
    const { daemon } = await pulled("busybox");
    await expect(daemon.containerCreate(request("busybox", ["true"], {}, { restartPolicy: { Name: "bogus", MaximumRetryCount: 0 } }))).rejects.toThrow(
      "invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
    );
    await expect(daemon.containerCreate(request("busybox", ["true"], {}, { restartPolicy: { Name: "always", MaximumRetryCount: 3 } }))).rejects.toThrow(
      "invalid restart policy: maximum retry count can only be used with 'on-failure'",
    );
  });
});
