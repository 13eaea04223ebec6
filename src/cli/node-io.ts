// Node's real streams and files behind the Cli interfaces.
import fs from "node:fs";
import path from "node:path";
import tty from "node:tty";
import type { HostFiles, InStream, OutStream } from "./types.js";

export function nodeOutStream(stream: NodeJS.WriteStream): OutStream {
  return {
    write: (text) => {
      stream.write(text);
    },
    writeBytes: (bytes) => {
      stream.write(bytes);
    },
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.columns;
    },
  };
}

export function nodeStdin(): InStream {
  // process.stdin builds a stream when first touched: only do that when input is read.
  const isTTY = () => tty.isatty(0);
  let buffered = "";
  let ended = false;
  let all: Promise<string> | undefined;
  const readAll = () =>
    (all ??= new Promise<string>((resolve) => {
      if (isTTY()) return resolve("");
      const stdin = process.stdin;
      const chunks: Buffer[] = [];
      stdin.on("data", (c: Buffer) => chunks.push(c));
      stdin.on("end", () => {
        ended = true;
        resolve(buffered + Buffer.concat(chunks).toString("utf8"));
      });
      stdin.on("error", () => resolve(""));
    }));
  let allBytes: Promise<Uint8Array> | undefined;
  return {
    get isTTY() {
      return isTTY();
    },
    readAll,
    readBytes: () =>
      (allBytes ??= new Promise<Uint8Array>((resolve) => {
        if (isTTY()) return resolve(new Uint8Array());
        const stdin = process.stdin;
        const chunks: Buffer[] = [];
        stdin.on("data", (c: Buffer) => chunks.push(c));
        stdin.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
        stdin.on("error", () => resolve(new Uint8Array()));
      })),
    async readLine() {
      if (isTTY()) {
        const stdin = process.stdin;
        const { createInterface } = await import("node:readline");
        const rl = createInterface({ input: stdin });
        return new Promise<string | null>((resolve) => {
          rl.once("line", (line) => {
            rl.close();
            resolve(line);
          });
          rl.once("close", () => resolve(null));
        });
      }
      const text = await readAll();
      void ended;
      if (text === "") return null;
      const newline = text.indexOf("\n");
      return newline < 0 ? text : text.slice(0, newline);
    },
  };
}

export function nodeHostFiles(): HostFiles {
  return {
    readText: (p) => fs.readFileSync(p, "utf8"),
    exists: (p) => fs.existsSync(p),
    writeNew: (p, content) => fs.writeFileSync(p, content, { flag: "wx", mode: 0o644 }),
    remove: (p) => fs.rmSync(p, { force: true }),
    readBytes: (p) => new Uint8Array(fs.readFileSync(p)),
    writeBytes: (p, bytes, mode) => fs.writeFileSync(p, bytes, { mode: mode ?? 0o644 }),
    stat: (p, follow) => {
      let st: fs.Stats;
      try {
        st = follow ? fs.statSync(p) : fs.lstatSync(p);
      } catch {
        return undefined;
      }
      const type = st.isFile() ? "file" : st.isDirectory() ? "dir" : st.isSymbolicLink() ? "symlink" : "other";
      return { type, mode: st.mode & 0o7777, size: st.size, mtime: st.mtimeMs, ...(type === "symlink" ? { target: fs.readlinkSync(p) } : {}) };
    },
    readdir: (p) => fs.readdirSync(p).sort(),
    mkdir: (p, mode) => fs.mkdirSync(p, { mode: mode ?? 0o755 }),
    symlink: (target, p) => fs.symlinkSync(target, p),
    utime: (p, mtime) => fs.utimesSync(p, new Date(mtime), new Date(mtime)),
    resolve: (p) => path.resolve(p),
  };
}
