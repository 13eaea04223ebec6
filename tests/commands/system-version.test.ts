import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

describe("docker version", () => {
  it("prints the client and server blocks in docker's layout", async () => {
    const r = await createSandbox().run("version");
    expect(r.stdout.split("\n")[0]).toBe("Client: Docker Engine - Community");
    expect(r.stdout).toContain("\n API version:       1.50\n");
    expect(r.stdout).toContain("\n  API version:      1.50 (minimum version 1.24)\n");
    expectGolden("system-version-default", r);
  });

  it.each([
    ["json", "version --format json"],
    ["server-version", "version --format '{{.Server.Version}}'"],
    ["client-fields", "version -f '{{.Client.Version}} {{.Client.APIVersion}} {{.Client.Os}}/{{.Client.Arch}} {{.Client.Context}}'"],
    ["components", "version -f '{{range .Server.Components}}{{.Name}}={{.Version}} {{end}}'"],
    ["json-client", "version -f '{{json .Client}}'"],
  ])("--format: %s", async (name, cmd) => {
    expectGolden(`system-version-format-${name}`, await createSandbox().run(cmd));
  });

  it("exits 64 when the template does not parse", async () => {
    expectGolden("system-version-bad-template", await createSandbox().run("version --format '{{'"));
  });

  it("prints what was rendered, then the execution error, exit 1", async () => {
    expectGolden("system-version-unknown-field", await createSandbox().run("version --format 'v{{.Foo}}'"));
  });

  it("reformats the engine's RFC 3339 build time in JSON details only", async () => {
    const r = await createSandbox().run("version --format json");
    const v = JSON.parse(r.stdout) as { Server: { BuildTime: string; Components: Array<{ Name: string; Details: Record<string, string> }> } };
    expect(v.Server.Components.find((c) => c.Name === "Engine")!.Details.BuildTime).toBe("Fri May 30 12:07:14 2025");
    expect(v.Server.BuildTime).toMatch(/^2025-05-30T12:07:14/);
  });
});
