// What a failed start leaves behind (moby: daemon/start.go): the error and exit code stay on a
// Created container, and a `--rm` container is removed with its anonymous volumes.
import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../src/sandbox.js";

const state = async (sb: Sandbox, name: string) =>
  (await sb.run(["inspect", "-f", "{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}", name])).stdout.trim();

const names = async (sb: Sandbox) => (await sb.run(["ps", "-a", "--format", "{{.Names}} {{.Status}}"])).stdout;

describe("a container whose start fails", () => {
  it("keeps exit code 127 and the error, and stays Created", async () => {
    const sb = createSandbox();
    const r = await sb.run("run --name broken busybox nosuchcmd");
    expect(r.exitCode).toBe(127);
    expect(await state(sb, "broken")).toBe(
      'created 127 failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuchcmd": executable file not found in $PATH: unknown',
    );
    expect(await names(sb)).toBe("broken Created\n");
  });

  it("keeps exit code 128 after a port conflict; a later start clears the error", async () => {
    const sb = createSandbox();
    await sb.run("run -d -q --name web -p 8080:80 nginx");
    expect((await sb.run("run -d --name web2 -p 8080:80 nginx")).exitCode).toBe(125);
    expect(await state(sb, "web2")).toMatch(/^created 128 failed to set up container networking: .*port is already allocated$/);
    await sb.run("stop web");
    expect((await sb.run("start web2")).exitCode).toBe(0);
    expect(await state(sb, "web2")).toBe("running 0");
  });

  it("with --rm is removed, anonymous volumes too, after each kind of failure", async () => {
    const sb = createSandbox();
    await sb.run("run -d -q --name web -p 8080:80 nginx");
    await sb.run("pull -q busybox");
    const failures = [
      ["run --rm -v /scratch busybox nosuchcmd", 127],
      ["run --rm -p 8080:80 nginx", 125],
      ["run -d --rm --network nonet busybox", 125],
    ] as const;
    for (const [command, code] of failures) {
      const r = await sb.run(command);
      expect(r.exitCode, command).toBe(code);
      expect(r.stderr, command).toMatch(/^docker: Error response from daemon: /);
    }
    expect(await names(sb)).toBe("web Up Less than a second\n");
    expect((await sb.run("volume ls -q")).stdout).toBe("");
    const destroyed = sb.state()!.events.filter((e) => e.type === "container" && e.action === "destroy");
    expect(destroyed).toHaveLength(3);
  });

  it("restart wraps the failure as moby's restart.go does and records exit code 128", async () => {
    const sb = createSandbox();
    await sb.run("run -d -q --name first -p 8080:80 nginx");
    await sb.run("stop first");
    await sb.run("run -d -q --name second -p 8080:80 nginx");
    const r = await sb.run("restart first");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^Error response from daemon: Cannot restart container first: failed to set up container networking: driver failed programming external connectivity on endpoint first \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n$/,
    );
    expect(await state(sb, "first")).toMatch(/^exited 128 failed to set up container networking: /);
    expect((await sb.run("restart nosuch")).stderr).toBe("Error response from daemon: No such container: nosuch\n");
  });

  it("a running --rm container is left alone by a start that changes nothing", async () => {
    const sb = createSandbox();
    await sb.run("run -d --rm --name nap busybox sleep 1000");
    expect((await sb.run("start nap")).exitCode).toBe(0);
    expect(await names(sb)).toBe("nap Up Less than a second\n");
  });
});
