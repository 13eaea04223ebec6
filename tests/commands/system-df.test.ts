import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

/**
 * alpine and busybox; `snap` committed from alpine (shares its layer, adds 6 bytes); a running
 * container writing 11 bytes into a named volume; a stopped one with 6 bytes in its writable
 * layer; an anonymous volume holding 4 bytes that nothing uses.
 */
async function host() {
  const sb = createSandbox({ seed: "system-df" });
  for (const cmd of [
    "pull alpine",
    "pull busybox",
    "run --name writer alpine sh -c 'echo hello > /f'",
    "commit writer snap",
    "run -d --name svc -v data:/data snap sh -c 'echo 0123456789 > /data/x; sleep 1000'",
    "run --name anon -v /cache busybox sh -c 'echo abc > /cache/y'",
    "rm anon",
  ]) {
    expect((await sb.run(cmd)).exitCode, cmd).toBe(0);
  }
  return sb;
}

describe("docker system df", () => {
  it("prints four zero rows on an empty host", async () => {
    expectGolden("system-df-empty", await createSandbox().run("system df"));
  });

  it("prints four empty sections with -v on an empty host", async () => {
    expectGolden("system-df-empty-verbose", await createSandbox().run("system df -v"));
  });

  it("adds up shared layers, writable layers and volumes", async () => {
    const r = await (await host()).run("system df");
    // Images: alpine 7.834MB + busybox 4.278MB + snap's 6 bytes. In use: alpine (writer) and
    // snap (svc); docker counts only their unique bytes as used (6B), so 12.11MB is "reclaimable".
    expect(r.stdout).toContain("Images          3         2         12.11MB   12.11MB (99%)\n");
    expectGolden("system-df-summary", r);
  });

  it("shows shared and unique sizes, container and volume sizes with -v", async () => {
    expectGolden("system-df-verbose", await (await host()).run("system df -v"));
  });

  it.each([
    ["json", "system df --format json"],
    ["json-template", "system df --format '{{json .}}'"],
    ["table", "system df --format 'table {{.Type}}\\t{{.Reclaimable}}'"],
    ["template", "system df --format '{{.Type}}: {{.Size}}'"],
    ["raw", "system df --format raw"],
    ["verbose-raw", "system df -v --format raw"],
    ["verbose-volumes", "system df -v --format '{{range .Volumes}}{{.Name}} {{.Links}} {{.Size}}\\n{{end}}'"],
  ])("--format %s", async (name, cmd) => {
    expectGolden(`system-df-format-${name}`, await (await host()).run(cmd));
  });

  it("is one JSON document with -v --format json", async () => {
    const r = await (await host()).run("system df -v --format json");
    const doc = JSON.parse(r.stdout) as Record<string, Array<Record<string, string>>>;
    expect(Object.keys(doc)).toEqual(["Images", "Containers", "Volumes", "BuildCache"]);
    expect(doc.Volumes!.map((v) => [v.Name!.length, v.Size])).toEqual([
      [64, "4B"],
      [4, "11B"],
    ]);
    expect(doc.Images!.find((i) => i.Repository === "snap")).toMatchObject({ SharedSize: "7.834MB", UniqueSize: "6B", Containers: "1" });
  });

  it.each([
    ["unknown-field", "system df --format '{{.Foo}}'"],
    ["unclosed", "system df --format '{{'"],
    ["verbose-unknown-field", "system df -v --format 'x{{.Type}}'"],
  ])("template errors: %s", async (name, cmd) => {
    expectGolden(`system-df-error-${name}`, await createSandbox().run(cmd));
  });

  it("agrees with what prune removes", async () => {
    const sb = await host();
    await sb.run("container prune -f");
    await sb.run("volume prune -f");
    const r = await sb.run("system df");
    expect(r.stdout).toContain("Containers      1         1         0B        0B\n");
    expect(r.stdout).toContain("Local Volumes   1         1         11B       0B (0%)\n");
  });
});
