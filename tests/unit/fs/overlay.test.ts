import { describe, expect, it } from "vitest";
import { createOverlayFs, diffLayer, flattenLayers } from "../../../src/engine/fs/overlay.js";
import type { FileTree } from "../../../src/engine/fs/types.js";
import { code } from "./fs-error-code.js";

const base = (): FileTree => ({
  "/etc/hosts": { type: "file", mode: 0o644, content: "127.0.0.1 localhost\n" },
  "/etc/passwd": { type: "file", mode: 0o644, content: "root:x:0:0::/root:/bin/sh\n" },
  "/bin/busybox": { type: "file", mode: 0o755, content: "", program: "busybox" },
  "/bin/sh": { type: "symlink", target: "busybox" },
  "/usr/share/doc/a.txt": { type: "file", mode: 0o644, content: "a" },
  "/var/log": { type: "dir", mode: 0o755 },
});


describe("overlay reads", () => {
  it("creates parents implied by layer paths", () => {
    const fs = createOverlayFs([base()], {});
    expect(fs.stat("/usr/share/doc")?.type).toBe("dir");
    expect(fs.readdir("/usr/share")).toEqual(["doc"]);
    expect(fs.readdir("/")).toEqual(["bin", "etc", "usr", "var"]);
  });

  it("lets upper layers win and whiteouts hide lower paths with their children", () => {
    const second: FileTree = { "/etc/hosts": { type: "file", mode: 0o600, content: "new" }, "/usr/share": { type: "whiteout" } };
    const fs = createOverlayFs([base(), second], {});
    expect(fs.readFile("/etc/hosts")).toBe("new");
    expect(fs.stat("/usr/share/doc/a.txt")).toBeUndefined();
    expect(fs.readdir("/usr")).toEqual([]);
  });

  it("hides the lower children of an opaque directory", () => {
    const second: FileTree = { "/usr/share": { type: "dir", mode: 0o755, opaque: true }, "/usr/share/new": { type: "file", mode: 0o644, content: "" } };
    const fs = createOverlayFs([base(), second], {});
    expect(fs.readdir("/usr/share")).toEqual(["new"]);
  });

  it("follows relative and absolute symlinks, and stops loops with ELOOP", () => {
    const lower = base();
    lower["/a"] = { type: "symlink", target: "/b" };
    lower["/b"] = { type: "symlink", target: "a" };
    lower["/etc/link"] = { type: "symlink", target: "../etc/./hosts" };
    lower["/lib64"] = { type: "symlink", target: "/usr/share" };
    const fs = createOverlayFs([lower], {});
    expect(fs.stat("/bin/sh")?.type).toBe("file");
    expect(fs.lstat("/bin/sh")?.type).toBe("symlink");
    expect(fs.readFile("/etc/link")).toContain("localhost");
    expect(fs.readFile("/lib64/doc/a.txt")).toBe("a");
    expect(fs.resolve("/lib64/doc/../doc")).toBe("/usr/share/doc");
    expect(fs.resolve("doc", "/lib64")).toBe("/usr/share/doc");
    expect(code(() => fs.readFile("/a"))).toBe("ELOOP");
    expect(fs.stat("/a")).toBeUndefined();
  });

  it("reports ENOENT, ENOTDIR and EISDIR", () => {
    const fs = createOverlayFs([base()], {});
    expect(code(() => fs.readFile("/nope"))).toBe("ENOENT");
    expect(code(() => fs.readFile("/etc/hosts/x"))).toBe("ENOTDIR");
    expect(code(() => fs.readFile("/etc"))).toBe("EISDIR");
    expect(code(() => fs.readdir("/etc/hosts"))).toBe("ENOTDIR");
  });
});

