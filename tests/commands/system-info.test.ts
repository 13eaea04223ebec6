import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

describe("docker info", () => {
  it("prints the client block without plugins, then the server block", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name web nginx");
    await sb.run("run --name once alpine true");
    const r = await sb.run("info");
    expect(r.stdout.startsWith("Client: Docker Engine - Community\n Version:    28.2.2\n Context:    default\n Debug Mode: false\n\nServer:\n")).toBe(true);
    expect(r.stdout).not.toContain(" Plugins:\n  buildx");
    expect(r.stdout).toContain(" Containers: 2\n  Running: 1\n  Paused: 0\n  Stopped: 1\n Images: 2\n");
    expect(r.stdout).toContain(" Total Memory: 7.667GiB\n");
    expect(r.stdout.endsWith(" Live Restore Enabled: false\n\n")).toBe(true);
    expectGolden("system-info-default", r);
  });

  it("is the same under docker system info", async () => {
    const a = await createSandbox().run("info");
    const b = await createSandbox().run("system info");
    expect(b).toEqual(a);
  });

  it.each([
    ["field", "info --format '{{.ServerVersion}} {{.NCPU}} {{.Swarm.LocalNodeState}}'"],
    ["go-field-name", "info --format '[{{.HTTPProxy}}] {{.CPUCfsQuota}}'"],
    ["client-only", "info --format '{{.ClientInfo.Version}} {{len .ClientInfo.Plugins}}'"],
    ["json-client", "info --format '{{json .ClientInfo}}'"],
  ])("--format: %s", async (name, cmd) => {
    expectGolden(`system-info-format-${name}`, await createSandbox().run(cmd));
  });

  it("prints one JSON document with --format json", async () => {
    const r = await createSandbox().run("info --format json");
    const doc = JSON.parse(r.stdout) as Record<string, unknown> & { ClientInfo: Record<string, unknown> };
    expect(Object.keys(doc)[0]).toBe("ID");
    expect(doc.ClientInfo.Plugins).toEqual([]);
    expect(doc.ClientInfo).not.toHaveProperty("ApiVersion");
    expect(doc.OperatingSystem).toContain("simulated");
    expect(r.stdout.split("\n")).toHaveLength(2);
  });

  it("exits 64 when the template does not parse", async () => {
    expectGolden("system-info-bad-template", await createSandbox().run("info --format '{{'"));
  });

  it("exits 1 with the execution error for an unknown field", async () => {
    expectGolden("system-info-unknown-field", await createSandbox().run("info --format '{{.Foo}}'"));
  });
});
