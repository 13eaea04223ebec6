import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

describe("docker top", () => {
  it("lists the processes of a running container", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name web busybox sleep 1000");
    const r = await sb.run("top web");
    expectGolden("container-top-running", r);
    // tabwriter(20, 1, 3): the first column is at least 20 wide.
    expect(r.stdout.split("\n")[0]).toMatch(/^UID {17}PID/);
  });

  it("passes ps options through", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name web nginx");
    const r = await sb.run("container top web -ef");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("nginx");
  });

  it("refuses a stopped container", async () => {
    const sb = createSandbox();
    await sb.run("create --name web nginx");
    expectGolden("container-top-stopped", await sb.run("top web"));
  });

  it("reports a missing container", async () => {
    expectGolden("container-top-missing", await createSandbox().run("top nope"));
  });
});
