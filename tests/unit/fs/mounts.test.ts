import { describe, expect, it } from "vitest";
import { MountedFs, type MountView } from "../../../src/engine/fs/mounts.js";
import { createOverlayFs } from "../../../src/engine/fs/overlay.js";
import { FsError, type FileTree } from "../../../src/engine/fs/types.js";
import { code } from "./fs-error-code.js";


function setup(opts: { rootReadOnly?: boolean; volReadOnly?: boolean } = {}) {
  const image: FileTree = {
    "/etc/hosts": { type: "file", mode: 0o644, content: "x" },
    "/data": { type: "dir", mode: 0o755 },
    "/data/hidden": { type: "file", mode: 0o644, content: "under the mount" },
    "/link": { type: "symlink", target: "/data" },
    "/srv": { type: "dir", mode: 0o755 },
  };
  const rw: FileTree = {};
  const vol: FileTree = { "/note": { type: "file", mode: 0o644, content: "in volume" } };
  const file: FileTree = { "/f": { type: "file", mode: 0o600, content: "one file" } };
  const root = createOverlayFs([image], rw, { readOnly: opts.rootReadOnly ?? false });
  const mounts: MountView[] = [
    { destination: "/data", root: "/", fs: () => createOverlayFs([], vol, { readOnly: opts.volReadOnly ?? false }) },
    { destination: "/srv/conf", root: "/", fs: () => createOverlayFs([], {}) },
    { destination: "/etc/hosts", root: "/f", fs: () => createOverlayFs([], file) },
  ];
  return { fs: new MountedFs(root, mounts), rw, vol, file };
}

describe("MountedFs", () => {
  it("routes a path to the mount with the longest destination", () => {
    const { fs, rw, vol } = setup();
    expect(fs.readdir("/data")).toEqual(["note"]);
    expect(fs.readFile("/etc/hosts")).toBe("one file");
    fs.writeFile("/data/new", "n");
    expect(vol["/new"]).toMatchObject({ content: "n" });
    expect(rw["/data/new"]).toBeUndefined();
    expect(fs.readdir("/srv")).toEqual(["conf"]);
    expect(fs.stat("/srv/conf")?.type).toBe("dir");
  });

  it("follows a root symlink into a mount", () => {
    const { fs } = setup();
    expect(fs.readFile("/link/note")).toBe("in volume");
    expect(fs.resolve("/link/note")).toBe("/data/note");
  });

  it("writes through a mount on a read-only root, and not outside it", () => {
    const { fs } = setup({ rootReadOnly: true });
    fs.writeFile("/data/ok", "y");
    expect(code(() => fs.writeFile("/x", "n"))).toBe("EROFS");
  });

  it("a read-only mount refuses writes with EROFS naming the container path", () => {
    const { fs } = setup({ volReadOnly: true });
    let err: unknown;
    try {
      fs.writeFile("/data/x", "n");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FsError);
    expect((err as FsError).code).toBe("EROFS");
    expect((err as FsError).path).toBe("/data/x");
  });

  it("a mount point is busy: rm -rf empties it and keeps it", () => {
    const { fs, vol } = setup();
    expect(code(() => fs.remove("/data", { recursive: true }))).toBe("EBUSY");
    expect(Object.keys(vol)).toEqual([]);
    expect(fs.stat("/data")?.type).toBe("dir");
  });

  it("moves a file across mounts by copying", () => {
    const { fs, rw, vol } = setup();
    fs.writeFile("/tmpfile", "moved");
    fs.rename("/tmpfile", "/data/moved");
    expect(vol["/moved"]).toMatchObject({ content: "moved" });
    expect(fs.lstat("/tmpfile")).toBeUndefined();
    expect(rw["/tmpfile"]).toBeUndefined();
  });
});
