// --platform is parsed by the client (containerd platforms.Parse) before anything reaches the
// daemon; each command words the failure its own way (docker/cli v28: container/create.go,
// image/{history,save,load,inspect,remove,push}.go). The texts are checked against the real
// 28.2.2 client in tests/golden/cli/*-platform*.json; here the daemon is up and holds the image.
import { describe, expect, it } from "vitest";
import { platformParseError } from "../../src/commands/platform.js";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

const UNKNOWN = '"x": unknown operating system or architecture: invalid argument';

describe("--platform checked client-side", () => {
  it("fails run before any pull, exit 125, and leaves no CID file behind", async () => {
    const sb = createSandbox();
    const r = await sb.run("run --cidfile /tmp/cid --platform x busybox true");
    expectGolden("platform-run-unknown", r);
    expect(sb.files.has("/tmp/cid")).toBe(false);
    expect((await sb.run("images -q")).stdout).toBe("");
  });

  it("fails create bare with exit 1", async () => {
    const sb = createSandbox();
    expectGolden("platform-create-unknown", await sb.run("create --platform linux/amd64/v8/x busybox"));
  });

  it("words the image commands' errors as docker does, even for images that exist", async () => {
    const sb = createSandbox();
    expect((await sb.run("pull -q busybox")).exitCode).toBe(0);
    const cases: Array<[string, string]> = [
      ["history --platform x busybox", `invalid platform: ${UNKNOWN}\n`],
      ["save --platform x -o /tmp/b.tar busybox", `invalid platform: ${UNKNOWN}\n`],
      ["image inspect --platform x busybox", `${UNKNOWN}\n`],
      ["rmi --platform linux/amd64 --platform x busybox", `${UNKNOWN}\n`],
      ["push --platform x busybox", `Invalid platform x${UNKNOWN}\n`],
    ];
    for (const [cmd, stderr] of cases) {
      const r = await sb.run(cmd);
      expect({ cmd, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ cmd, stdout: "", stderr, exitCode: 1 });
    }
    expect(sb.files.has("/tmp/b.tar")).toBe(false);
    expect((await sb.run("images -q")).stdout).not.toBe("");
  });

  it("lets valid specifiers through to the daemon", async () => {
    const sb = createSandbox();
    const r = await sb.run("run --rm --platform linux/amd64 busybox echo ok");
    expect(r.stdout).toBe("ok\n");
    expect(r.exitCode).toBe(0);
  });

  it("parses like containerd", () => {
    for (const ok of ["linux", "windows", "macos", "arm64", "aarch64", "x86_64", "armhf", "linux/foo", "a/b/c", "linux(10.0)/amd64", "a/b.c"]) {
      expect([ok, platformParseError(ok)]).toEqual([ok, undefined]);
    }
    expect(platformParseError("x")).toBe(UNKNOWN);
    expect(platformParseError("*")).toBe('"*": wildcards not yet supported: invalid argument');
    expect(platformParseError("a/b/c/d")).toBe('"a/b/c/d": cannot parse platform specifier: invalid argument');
    expect(platformParseError("linux/")).toBe(
      '"" is an invalid component of "linux/": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument',
    );
    expect(platformParseError("lin.ux")).toBe(
      '"lin.ux" is an invalid OS component of "lin.ux": OSAndVersion specifier component must match "^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$": invalid argument',
    );
  });
});
