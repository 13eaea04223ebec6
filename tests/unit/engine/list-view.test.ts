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
    const db = makeContainerListView(sb.state()!).containers.find((c) => c.Names.includes("/db"))!;
    expect(db.Names).toEqual(["/app/database", "/db"]);
    expect((await sb.run("ps --no-trunc --format {{.Names}}")).stdout).toBe("app\napp/database,db\n");
    expect((await sb.run("ps --format {{.Names}}")).stdout).toBe("app\ndb\n");
  });

  it("keeps links across a rename of either container, as inspect shows them", async () => {
    const sb = createSandbox({ clock: T0 });
    await sb.run("run -d --name db busybox sleep 100");
    await sb.run("run -d --name app --link db:database busybox sleep 100");
    await sb.run("rename db store");
    await sb.run("rename app web");
    expect((await sb.run(["ps", "--no-trunc", "--format", "{{.Names}}"])).stdout).toBe("web\nstore,web/database\n");
    expect((await sb.run(["inspect", "-f", "{{json .HostConfig.Links}}", "web"])).stdout).toBe('["/store:/web/database"]\n');
  });

  it("finds a link's target by its name, never by an id prefix", async () => {
    const sb = createSandbox({ clock: T0 });
    // Containers until two ids share their first two digits: a name that is also an ambiguous prefix.
    let prefix: string | undefined;
    while (prefix === undefined) {
      await sb.run("create busybox true");
      const seen = new Map<string, number>();
      for (const id of Object.keys(sb.state()!.containers)) seen.set(id.slice(0, 2), (seen.get(id.slice(0, 2)) ?? 0) + 1);
      prefix = [...seen].find(([, n]) => n > 1)?.[0];
    }
    await sb.run(`run -d --name ${prefix} busybox sleep 100`);
    await sb.run(`run -d --name app --link ${prefix}:db busybox sleep 100`);
    expect((await sb.run(["ps", "--no-trunc", "--format", "{{.Names}}"])).stdout).toBe(`app\n${[`/${prefix}`, "/app/db"].sort().map((n) => n.slice(1)).join(",")}\n`);
    const rm = await sb.run(`rm -f ${prefix}`);
    expect(rm.stderr).toBe("");
    expect(rm.exitCode).toBe(0);
    expect((await sb.run(["ps", "-a", "--no-trunc", "--format", "{{.Names}}"])).stdout).not.toContain("/db");
  });
});
