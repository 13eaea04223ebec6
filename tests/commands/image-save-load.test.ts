// docker save / docker load: round trips, the archive checked by independent readers
// (tar-stream, GNU tar, skopeo), archives made by umoci and skopeo, hostile archives.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import tarStream from "tar-stream";
import { describe, expect, it } from "vitest";
import type { Cli } from "../../src/cli/types.js";
import { localClient } from "../../src/client/local.js";
import { runLoad } from "../../src/commands/image/load.js";
import { runSave } from "../../src/commands/image/save.js";
import { Engine } from "../../src/engine/host.js";
import { createSandbox, type Sandbox } from "../../src/sandbox.js";
import { MemoryStore } from "../../src/store/memory-store.js";

const fixtures = path.resolve(__dirname, "../../fixtures/archives");
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Members of a tar, read with tar-stream (not our writer's code). */
async function members(bytes: Uint8Array): Promise<Map<string, { header: tarStream.Headers; body: Buffer }>> {
  const out = new Map<string, { header: tarStream.Headers; body: Buffer }>();
  const extract = tarStream.extract();
  for await (const entry of Readable.from([Buffer.from(bytes)]).pipe(extract)) {
    const chunks: Buffer[] = [];
    for await (const c of entry) chunks.push(c as Buffer);
    out.set(entry.header.name, { header: entry.header, body: Buffer.concat(chunks) });
  }
  return out;
}

/** A tar made with tar-stream from [name, body | {type, linkname}] pairs. */
async function makeTar(entries: Array<[string, string | Uint8Array | tarStream.Headers]>): Promise<Uint8Array> {
  const pack = tarStream.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve) => {
    pack.on("data", (c: Buffer) => chunks.push(c));
    pack.on("end", resolve);
  });
  for (const [name, v] of entries) {
    if (typeof v === "string" || v instanceof Uint8Array) pack.entry({ name, mode: 0o644 }, Buffer.from(v));
    else pack.entry({ ...v, name });
  }
  pack.finalize();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

async function saved(sb: Sandbox, args: string): Promise<Uint8Array> {
  const r = await sb.run(`save ${args}`);
  expect(r.stderr).toBe("");
  expect(r.exitCode).toBe(0);
  return r.stdoutBytes!;
}

