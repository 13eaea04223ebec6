// The lessons of the books' process chapters, replayed in a sandbox under a frozen clock that
// only `lab clock advance` moves.
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";

type Sb = ReturnType<typeof createSandbox>;
const fmt = async (sb: Sb, template: string, name: string) => (await sb.run(["inspect", "-f", template, name])).stdout.trim();
const advance = (sb: Sb, d: string) => sb.run(`lab clock advance ${d}`);

describe("OOM", () => {
  it("a stress worker past the limit is killed; stress gives up and the container is OOMKilled", async () => {
    const sb = createSandbox();
    const r = await sb.run("run --name hog -m 64m progrium/stress --vm 1 --vm-bytes 128M");
    expect(r.exitCode).toBe(1);
    expect(r.stdout + r.stderr).toContain("stress: FAIL: [1] (415) <-- worker 7 got signal 9");
    expect(await fmt(sb, "{{.State.OOMKilled}} {{.State.ExitCode}}", "hog")).toBe("true 1");
    const actions = sb.state()!.events.filter((e) => e.type === "container" && ["oom", "die"].includes(e.action)).map((e) => e.action);
    expect(actions).toEqual(["oom", "die"]);
  });

  it("within memory plus swap it keeps running, its usage pinned under the limit", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name hog -m 64m progrium/stress --vm 1 --vm-bytes 100M");
    await advance(sb, "2s");
    expect(await fmt(sb, "{{.State.Status}}", "hog")).toBe("running");
    expect((await sb.run(["stats", "--no-stream", "--format", "{{.MemUsage}}", "hog"])).stdout).toMatch(/^63\.\d+MiB \/ 64MiB\n$/);
  });

  it("an exec that outgrows what is left is hit too; the container lives on, marked at its exit", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name box -m 64m --entrypoint sleep progrium/stress 1000");
    const r = await sb.run("exec box stress --vm 1 --vm-bytes 128M");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/stress: FAIL: \[\d+\] \(415\) <-- worker \d+ got signal 9/);
    expect(await fmt(sb, "{{.State.Status}} {{.State.OOMKilled}}", "box")).toBe("running false");
    expect(sb.state()!.events.some((e) => e.action === "oom")).toBe(true);
    await sb.run("stop -t 1 box");
    expect(await fmt(sb, "{{.State.OOMKilled}} {{.State.ExitCode}}", "box")).toBe("true 137");
  });

  it("a service whose baseline exceeds a tiny limit is killed with 137", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name db -m 6m -e MYSQL_ROOT_PASSWORD=secret mysql");
    await advance(sb, "60s");
    expect(await fmt(sb, "{{.State.Status}} {{.State.OOMKilled}} {{.State.ExitCode}}", "db")).toBe("exited true 137");
  });
});

describe("PID namespace", () => {
  it("--init puts docker-init at PID 1 and the command at 7; stop ends it with 143", async () => {
    const sb = createSandbox();
    await sb.run("run -d --init --name nap busybox sleep 1000");
    expect((await sb.run("exec nap ps")).stdout).toBe(
      "PID   USER     TIME  COMMAND\n    1 root      0:00 /sbin/docker-init -- sleep 1000\n    7 root      0:00 sleep 1000\n    8 root      0:00 ps\n",
    );
    expect(await fmt(sb, "{{.HostConfig.Init}}", "nap")).toBe("true");
    await sb.run("stop nap");
    expect(await fmt(sb, "{{.State.ExitCode}}", "nap")).toBe("143");
  });

  it("docker top shows tini and its child with host pids", async () => {
    const sb = createSandbox();
    await sb.run("run -d --init --name nap busybox sleep 1000");
    const rows = (await sb.run("top nap")).stdout.trimEnd().split("\n").slice(1).map((l) => l.split(/\s{2,}/));
    expect(rows.map((r) => r[7])).toEqual(["/sbin/docker-init -- sleep 1000", "sleep 1000"]);
    expect(rows[1]![2]).toBe(rows[0]![1]);
  });

  it("top takes BSD options too and refuses what ps refuses", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name nap busybox sleep 1000");
    expect((await sb.run("top nap aux")).stdout.split("\n")[0]!.split(/\s+/)).toEqual(
      ["USER", "PID", "%CPU", "%MEM", "VSZ", "RSS", "TTY", "STAT", "START", "TIME", "COMMAND"],
    );
    expect(await sb.run("top nap -o bogus")).toMatchObject({ exitCode: 1, stderr: "Error response from daemon: Error running ps: exit status 1\n" });
    expect((await sb.run("top nap -o comm")).stderr).toBe("Error response from daemon: Couldn't find PID field in ps output\n");
  });

  it("without --init a PID 1 sleep ignores SIGTERM: 137 after the grace period", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name nap busybox sleep 1000");
    await sb.run("stop nap");
    expect(await fmt(sb, "{{.State.ExitCode}}", "nap")).toBe("137");
  });

  it("top honours ps options; a detached exec shows up while it runs", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name nap busybox sleep 1000");
    const top = await sb.run("top nap -eo pid,comm");
    expect(top.stdout.split("\n")[0]).toMatch(/^PID {17}COMMAND$/);
    expect(top.stdout).toMatch(/\d+ {15,}sleep\n/);
    await sb.run("exec -d nap sleep 30");
    const ps = (await sb.run("exec nap ps")).stdout;
    expect(ps).toContain("    7 root      0:00 sleep 30\n");
    expect(ps).toMatch(/ 1[0-9] root {6}0:00 ps\n/);
    expect((await sb.run("top nap")).stdout.trimEnd().split("\n")).toHaveLength(3);
    await advance(sb, "31s");
    expect((await sb.run("top nap")).stdout.trimEnd().split("\n")).toHaveLength(2);
  });
});

