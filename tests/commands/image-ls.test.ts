import { describe, expect, it } from "vitest";
import { createSandbox, type SandboxOptions } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function host(options: SandboxOptions = {}) {
  const sb = createSandbox(options);
  for (const cmd of ["pull -q alpine", "pull -q busybox", "tag alpine myalpine:1.0", "pull -q hello-world"]) {
    expect((await sb.run(cmd)).exitCode).toBe(0);
  }
  return sb;
}

describe("docker images", () => {
  it("prints only the header on an empty host", async () => {
    expectGolden("image-ls-empty", await createSandbox().run("images"));
  });

  it.each([
    ["default", "images"],
    ["image-ls", "image ls"],
    ["quiet", "images -q"],
    ["digests", "images --digests"],
    ["no-trunc", "images --no-trunc"],
    ["format-json", "images --format json"],
    ["format-table", "images --format 'table {{.Repository}}:{{.Tag}}\\t{{.Size}}\\t{{.VirtualSize}}'"],
    ["format-plain", "images --format '{{.ID}} {{.Repository}} {{.CreatedAt}}'"],
    ["format-digest-column", "images --format 'table {{.Repository}}\\t{{.Digest}}'"],
    ["digests-custom-table", "images --digests --format 'table {{.Repository}}'"],
    ["quiet-custom-format", "images -q --format '{{.Repository}}'"],
    ["raw", "images --format raw"],
    ["repository-argument", "images alpine"],
    ["repository-tag-argument", "images myalpine:1.0"],
    ["reference-filter-glob", "images -f reference='*box'"],
    ["label-filter", "images -f label=nothing"],
    ["dangling-filter", "images -f dangling=true"],
    ["before-filter", "images -f before=alpine"],
  ])("%s", async (name, cmd) => {
    expectGolden(`image-ls-${name}`, await (await host()).run(cmd));
  });

  it("uses imagesFormat from the client config, but not with -q", async () => {
    const sb = await host({ config: { imagesFormat: "{{.Repository}} is {{.Size}}" } });
    expectGolden("image-ls-config-format", await sb.run("images"));
    const quiet = await sb.run("images -q");
    expect(quiet.stdout.split("\n").every((l) => l === "" || /^[0-9a-f]{12}$/.test(l))).toBe(true);
    const given = await sb.run("images --format '{{.Tag}}'");
    expect(given.stdout).toBe("latest\n1.0\nlatest\nlatest\n");
  });

  it("shows an image that lost its tag as <none> <none> with -a and dangling=true", async () => {
    const sb = await host();
    await sb.run("rmi alpine myalpine:1.0");
    expect((await sb.run("pull -q alpine")).exitCode).toBe(0);
    await sb.run("tag busybox alpine:latest");
    const r = await sb.run("images --digests");
    expect(r.stdout).toMatch(/^alpine +<none> +sha256:[0-9a-f]{64} /m);
    expect(r.stdout).toMatch(/^alpine +latest +<none> /m);
  });

  it("hints at `docker image ls` when `docker images ls` matched nothing", async () => {
    expectGolden("image-ls-subcommand-hint", await (await host()).run("images ls"));
  });

  it.each([
    ["unknown-filter", "images -f foo=bar"],
    ["bad-dangling", "images -f dangling=maybe"],
    ["bad-filter-format", "images -f foo"],
    ["template-parse", "images --format '{{.ID'"],
    ["template-field", "images --format '{{.Names}}'"],
    ["too-many-args", "images a b"],
    ["tree-quiet", "images --tree -q"],
    ["tree-no-trunc", "images --tree --no-trunc"],
    ["tree-digests", "images --tree --digests"],
    ["tree-format", "images --tree --format json"],
  ])("fails: %s", async (name, cmd) => {
    const r = await (await host()).run(cmd);
    expect(r.exitCode).not.toBe(0);
    expectGolden(`image-ls-error-${name}`, r);
  });

  it("prints the experimental tree with --tree", async () => {
    const r = await (await host()).run("images --tree");
    expect(r.stdout.split("\n")[0]).toBe("WARNING: This is an experimental feature. The output may change and shouldn't be depended on.");
    expect(r.stdout).toMatch(/^IMAGE +ID +DISK USAGE +CONTENT SIZE +EXTRA$/m);
    expect(r.stdout).toMatch(/^alpine:latest +\nmyalpine:1\.0 +7056cf75477e +7\.83MB/m);
    expectGolden("image-ls-tree", r);
  });
});
