// mockdocker lab reset / snapshot / restore / snapshots / clock, in-process on a memory store.
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../src/sandbox.js";

describe("lab clock", () => {
  it("shows the frozen simulated time and moves it forward", async () => {
    const host = createSandbox();
    expect((await host.run("mockdocker lab clock")).stdout).toBe("2025-06-01T10:00:00Z (frozen)\n");
    await host.run("run -d --name sleeper busybox sleep 600");
    const r = await host.run("lab clock advance 5m");
    expect(r).toMatchObject({ stdout: "2025-06-01T10:05:00Z (frozen)\n", exitCode: 0 });
    expect((await host.run(["ps", "--format", "{{.Status}}"])).stdout).toBe("Up 5 minutes\n");
    await host.run("lab clock advance 1h30m");
    expect((await host.run(["ps", "-a", "--format", "{{.Status}}"])).stdout).toBe("Exited (0) About an hour ago\n");
  });

  it("lets restart back-offs run out", async () => {
    const host = createSandbox();
    await host.run(["run", "-d", "--name", "flaky", "--restart", "on-failure:3", "busybox", "sh", "-c", "exit 1"]);
    await host.run("lab clock advance 1m");
    const inspect = JSON.parse((await host.run("inspect flaky")).stdout)[0];
    expect(inspect.RestartCount).toBe(3);
    expect(inspect.State.Status).toBe("exited");
  });

  it("sets an instant, refuses to go back, and rejects bad input", async () => {
    const host = createSandbox();
    expect((await host.run("lab clock set 2025-06-02T00:00:00Z")).stdout).toBe("2025-06-02T00:00:00Z (frozen)\n");
    const back = await host.run("lab clock set 2025-01-01T00:00:00Z");
    expect(back.exitCode).toBe(1);
    expect(back.stderr).toMatch(/^mockdocker: the simulated clock cannot go back/);
    expect((await host.run("lab clock advance soon")).stderr).toMatch(/cannot read "soon" as a duration/);
    expect((await host.run("lab clock set never")).exitCode).toBe(1);
    expect((await host.run("lab clock sideways")).exitCode).toBe(1);
  });

  it("follows the real clock again", async () => {
    const host = createSandbox({ clock: Date.UTC(2020, 0, 1) });
    const r = await host.run("lab clock real");
    // The sandbox's real clock is its fixed instant: no offset, no longer frozen.
    expect(r.stdout).toBe("2020-01-01T00:00:00Z (real time)\n");
    expect(host.state()?.clock).toEqual({ offsetMs: 0 });
  });
});

describe("lab snapshots", () => {
  it("saves, lists, restores and removes", async () => {
    const host = createSandbox();
    await host.run("run -d --name web nginx");
    const saved = await host.run("lab snapshot before");
    expect(saved).toMatchObject({ stdout: "Saved before: 1 containers, 1 images, 3 networks, 0 volumes\n", exitCode: 0 });
    await host.run("rm -f web");
    expect((await host.run("lab snapshots")).stdout).toBe(
      "NAME      SAVED AT               CONTAINERS   IMAGES    NETWORKS   VOLUMES\n" + "before    2025-06-01T10:00:00Z   1            1         3          0\n",
    );
    expect((await host.run("lab restore before")).stdout).toBe("Restored before (saved at 2025-06-01T10:00:00Z)\n");
    expect((await host.run(["ps", "--format", "{{.Names}}"])).stdout).toBe("web\n");
    expect((await host.run("lab snapshot rm before")).stdout).toBe("Removed before\n");
    expect((await host.run("lab snapshots -q")).stdout).toBe("");
  });

  it("names what it cannot find and refuses bad names", async () => {
    const host = createSandbox();
    expect(await host.run("lab restore nothing")).toEqual({
      stdout: "",
      stderr: `mockdocker: no snapshot named "nothing" (see 'mockdocker lab snapshots')\n`,
      exitCode: 1,
    });
    expect((await host.run(["lab", "snapshot", "../etc"])).stderr).toMatch(/invalid snapshot name/);
    expect((await host.run("lab snapshot rm nothing")).exitCode).toBe(1);
  });
});

describe("lab reset", () => {
  it("asks first; only y goes ahead", async () => {
    const host = createSandbox();
    await host.run("run -d --name web nginx");
    const no = await host.run("lab reset", { stdin: "n\n" });
    expect(no.exitCode).toBe(0);
    expect(no.stdout).toMatch(/Are you sure you want to continue\? \[y\/N\] $/);
    expect(Object.keys(host.state()!.containers)).toHaveLength(1);
    const yes = await host.run("lab reset", { stdin: "y\n" });
    expect(yes.stdout).toMatch(/The simulated host is empty\.\n$/);
    expect((await host.run("ps -a -q")).stdout).toBe("");
    expect((await host.run("images -q")).stdout).toBe("");
  });

  it("keeps snapshots and takes -f", async () => {
    const host = createSandbox();
    await host.run("lab snapshot empty");
    expect((await host.run("lab reset -f")).stdout).toBe("The simulated host is empty.\n");
    expect((await host.run("lab snapshots -q")).stdout).toBe("empty\n");
  });
});

describe("lab help", () => {
  it("is hidden from docker's root help but has its own", async () => {
    const host = createSandbox();
    expect((await host.run("--help")).stdout).not.toMatch(/\blab\b/);
    const help = await host.run("lab --help");
    expect(help.stdout).toMatch(/snapshot\s+Save the host under a name/);
    expect((await host.run("lab clock --help")).stdout).toMatch(/advance DURATION/);
  });
});