function writeTemp(bytes: Uint8Array, name = "archive.tar"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mockdocker-save-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Host state without the event log (a failed load must leave everything else as it was). */
const hostOf = (sb: Sandbox) => {
  const s = sb.state()!;
  return JSON.stringify({ ...s, events: s.events.length });
};

describe("docker save", () => {
  it("writes Docker 28's layout: blobs named by their sha256, index.json, manifest.json, oci-layout, repositories", async () => {
    const sb = createSandbox();
    await sb.run("pull busybox");
    await sb.run("tag busybox busybox:copy");
    const bytes = await saved(sb, "busybox");
    const m = await members(bytes);
    const names = [...m.keys()];
    expect(names.slice(0, 2)).toEqual(["blobs/", "blobs/sha256/"]);
    expect(names.slice(-4)).toEqual(["index.json", "manifest.json", "oci-layout", "repositories"]);
    for (const [name, { header, body }] of m) {
      expect(header.uid).toBe(0);
      if (name.startsWith("blobs/sha256/") && header.type === "file") expect(sha256(body)).toBe(name.slice("blobs/sha256/".length));
    }
    expect(m.get("oci-layout")!.body.toString()).toBe('{"imageLayoutVersion": "1.0.0"}');

    const img = JSON.parse((await sb.run("image inspect busybox")).stdout)[0];
    const manifest = JSON.parse(m.get("manifest.json")!.body.toString());
    expect(m.get("manifest.json")!.body.toString().endsWith("]\n")).toBe(true);
    expect(manifest).toHaveLength(1);
    expect(Object.keys(manifest[0])).toEqual(["Config", "RepoTags", "Layers", "LayerSources"]);
    expect(manifest[0].Config).toBe(`blobs/sha256/${img.Id.slice(7)}`);
    expect(manifest[0].RepoTags).toEqual(["busybox:copy", "busybox:latest"]);
    expect(manifest[0].Layers).toEqual(img.RootFS.Layers.map((l: string) => `blobs/sha256/${l.slice(7)}`));

    // The config blob is the image: its digest is the id, its diff_ids the layer tars' digests.
    const config = JSON.parse(m.get(manifest[0].Config)!.body.toString());
    expect(config.rootfs).toEqual({ type: "layers", diff_ids: img.RootFS.Layers });
    expect(config.config.Cmd).toEqual(img.Config.Cmd);
    for (const layer of manifest[0].Layers) {
      const tar = await members(m.get(layer)!.body);
      expect([...tar.keys()]).toContain("bin/sh");
    }

    const index = JSON.parse(m.get("index.json")!.body.toString());
    expect(index.schemaVersion).toBe(2);
    expect(index.mediaType).toBe("application/vnd.oci.image.index.v1+json");
    expect(index.manifests.map((d: { annotations: Record<string, string> }) => d.annotations)).toEqual([
      { "io.containerd.image.name": "docker.io/library/busybox:copy", "org.opencontainers.image.ref.name": "copy" },
      { "io.containerd.image.name": "docker.io/library/busybox:latest", "org.opencontainers.image.ref.name": "latest" },
    ]);
    const ociManifest = JSON.parse(m.get(`blobs/sha256/${index.manifests[0].digest.slice(7)}`)!.body.toString());
    expect(ociManifest.config).toEqual({ mediaType: "application/vnd.oci.image.config.v1+json", digest: img.Id, size: m.get(manifest[0].Config)!.body.length });
    expect(ociManifest.layers[0].mediaType).toBe("application/vnd.oci.image.layer.v1.tar");
    expect(ociManifest.layers[0].digest).toBe(img.RootFS.Layers[0]);

    const repositories = m.get("repositories")!.body.toString();
    expect(repositories).toBe(`{"busybox":{"copy":"${img.RootFS.Layers[0].slice(7)}","latest":"${img.RootFS.Layers[0].slice(7)}"}}\n`);
  });

  it("writes a tar GNU tar lists and skopeo reads as a docker-archive and an OCI archive", async () => {
    const sb = createSandbox();
    await sb.run("pull alpine");
    await sb.run("run --name c1 alpine sh -c 'echo saved > /note.txt'");
    await sb.run("commit c1 mine:1");
    const file = writeTemp(await saved(sb, "mine:1"));
    const listing = execFileSync("tar", ["-tf", file], { encoding: "utf8" }).split("\n");
    expect(listing).toContain("manifest.json");
    expect(listing.filter((l) => l.startsWith("blobs/sha256/") && l.length > 20)).toHaveLength(4); // 2 layers, config, manifest
    const inspected = JSON.parse(execFileSync("skopeo", ["inspect", `docker-archive:${file}`], { encoding: "utf8" }));
    const img = JSON.parse((await sb.run("image inspect mine:1")).stdout)[0];
    expect(inspected.Layers).toEqual(img.RootFS.Layers);
    // skopeo copy re-hashes every layer against the config's diff_ids.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "mockdocker-oci-"));
    execFileSync("skopeo", ["copy", "--quiet", `docker-archive:${file}`, `oci:${out}:x`]);
    execFileSync("skopeo", ["inspect", `oci-archive:${file}:1`], { encoding: "utf8" });
  });

  it("saves every tag of a bare repository name, to a 0600 file with -o", async () => {
    const sb = createSandbox();
    await sb.run("pull alpine:3.21");
    await sb.run("pull alpine:3.20");
    await sb.run("tag alpine:3.21 alpine:latest");
    expect(await sb.run("save -o /tmp/alpine.tar alpine")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    const bytes = (await sb.run("save alpine")).stdoutBytes!;
    const manifest = JSON.parse((await members(bytes)).get("manifest.json")!.body.toString());
    expect(manifest.flatMap((i: { RepoTags: string[] }) => i.RepoTags).sort()).toEqual(["alpine:3.20", "alpine:3.21", "alpine:latest"]);
    await sb.run("rmi alpine:3.20 alpine:3.21 alpine:latest");
    const r = await sb.run("load -i /tmp/alpine.tar");
    expect(r.stdout.split("\n").sort()).toEqual(["", "Loaded image: alpine:3.20", "Loaded image: alpine:3.21", "Loaded image: alpine:latest"]);
  });

  it("refuses a terminal, missing images and references that do not exist", async () => {
    const engine = new Engine({ store: new MemoryStore(), realNow: () => 0, random: { bytes: (n) => new Uint8Array(n) }, seed: "t", frozenStart: 0, sleep: async () => {} });
    const cli = { out: { write: () => {}, isTTY: true }, err: { write: () => {}, isTTY: true }, client: localClient(engine), config: {}, env: {}, files: {} } as unknown as Cli;
    await expect(runSave(cli, { images: ["busybox"], output: "", platform: "" })).rejects.toThrow(
      "cowardly refusing to save to a terminal. Use the -o flag or redirect",
    );
    const sb = createSandbox();
    await sb.run("pull busybox");
    expect(await sb.run("save nope")).toMatchObject({ stdout: "", stderr: "Error response from daemon: No such image: nope\n", exitCode: 1 });
    expect(await sb.run("save busybox:1.0")).toMatchObject({ stderr: "Error response from daemon: reference does not exist\n", exitCode: 1 });
    expect((await sb.run("save")).stderr).toContain("'docker save' requires at least 1 argument");
    // moby/sys atomicwriter's texts, as the real client prints them before asking the daemon.
    expect((await sb.run("save -o /nonexistent/x.tar busybox")).stderr).toBe("failed to save image: invalid output path: stat /nonexistent: no such file or directory\n");
    expect((await sb.run("save -o /tmp busybox")).stderr).toBe("failed to save image: cannot write to a directory\n");
  });
});

describe("docker load", () => {
  it("round trip: save, rmi, load and run give back the same id, tags, config and files", async () => {
    const sb = createSandbox();
    await sb.run("pull busybox");
    await sb.run("run --name c1 busybox sh -c 'mkdir -p /data && echo kept > /data/file.txt'");
    await sb.run("commit -c 'ENV MODE=saved' c1 mine:v1");
    const before = JSON.parse((await sb.run("image inspect busybox mine:v1")).stdout);
    const archive = await saved(sb, "busybox mine:v1");
    await sb.run("rm c1");
    await sb.run("rmi busybox mine:v1");
    expect(sb.state()!.images).toEqual({});

    const r = await sb.run("load", { stdin: archive });
    expect(r).toMatchObject({ stdout: "Loaded image: busybox:latest\nLoaded image: mine:v1\n", stderr: "", exitCode: 0 });
    const after = JSON.parse((await sb.run("image inspect busybox mine:v1")).stdout);
    for (const [i, img] of after.entries()) {
      expect(img.Id).toBe(before[i].Id);
      expect(img.RepoTags).toEqual(before[i].RepoTags);
      expect(img.Config).toEqual(before[i].Config);
      expect(img.RootFS).toEqual(before[i].RootFS);
    }
    expect((await sb.run("run --rm mine:v1 cat /data/file.txt")).stdout).toBe("kept\n");
    expect((await sb.run("run --rm mine:v1 sh -c 'echo $MODE'")).stdout).toBe("saved\n");
    // Saving again gives the same blobs: every one is made the same way.
    const again = await members(await saved(sb, "mine:v1"));
    const first = await members(await saved(sb, "mine:v1"));
    for (const [name, m] of first) if (name.startsWith("blobs/")) expect(again.get(name)!.body.equals(m.body)).toBe(true);
  });

  it("brings back pulled images whole: top-level symlinks (merged /usr), services that start", async () => {
    const sb = createSandbox();
    await sb.run("pull ubuntu");
    await sb.run("pull nginx");
    const archive = await saved(sb, "ubuntu nginx");
    await sb.run("rmi ubuntu nginx");
    expect((await sb.run("load", { stdin: archive })).stdout).toBe("Loaded image: ubuntu:latest\nLoaded image: nginx:latest\n");
    expect((await sb.run("run --rm ubuntu ls -l /")).stdout).toContain("bin -> usr/bin");
    expect((await sb.run("run -d --name web nginx")).exitCode).toBe(0);
    expect((await sb.run("ps --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^web Up/);
  });

  it("reads -i FILE, says when a tag moves, and prints the id of an untagged image", async () => {
    const sb = createSandbox();
    await sb.run("pull busybox");
    await sb.run("pull alpine");
    const busyboxId = JSON.parse((await sb.run("image inspect busybox")).stdout)[0].Id;
    await sb.run("save -o /tmp/busybox.tar busybox");
    await sb.run("tag alpine busybox:latest");
    const alpineId = JSON.parse((await sb.run("image inspect alpine")).stdout)[0].Id;
    const r = await sb.run("load -i /tmp/busybox.tar");
    expect(r.stdout).toBe(
      `The image busybox:latest already exists, renaming the old one with ID ${alpineId} to empty string\nLoaded image: busybox:latest\n`,
    );
    const untagged = await saved(sb, busyboxId.slice(7, 19));
    await sb.run("rmi -f busybox");
    expect((await sb.run("load -q", { stdin: untagged })).stdout).toBe(`Loaded image ID: ${busyboxId}\n`);
    expect((await sb.run("load -i /nope.tar")).stderr).toBe("open /nope.tar: no such file or directory\n");
    // --platform skips the images of other platforms (load.go platformMatcher).
    await sb.run("rmi -f busybox");
    expect(await sb.run("load --platform linux/arm64 -i /tmp/busybox.tar")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect((await sb.run("load --platform linux/amd64 -i /tmp/busybox.tar")).stdout).toBe("Loaded image: busybox:latest\n");
  });

  it("refuses a terminal on stdin and shows per-layer progress on a terminal", async () => {
    const engine = new Engine({ store: new MemoryStore(), realNow: () => 0, random: { bytes: (n) => new Uint8Array(n) }, seed: "t", frozenStart: 0, sleep: async () => {} });
    let out = "";
    const tty = (stdin: Uint8Array | undefined) =>
      ({
        out: { write: (t: string) => void (out += t), isTTY: true, columns: 120 },
        err: { write: () => {}, isTTY: true },
        in: { isTTY: stdin === undefined, readBytes: async () => stdin ?? new Uint8Array(0), readAll: async () => "", readLine: async () => null },
        client: localClient(engine),
        config: {},
        env: {},
        files: {},
      }) as unknown as Cli;
    await expect(runLoad(tty(undefined), { input: "", quiet: false, platform: "" })).rejects.toThrow("requested load from stdin, but stdin is empty");
    const sb = createSandbox();
    await sb.run("pull busybox");
    await runLoad(tty(await saved(sb, "busybox")), { input: "", quiet: false, platform: "" });
    expect(out).toMatch(/[0-9a-f]{12}: Loading layer \[=+>\] {2}143.4kB\/143.4kB\r/);
    expect(out.endsWith("Loaded image: busybox:latest\n")).toBe(true);
  });

  it("loads an archive in Docker 28's layout made by another writer, and saves it back the same", async () => {
    const sb = createSandbox();
    const bytes = new Uint8Array(fs.readFileSync(path.join(fixtures, "docker28-layout.tar")));
    expect(await sb.run("load", { stdin: bytes })).toMatchObject({ stdout: "Loaded image: example/saved:1.0\nLoaded image: example/saved:latest\n", exitCode: 0 });
    expect((await sb.run("run --rm example/saved")).stdout).toBe("saved by a docker 28 daemon\n");
    const original = await members(bytes);
    const again = await members(await saved(sb, "example/saved"));
    for (const name of ["manifest.json", "repositories", "oci-layout"]) expect(again.get(name)!.body.toString()).toBe(original.get(name)!.body.toString());
    const blobs = (m: typeof original) => [...m.keys()].filter((n) => n.startsWith("blobs/sha256/") && n.length > 20).sort();
    expect(blobs(again)).toEqual(blobs(original));
    const digests = (m: typeof original) => JSON.parse(m.get("index.json")!.body.toString()).manifests.map((d: { digest: string }) => d.digest);
    expect(digests(again)).toEqual(digests(original));
  });

  it("loads skopeo's docker-archive (manifest.json only, symlinked layers) and its files run", async () => {
    const sb = createSandbox();
    const bytes = fs.readFileSync(path.join(fixtures, "docker-archive.tar"));
    const r = await sb.run("load", { stdin: new Uint8Array(bytes) });
    expect(r).toMatchObject({ stdout: "Loaded image: fixture/hello:1.0\n", stderr: "", exitCode: 0 });
    const manifest = JSON.parse((await members(bytes)).get("manifest.json")!.body.toString());
    const img = JSON.parse((await sb.run("image inspect fixture/hello:1.0")).stdout)[0];
    expect(img.Id).toBe(`sha256:${manifest[0].Config.replace(/\.json$/, "")}`);
    expect((await sb.run("run --rm fixture/hello:1.0")).stdout).toBe("hello from a fixture image\n");
    // The second layer's whiteout removed a file of the first.
    expect((await sb.run("run --rm fixture/hello:1.0 ls /etc /srv/www")).stdout).not.toContain("hostname.orig");
    expect((await sb.run("run --rm fixture/hello:1.0 cat second.txt")).stdout).toBe("second layer\n");
    // Saving it again keeps the id and the layer digests: foreign layer tars are kept as they came.
    const file = writeTemp(await saved(sb, "fixture/hello:1.0"));
    const inspected = JSON.parse(execFileSync("skopeo", ["inspect", `docker-archive:${file}`], { encoding: "utf8" }));
    expect(inspected.Layers).toEqual(img.RootFS.Layers);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "mockdocker-oci-"));
    execFileSync("skopeo", ["copy", "--quiet", `docker-archive:${file}`, `oci:${out}:x`]);
  });

  it("loads umoci's OCI layout (index.json, gzipped layers) and a gzipped archive", async () => {
    const sb = createSandbox();
    const bytes = fs.readFileSync(path.join(fixtures, "oci-layout.tar"));
    expect(await sb.run("load", { stdin: new Uint8Array(gzipSync(bytes)) })).toMatchObject({ stdout: "Loaded image: fixture/hello:1.0\n", exitCode: 0 });
    expect((await sb.run("run --rm fixture/hello:1.0")).stdout).toBe("hello from a fixture image\n");
    const img = JSON.parse((await sb.run("image inspect fixture/hello:1.0")).stdout)[0];
    expect(img.Config.Labels).toEqual({ "org.example.fixture": "hello" });
    expect(img.Config.WorkingDir).toBe("/srv/www");
  });
});

describe("docker load refuses hostile or broken archives and changes nothing", () => {
  async function setup() {
    const sb = createSandbox();
    await sb.run("pull busybox");
    const good = await members(await saved(sb, "busybox"));
    await sb.run("rmi busybox");
    await sb.run("pull alpine");
    return { sb, good, state: hostOf(sb) };
  }
  /** Our archive with some members replaced (undefined: removed). */
  async function variant(good: Awaited<ReturnType<typeof setup>>["good"], change: Record<string, string | Uint8Array | tarStream.Headers | undefined>) {
    const entries: Array<[string, string | Uint8Array | tarStream.Headers]> = [];
    for (const [name, m] of good) {
      if (name in change) {
        if (change[name] !== undefined) entries.push([name, change[name]!]);
      } else if (m.header.type === "file") entries.push([name, m.body]);
    }
    for (const [name, v] of Object.entries(change)) if (!good.has(name) && v !== undefined) entries.push([name, v]);
    return makeTar(entries);
  }
  const layerOf = (good: Map<string, { body: Buffer }>) => JSON.parse(good.get("manifest.json")!.body.toString())[0].Layers[0] as string;

  const cases: Array<[string, (g: Awaited<ReturnType<typeof setup>>["good"]) => Promise<Uint8Array>, RegExp]> = [
    ["a name climbing out", (g) => variant(g, { "../evil": "x" }), /is outside of the archive root/],
    ["an absolute name", (g) => variant(g, { "/etc/evil": "x" }), /absolute path/],
    ["a symlink out of the archive", (g) => variant(g, { "blobs/link": { type: "symlink", linkname: "../../../etc/passwd" } as tarStream.Headers }), /invalid symlink/],
    ["a missing layer blob", (g) => variant(g, { [layerOf(g)]: undefined }), /no such file or directory/],
    ["a blob whose bytes do not match its name", (g) => variant(g, { [layerOf(g)]: Buffer.concat([g.get(layerOf(g))!.body.subarray(0, 512), Buffer.alloc(1024)]) }), /unexpected commit digest sha256:[0-9a-f]{64}, expected sha256:/],
    [
      "a layer that is not the config's diff id",
      async (g) => {
        const tar = await makeTar([["evil.txt", "x"]]);
        const manifest = JSON.parse(g.get("manifest.json")!.body.toString());
        manifest[0].Layers = [`other/${sha256(tar)}.tar`];
        return variant(g, { "manifest.json": JSON.stringify(manifest), [`other/${sha256(tar)}.tar`]: tar });
      },
      /invalid diffID for layer 0: expected "sha256:[0-9a-f]{64}", got "sha256:[0-9a-f]{64}"/,
    ],
    [
      "a layer tar with a name climbing out",
      async (g) => {
        const tar = await makeTar([["../../etc/cron.d/evil", "x"]]);
        const manifest = JSON.parse(g.get("manifest.json")!.body.toString());
        manifest[0].Layers = ["evil.tar"];
        return variant(g, { "manifest.json": JSON.stringify(manifest), "evil.tar": tar });
      },
      /is outside of the archive root/,
    ],
    ["a truncated archive", async (g) => (await variant(g, {})).subarray(0, 3000), /unexpected EOF/],
    ["a broken gzip stream", async (g) => gzipSync(await variant(g, {})).subarray(0, 200), /unexpected EOF/],
    ["no manifest at all", () => makeTar([["hello.txt", "hi"]]), /repositories: no such file or directory/],
    ["bytes that are not a tar", async () => new Uint8Array(Buffer.alloc(2048, 0x41)), /archive\/tar: invalid tar header/],
    ["a manifest.json of the wrong shape", (g) => variant(g, { "manifest.json": "[null]" }), /no such file or directory/],
    ["an index.json of the wrong shape", () => makeTar([["index.json", '{"manifests":[null]}'], ["oci-layout", "{}"]]), /invalid archive/],
  ];
  for (const [what, make, error] of cases) {
    it(what, async () => {
      const { sb, good, state } = await setup();
      const r = await sb.run("load", { stdin: await make(good) });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^Error response from daemon: /);
      expect(r.stderr).toMatch(error);
      expect(hostOf(sb)).toBe(state);
    });
  }
});

describe("the tar code save and load share still serves cp, export and import", () => {
  it("export | import gives a runnable image; cp copies a file out and back in", async () => {
    const sb = createSandbox();
    await sb.run("pull busybox");
    await sb.run("run --name c1 busybox sh -c 'echo exported > /e.txt'");
    const exported = (await sb.run("export c1")).stdoutBytes!;
    expect(execFileSync("tar", ["-tf", writeTemp(exported)], { encoding: "utf8" }).split("\n")).toContain("e.txt");
    const imported = await sb.run("import - flat:1", { stdin: exported });
    expect(imported.exitCode).toBe(0);
    expect((await sb.run("run --rm flat:1 cat /e.txt")).stdout).toBe("exported\n");
    const copied = (await sb.run("cp c1:/e.txt -")).stdoutBytes!;
    expect([...(await members(copied)).keys()]).toEqual(["e.txt"]);
    expect((await sb.run("cp - c1:/tmp", { stdin: copied })).exitCode).toBe(0);
    await sb.run("start -a c1");
    expect((await sb.run("diff c1")).stdout).toContain("A /tmp/e.txt");
  });
});
