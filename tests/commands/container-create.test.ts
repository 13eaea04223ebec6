import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

describe("docker create", () => {
  it("prints the ID; start then runs it", async () => {
    const sb = createSandbox();
    const created = await sb.run("create -q --name job busybox echo from-job");
    expect(created.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expectGolden("container-create-ok", created);
    const c = Object.values(sb.state()!.containers)[0]!;
    expect(c.state.status).toBe("created");
    expect(await sb.run("start job")).toEqual({ stdout: "job\n", stderr: "", exitCode: 0 });
    expect((await sb.run("logs job")).stdout).toBe("from-job\n");
  });

  it("pull output goes to stderr, never stdout", async () => {
    const r = await createSandbox().run("create alpine");
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(r.stderr).toContain("Unable to find image 'alpine:latest' locally\n");
  });

  it("prints daemon errors bare with exit 1", async () => {
    const sb = createSandbox();
    await sb.run("create -q --name job busybox");
    const r = await sb.run("create --name job busybox");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Error response from daemon: Conflict\. The container name "\/job" is already in use/);
    expectGolden("container-create-name-conflict", r);
    expect(await sb.run("create --pull=never nginx")).toEqual({
      stdout: "",
      stderr: "Error response from daemon: No such image: nginx:latest\n",
      exitCode: 1,
    });
  });

  it("option errors carry the help hint and exit 125", async () => {
    const r = await createSandbox().run("create --restart=on-failure:x alpine");
    expect(r).toEqual({
      stdout: "",
      stderr: "docker: invalid restart policy format: maximum retry count must be an integer\n\nRun 'docker create --help' for more information\n",
      exitCode: 125,
    });
  });
});
