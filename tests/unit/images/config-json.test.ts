import { describe, expect, it } from "vitest";
import { goJson, imageConfigJson, ociImageConfig } from "../../../src/engine/image-config.js";
import { humanSize } from "../../../src/engine/images/progress.js";
import { parsePlatform, formatPlatform } from "../../../src/engine/images/platform.js";

describe("image config JSON", () => {
  it("escapes like Go's encoding/json", () => {
    expect(goJson({ a: "x && y <z>" })).toBe('{"a":"x \\u0026\\u0026 y \\u003cz\\u003e"}');
  });

  it("orders the config like the image spec and drops empty fields", () => {
    const c = ociImageConfig({ User: "", Env: ["A=1"], Cmd: ["sh"], Entrypoint: null, Volumes: null, WorkingDir: "/", Labels: null, OnBuild: null, ExposedPorts: { "80/tcp": {} }, StopSignal: "SIGQUIT" });
    expect(Object.keys(c)).toEqual(["ExposedPorts", "Env", "Cmd", "WorkingDir", "StopSignal"]);
  });

  it("writes the blob's top-level keys in buildkit's order", () => {
    const json = imageConfigJson({
      architecture: "amd64",
      os: "linux",
      author: "",
      created: Date.UTC(2025, 1, 14, 3, 28, 36, 500),
      config: { User: "", Env: ["PATH=/bin"], Cmd: ["/bin/sh"], Entrypoint: null, Volumes: null, WorkingDir: "", Labels: null, OnBuild: null },
      history: [{ created: "2025-02-14T03:28:36Z", created_by: 'CMD ["/bin/sh"]', comment: "buildkit.dockerfile.v0", empty_layer: true }],
      layers: ["sha256:aa"],
    });
    expect(json).toBe(
      '{"architecture":"amd64","config":{"Env":["PATH=/bin"],"Cmd":["/bin/sh"]},"created":"2025-02-14T03:28:36.5Z",' +
        '"history":[{"created":"2025-02-14T03:28:36Z","created_by":"CMD [\\"/bin/sh\\"]","comment":"buildkit.dockerfile.v0","empty_layer":true}],' +
        '"os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:aa"]}}',
    );
  });
});

describe("helpers", () => {
  it("humanSize uses 4 significant digits and decimal units", () => {
    expect([0, 999, 1000, 7_797_000, 192_001_935].map(humanSize)).toEqual(["0B", "999B", "1kB", "7.797MB", "192MB"]);
  });
  it("normalises platforms like containerd", () => {
    expect(formatPlatform(parsePlatform("linux/arm64"))).toBe("linux/arm64/v8");
    expect(formatPlatform(parsePlatform("linux/x86_64"))).toBe("linux/amd64");
    expect(formatPlatform(parsePlatform("linux/arm"))).toBe("linux/arm/v7");
    expect(() => parsePlatform("linux/bogus")).toThrow('"linux/bogus": unknown operating system or architecture: invalid argument');
  });
});
