// The engine's tar writer: what GNU tar and tar-stream read back, and the digests layers get.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import tarStream from "tar-stream";
import { describe, expect, it } from "vitest";
import { toTree, unpack } from "../../../src/client/tar.js";
import { layerDiffId, layerTar, walkOrder } from "../../../src/engine/images/archive-tar.js";
import type { FileTree } from "../../../src/engine/fs/types.js";

const tree: FileTree = {
  "/bin/sh": { type: "file", mode: 0o755, content: "", program: "sh", size: 1000, mtime: 1_700_000_000_000 },
  "/etc": { type: "dir", mode: 0o755, mtime: 1_700_000_000_000 },
  "/etc/motd": { type: "file", mode: 0o644, content: "héllo\n", mtime: 1_700_000_000_000 },
  "/etc-x": { type: "file", mode: 0o600, content: "x", uid: 1000, gid: 1000, mtime: 1_700_000_000_000 },
  "/lnk": { type: "symlink", target: "/etc/motd", mtime: 1_700_000_000_000 },
  "/gone": { type: "whiteout" },
  [`/deep/${"d".repeat(120)}/file`]: { type: "file", mode: 0o644, content: "long", mtime: 1_700_000_000_000 },
  [`/${"n".repeat(130)}`]: { type: "file", mode: 0o644, content: "one long name", mtime: 1_700_000_000_000 },
  "/opq": { type: "dir", mode: 0o700, opaque: true, mtime: 1_700_000_000_000 },
  "/bin/raw": { type: "file", mode: 0o644, content: "\u00ff\u0000\u0080", binary: true, mtime: 1_700_000_000_000 },
};

describe("layer tars", () => {
  it("the empty layer is the well-known 1024 zero bytes", () => {
    expect(layerDiffId({}, 0)).toBe("sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef");
  });

  it("orders members as a directory walk does", () => {
    expect(["/a-b", "/a/b", "/a"].sort(walkOrder)).toEqual(["/a", "/a/b", "/a-b"]);
  });

  it("reads back through tar-stream as the same tree, and again to the same bytes", async () => {
    const bytes = layerTar(tree, 0);
    const back = toTree(await unpack(bytes));
    expect(back).toEqual(tree);
    expect(Buffer.from(layerTar(back, 0)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("is a tar GNU tar lists, with long names and xattrs", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mockdocker-tar-")), "l.tar");
    fs.writeFileSync(file, layerTar(tree, 0));
    const names = execFileSync("tar", ["-tf", file], { encoding: "utf8" }).trim().split("\n");
    expect(names).toContain(`deep/${"d".repeat(120)}/file`);
    expect(names).toContain("n".repeat(130));
    expect(names).toContain(".wh.gone");
    expect(names).toContain("opq/.wh..wh..opq");
    const verbose = execFileSync("tar", ["-tvf", file], { encoding: "utf8" });
    expect(verbose).toMatch(/-rw------- 1000\/1000 +1 2023-11-14 \d\d:\d\d etc-x/);
  });

  it("headers carry what tar-stream expects: ustar magic, owner, mode, mtime", async () => {
    const extract = tarStream.extract();
    const seen: tarStream.Headers[] = [];
    for await (const e of Readable.from([Buffer.from(layerTar({ "/a": { type: "file", mode: 0o640, content: "a" } }, 1_600_000_000_000))]).pipe(extract)) {
      seen.push(e.header);
      e.resume();
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ name: "a", mode: 0o640, uid: 0, gid: 0, size: 1, type: "file" });
    expect(seen[0]!.mtime!.getTime()).toBe(1_600_000_000_000);
  });
});
