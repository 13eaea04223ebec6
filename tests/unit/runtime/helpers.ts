// Small images and a runner for runtime tests.
import type { FileTree } from "../../../src/engine/fs/types.js";
import { createOverlayFs } from "../../../src/engine/fs/overlay.js";
import { startProcess } from "../../../src/engine/runtime/index.js";
import type { ProcessInfo } from "../../../src/engine/runtime/types.js";
import { APPLETS } from "../../../src/engine/runtime/applets/index.js";

export const START = Date.UTC(2025, 5, 2, 10, 0, 0);

/** A busybox image: /bin/busybox and one symlink per applet, like the official image. */
export function busyboxImage(): FileTree {
  const tree: FileTree = {
    "/bin/busybox": { type: "file", mode: 0o755, content: "", program: "busybox", size: 1131168 },
    "/etc/passwd": { type: "file", mode: 0o644, content: "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n" },
    "/etc/group": { type: "file", mode: 0o644, content: "root:x:0:\nwheel:x:10:root\nnobody:x:65534:\n" },
    "/etc/hostname": { type: "file", mode: 0o644, content: "abc\n" },
    "/root": { type: "dir", mode: 0o700 },
    "/tmp": { type: "dir", mode: 0o1777 },
    "/home": { type: "dir", mode: 0o755 },
  };
  for (const name of [...Object.keys(APPLETS), "sh", "ash"]) {
    if (name === "[") continue;
    tree[`/bin/${name}`] = { type: "symlink", target: "/bin/busybox" };
  }
  tree["/bin/["] = { type: "symlink", target: "/bin/busybox" };
  return tree;
}

/** A Debian-like image: bash, dash as /bin/sh, GNU coreutils. */
export function debianImage(): FileTree {
  const tree: FileTree = {
    "/bin/bash": { type: "file", mode: 0o755, content: "", program: "bash" },
    "/bin/dash": { type: "file", mode: 0o755, content: "", program: "dash" },
    "/bin/sh": { type: "symlink", target: "dash" },
    "/etc/passwd": { type: "file", mode: 0o644, content: "root:x:0:0:root:/root:/bin/bash\n" },
    "/etc/group": { type: "file", mode: 0o644, content: "root:x:0:\n" },
    "/root": { type: "dir", mode: 0o700 },
    "/tmp": { type: "dir", mode: 0o1777 },
  };
  for (const name of Object.keys(APPLETS)) tree[`/usr/bin/${name}`] = { type: "file", mode: 0o755, content: "", program: "coreutils" };
  return tree;
}

export interface RunOptions {
  image?: FileTree;
  upper?: FileTree;
  stdin?: string;
  readOnly?: boolean;
  pid?: number;
  processes?: ProcessInfo[];
  env?: string[];
  workdir?: string;
  tty?: boolean;
}

export function run(argv: string[], o: RunOptions = {}) {
  const upper = o.upper ?? {};
  const fs = createOverlayFs([o.image ?? busyboxImage()], upper, { readOnly: o.readOnly, now: () => START });
  const result = startProcess({
    argv,
    env: o.env ?? ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=abc", "HOME=/root"],
    workdir: o.workdir ?? "/",
    user: "",
    hostname: "abc",
    fs,
    pid: o.pid ?? 1,
    stdin: o.stdin,
    tty: o.tty ?? false,
    startTime: START,
    processes: o.processes ?? [],
    random: () => 0.5,
  });
  const text = (stream: "stdout" | "stderr") => result.output.filter((c) => c.stream === stream).map((c) => c.text).join("");
  return { ...result, stdout: text("stdout"), stderr: text("stderr"), code: result.exit?.code, fs, upper };
}

export const sh = (script: string, o: RunOptions = {}) => run(["sh", "-c", script], o);
export const bash = (script: string, o: RunOptions = {}) => run(["bash", "-c", script], { image: debianImage(), ...o });
export const dash = (script: string, o: RunOptions = {}) => run(["sh", "-c", script], { image: debianImage(), ...o });