describe("a supervisor keeps its programs up", () => {
  it("killing apache2 inside tutum/lamp makes supervisord start it again", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name lamp-test tutum/lamp");
    await advance(sb, "10s");
    const before = (await sb.run("exec lamp-test ps")).stdout;
    expect(before).toMatch(/^ +1 \? +00:00:00 supervisord$/m);
    expect(before).toMatch(/ mysqld_safe\n/);
    const apache = /^ +(\d+) \? +00:00:00 apache2$/m.exec(before)![1]!;
    expect((await sb.run(`exec lamp-test kill ${apache}`)).exitCode).toBe(0);
    await advance(sb, "2s");
    const after = (await sb.run("exec lamp-test ps")).stdout;
    const again = /^ +(\d+) \? +00:00:00 apache2$/m.exec(after)![1]!;
    expect(Number(again)).toBeGreaterThan(Number(apache));
    expect(after).toContain(" mysqld\n");
    const logs = (await sb.run("logs lamp-test")).stdout;
    expect(logs).toContain("INFO supervisord started with pid 1\n");
    expect(logs).toContain("INFO exited: apache2 (terminated by SIGTERM; not expected)\n");
    expect(logs).toContain(`INFO spawned: 'apache2' with pid ${again}\n`);
    expect(await fmt(sb, "{{.State.Status}} {{.RestartCount}}", "lamp-test")).toBe("running 0");
  });
});

describe("restart policies", () => {
  it("a crash loop backs off 100 ms doubling, shows Restarting, counts restarts; stop cancels", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name loop --restart always busybox sh -c 'exit 3'");
    const status = async () => (await sb.run(["ps", "-a", "--format", "{{.Status}}"])).stdout.trim();
    expect(await status()).toBe("Restarting (3) Less than a second ago");
    // Each exit schedules a restart (and counts it, as moby's monitor does) after 0.1, 0.2, 0.4,
    // 0.8, 1.6, 3.2 s: exits at 0, 0.1, 0.3, 0.7, 1.5, 3.1, then 6.3 s.
    expect(await fmt(sb, "{{.RestartCount}}", "loop")).toBe("1");
    await advance(sb, "6s");
    expect(await fmt(sb, "{{.RestartCount}} {{.State.FinishedAt}}", "loop")).toBe("6 2025-06-01T10:00:03.1Z");
    await advance(sb, "1s");
    expect(await fmt(sb, "{{.RestartCount}} {{.State.FinishedAt}}", "loop")).toBe("7 2025-06-01T10:00:06.3Z");
    expect(await fmt(sb, "{{.State.Restarting}} {{.State.Running}}", "loop")).toBe("true true");
    await advance(sb, "2s");
    expect(await status()).toBe("Restarting (3) 2 seconds ago");
    expect((await sb.run("stop loop")).stdout).toBe("loop\n");
    await advance(sb, "2m");
    expect(await fmt(sb, "{{.State.Status}} {{.RestartCount}}", "loop")).toBe("exited 7");
  });

  it("kill on a restarting container cancels the pending restart", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name loop --restart unless-stopped busybox false");
    expect(await fmt(sb, "{{.State.Status}}", "loop")).toBe("restarting");
    expect((await sb.run("kill loop")).stdout).toBe("loop\n");
    await advance(sb, "1m");
    expect(await fmt(sb, "{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}", "loop")).toBe("exited 1 1");
    // docker start clears the count and the manual stop.
    await sb.run("start loop");
    expect(await fmt(sb, "{{.State.Status}} {{.RestartCount}}", "loop")).toBe("restarting 1");
  });

  it("the back-off resets after ten seconds up", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name naps --restart always busybox sleep 12");
    await advance(sb, "12s");
    expect(await fmt(sb, "{{.State.Status}} {{.RestartCount}}", "naps")).toBe("restarting 1");
    await advance(sb, "100ms");
    expect(await fmt(sb, "{{.State.Status}} {{.RestartCount}}", "naps")).toBe("running 1");
    await advance(sb, "12s");
    await advance(sb, "100ms");
    expect(await fmt(sb, "{{.State.Status}} {{.RestartCount}}", "naps")).toBe("running 2");
  });

  it("on-failure:N gives up after N restarts; validation texts are the daemon's", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name few --restart on-failure:2 busybox false");
    await advance(sb, "5s");
    expect(await fmt(sb, "{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}", "few")).toBe("exited 2 1");
    const first = async (args: string) => (await sb.run(`run ${args} busybox true`)).stderr.split("\n")[0];
    expect(await first("--restart=foo")).toBe(
      "docker: Error response from daemon: invalid restart policy: unknown policy 'foo'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
    );
    expect(await first("--restart=always:3")).toBe("docker: Error response from daemon: invalid restart policy: maximum retry count can only be used with 'on-failure'");
    expect(await first("--restart=on-failure:-1")).toBe("docker: Error response from daemon: invalid restart policy: maximum retry count cannot be negative");
    expect(await first("--rm --restart=always")).toBe("docker: conflicting options: cannot specify both --restart and --rm");
  });
});

describe("entrypoints that refuse to start", () => {
  it("mysql without a root password option exits 1 with the entrypoint's error", async () => {
    const sb = createSandbox();
    const r = await sb.run("run --name db mysql");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/\[ERROR\] \[Entrypoint\]: Database is uninitialized and password option is not specified\n    You need to specify one of the following:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n/);
  });

  it("postgres without POSTGRES_PASSWORD exits 1", async () => {
    const sb = createSandbox();
    const r = await sb.run("run --name pg postgres");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("Error: Database is uninitialized and superuser password is not specified.");
    expect(await fmt(sb, "{{.State.ExitCode}}", "pg")).toBe("1");
  });
});