describe("overlay writes", () => {
  it("copies up on write and leaves the lower layer untouched", () => {
    const lower = base();
    const upper: FileTree = {};
    const fs = createOverlayFs([lower], upper, { now: () => 42 });
    fs.writeFile("/etc/hosts", "10.0.0.1 web\n", { append: true });
    expect(fs.readFile("/etc/hosts")).toBe("127.0.0.1 localhost\n10.0.0.1 web\n");
    expect(upper["/etc/hosts"]).toMatchObject({ type: "file", mode: 0o644, mtime: 42 });
    expect((lower["/etc/hosts"] as { content: string }).content).toBe("127.0.0.1 localhost\n");
  });

  it("writes a whiteout when a lower path is removed, and nothing for an upper-only path", () => {
    const upper: FileTree = {};
    const fs = createOverlayFs([base()], upper);
    fs.writeFile("/tmp.txt", "x");
    fs.remove("/tmp.txt");
    fs.remove("/usr", { recursive: true });
    expect(upper).toEqual({ "/usr": { type: "whiteout" } });
    expect(fs.stat("/usr")).toBeUndefined();
    expect(code(() => fs.remove("/var/log"))).toBeUndefined();
    expect(code(() => fs.remove("/etc"))).toBe("ENOTEMPTY");
  });

  it("re-creating a removed lower directory makes it opaque", () => {
    const upper: FileTree = {};
    const fs = createOverlayFs([base()], upper);
    fs.remove("/usr/share", { recursive: true });
    fs.mkdir("/usr/share");
    expect(upper["/usr/share"]).toMatchObject({ type: "dir", opaque: true });
    expect(fs.readdir("/usr/share")).toEqual([]);
    expect(createOverlayFs([base()], upper).readdir("/usr/share")).toEqual([]);
  });

  it("mkdir -p, EEXIST and ENOENT", () => {
    const fs = createOverlayFs([base()], {});
    fs.mkdir("/a/b/c", { parents: true });
    expect(fs.stat("/a/b/c")?.type).toBe("dir");
    expect(code(() => fs.mkdir("/etc"))).toBe("EEXIST");
    expect(code(() => fs.mkdir("/x/y"))).toBe("ENOENT");
    expect(code(() => fs.mkdir("/etc", { parents: true }))).toBeUndefined();
  });

  it("renames trees through the upper layer", () => {
    const upper: FileTree = {};
    const fs = createOverlayFs([base()], upper);
    fs.rename("/usr/share", "/srv");
    expect(fs.readFile("/srv/doc/a.txt")).toBe("a");
    expect(fs.stat("/usr/share")).toBeUndefined();
    expect(upper["/usr/share"]).toEqual({ type: "whiteout" });
    expect(code(() => fs.rename("/srv", "/srv/doc/x"))).toBe("EINVAL");
  });

  it("writes through a symlink to its target", () => {
    const upper: FileTree = {};
    const fs = createOverlayFs([{ ...base(), "/etc/l": { type: "symlink", target: "hosts" } }], upper);
    fs.writeFile("/etc/l", "x");
    expect(Object.keys(upper)).toEqual(["/etc/hosts"]);
  });

  it("refuses every write when read-only", () => {
    const upper: FileTree = {};
    const fs = createOverlayFs([base()], upper, { readOnly: true });
    expect(code(() => fs.writeFile("/x", ""))).toBe("EROFS");
    expect(code(() => fs.mkdir("/x"))).toBe("EROFS");
    expect(code(() => fs.remove("/etc/hosts"))).toBe("EROFS");
    expect(code(() => fs.symlink("a", "/b"))).toBe("EROFS");
    expect(code(() => fs.rename("/etc", "/e"))).toBe("EROFS");
    expect(upper).toEqual({});
    expect(fs.readFile("/etc/hosts")).toContain("localhost");
  });

  it("keeps a placeholder binary runnable across chmod", () => {
    const fs = createOverlayFs([base()], {});
    fs.chmod("/bin/busybox", 0o700);
    expect(fs.stat("/bin/sh")).toMatchObject({ mode: 0o700, program: "busybox" });
  });
});

describe("diffLayer", () => {
  it("lists A, C and D like docker diff, parents as C, sorted by path", () => {
    const upper: FileTree = {};
    const fs = createOverlayFs([base()], upper);
    fs.writeFile("/etc/hosts", "x");
    fs.mkdir("/data");
    fs.writeFile("/data/f", "1");
    fs.remove("/usr/share/doc/a.txt");
    expect(diffLayer([base()], upper)).toEqual([
      { kind: "A", path: "/data" },
      { kind: "A", path: "/data/f" },
      { kind: "C", path: "/etc" },
      { kind: "C", path: "/etc/hosts" },
      { kind: "C", path: "/usr" },
      { kind: "C", path: "/usr/share" },
      { kind: "C", path: "/usr/share/doc" },
      { kind: "D", path: "/usr/share/doc/a.txt" },
    ]);
  });

  it("flattens layers into the visible entries", () => {
    const merged = flattenLayers([base(), { "/etc/hosts": { type: "whiteout" } }]);
    expect(merged.has("/etc/hosts")).toBe(false);
    expect(merged.get("/usr/share")?.type).toBe("dir");
  });

  it("indexes a few thousand entries quickly enough to stay interactive", () => {
    const big: FileTree = {};
    for (let i = 0; i < 5000; i++) big[`/usr/lib/pkg${i % 50}/file${i}`] = { type: "file", mode: 0o644, content: "" };
    const fs = createOverlayFs([big], {});
    expect(fs.readdir("/usr/lib")).toHaveLength(50);
    expect(fs.readdir("/usr/lib/pkg7")).toHaveLength(100);
  });
});
