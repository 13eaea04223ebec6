// The container list view: until when it stays exact (the first time-driven transition).
import { describe, expect, it } from "vitest";
import { makeContainerListView } from "../../../src/engine/containers/list.js";
import { createSandbox } from "../../../src/sandbox.js";

const T0 = Date.UTC(2025, 5, 1, 10, 0, 0);

describe("makeContainerListView", () => {
  it("lists every container newest first, with its status in parts and whether it is up", async () => {
    const sb = createSandbox({ clock: T0 });
    await sb.run("run --name done busybox true");
    await sb.run("create --name fresh busybox");
    await sb.run("run -d --name napping busybox sleep 100");
    await sb.run("pause napping");
    const view = makeContainerListView(sb.state()!);
    expect(view.containers.map((c) => [c.Names[0], c.Running, c.StatusParts])).toEqual([
      ["/napping", true, ["Up ", T0, " (Paused)"]],
      ["/fresh", false, ["Created", null, ""]],
      ["/done", false, ["Exited (0) ", T0, " ago"]],
    ]);
    // A paused process does not end on its own.
    expect(view.validUntil).toBeNull();
  });

  it("stays exact until the first running process ends", async () => {
    const sb = createSandbox({ clock: T0 });
    await sb.run("run -d busybox sleep 100");
    await sb.run("run -d busybox sleep 30");
    await sb.run("run -d busybox sleep 1000000");
    expect(makeContainerListView(sb.state()!).validUntil).toBe(T0 + 30_000);
  });

  it("stays exact until a restarting container restarts", async () => {
    const sb = createSandbox({ clock: T0 });
    await sb.run("run -d --restart always busybox false");
    const view = makeContainerListView(sb.state()!);
    const c = Object.values(sb.state()!.containers)[0]!;
    expect(c.state.restarting).toBe(true);
    expect(view.validUntil).toBe(c.restartAt);
    expect(view.containers[0]!.StatusParts[0]).toBe("Restarting (1) ");
  });

  it("names the containers that link to one (ps --no-trunc shows them)", async () => {
    const sb = createSandbox({ clock: T0 });
    await sb.run("run -d --name db busybox sleep 100");
    await sb.run("run -d --name app --link db:database busybox sleep 100");
    const db = makeContainerListView(sb.state()!).containers.find((c) => c.Names[0] === "/db")!;
    expect(db.Names).toEqual(["/db", "/app/database"]);
    expect((await sb.run("ps --no-trunc --format {{.Names}}")).stdout).toBe("app\ndb,app/database\n");
  });
});
