import { describe, expect, it } from "vitest";
import { createOverlayFs } from "../../../src/engine/fs/overlay.js";
import { programs, resolveExecutable } from "../../../src/engine/runtime/index.js";
import { busyboxImage, run } from "./helpers.js";

const image = () => ({
  ...busyboxImage(),
  "/usr/local/bin/app.sh": { type: "file" as const, mode: 0o755, content: "#!/bin/sh\necho app $1\n" },
  "/usr/local/bin/noexec": { type: "file" as const, mode: 0o644, content: "echo" },
  "/opt/tool": { type: "file" as const, mode: 0o755, content: "", program: "busybox" },
});

describe("resolveExecutable", () => {
  const fs = createOverlayFs([image()], {});
  const env = ["PATH=/usr/local/bin:/bin"];
  it.each([
    ["ls", { ok: true, path: "/bin/ls", program: "busybox" }],
    ["/bin/sh", { ok: true, path: "/bin/sh", program: "busybox" }],
    ["app.sh", { ok: true, path: "/usr/local/bin/app.sh", program: "busybox", interpreter: ["/bin/sh"] }],
    ["nosuch", { ok: false, reason: "not-found" }],
    ["/nosuch", { ok: false, reason: "no-such-file" }],
    ["noexec", { ok: false, reason: "permission-denied" }],
    ["/usr/local/bin/noexec", { ok: false, reason: "permission-denied" }],
    ["/etc", { ok: false, reason: "is-directory" }],
    ["tool", { ok: false, reason: "not-found" }],
  ])("%s", (name, expected) => {
    expect(resolveExecutable(fs, name, env, "/")).toEqual(expected);
  });

  it("resolves relative paths against the working directory and uses the default PATH", () => {
    expect(resolveExecutable(fs, "./tool", [], "/opt")).toMatchObject({ ok: true, path: "/opt/tool" });
    expect(resolveExecutable(fs, "ls", [], "/")).toMatchObject({ ok: true, path: "/bin/ls" });
  });

  it("runs a #! script through its interpreter with its arguments", () => {
    expect(run(["app.sh", "x"], { image: image() }).stdout).toBe("app x\n");
  });

  it("registers shells, multi-call binaries and applets", () => {
    for (const name of ["sh", "ash", "bash", "dash", "busybox", "coreutils", "ls", "ps"]) expect(programs[name]).toBeDefined();
    const fs2 = createOverlayFs([image()], {});
    const r = programs.busybox!.run({
      argv: ["echo", "direct"], env: [], workdir: "/", user: "", hostname: "h", fs: fs2, pid: 1, tty: false,
      startTime: 0, processes: [], random: () => 0,
    });
    expect(r.output).toEqual([{ at: 0, stream: "stdout", text: "direct\n" }]);
    expect(r.exit).toEqual({ code: 0, at: 0 });
  });
});
