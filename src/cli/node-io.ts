// Node's real streams and files behind the Cli interfaces.
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import type { Stats } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { createRequire } from "node:module";
import type { HostFiles, InStream, OutStream } from "./types.js";

// node:tty brings in Node's net and stream modules, milliseconds a command like `ps` never
// needs: it is loaded when a terminal question is first asked. (Builtins resolve from any base.)
let tty: typeof import("node:tty") | undefined;
function isatty(fd: number): boolean {
  tty ??= createRequire("/")("node:tty") as typeof import("node:tty");
  return tty.isatty(fd);
}

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
  const isTTY = () => isatty(0);
  // A pipe is read as it arrives: readLine hands out lines as soon as they are complete,
  // readAll what is left at end of input.
  let pending = Buffer.alloc(0);
  let ended = false;
  let listening = false;
  let wake: (() => void) | undefined;
  const listen = () => {
    if (listening) return;
    listening = true;
    const stdin = process.stdin;
    stdin.on("data", (c: Buffer) => {
      pending = Buffer.concat([pending, c]);
      wake?.();
    });
    const finish = () => {
      ended = true;
      wake?.();
    };
    stdin.on("end", finish);
    stdin.on("error", finish);
  };
  const more = () =>
    new Promise<void>((resolve) => {
      wake = () => {
        wake = undefined;
        resolve();
      };
    });
  const readAllBytes = async (): Promise<Buffer> => {
    if (isTTY()) return Buffer.alloc(0);
    listen();
    while (!ended) await more();
    const all = pending;
    pending = Buffer.alloc(0);
    return all;
  };
  let all: Promise<string> | undefined;
  let allBytes: Promise<Uint8Array> | undefined;
  let ttyLines: (() => Promise<string | null>) | undefined;
  return {
    get isTTY() {
      return isTTY();
    },
    readAll: () => (all ??= readAllBytes().then((b) => b.toString("utf8"))),
    readBytes: () => (allBytes ??= readAllBytes().then((b) => new Uint8Array(b))),
    // Loaded when a session starts: readline and streams cost every other command start-up time.
    terminal: async ({ detachKeys }) => (await import("./terminal.js")).nodeTerminal(process.stdin, process.stdout, detachKeys),
    // A password from the terminal with echo off (docker: term.DisableEcho); null on Ctrl-C or Ctrl-D.
    readSecret: () => {
      const stdin = process.stdin;
      if (!isTTY() || !stdin.setRawMode) return Promise.resolve(null);
      stdin.setRawMode(true);
      stdin.resume();
      return new Promise<string | null>((resolve) => {
        let text = "";
        const done = (value: string | null) => {
          stdin.off("data", onData);
          stdin.setRawMode(false);
          stdin.pause();
          resolve(value);
        };
        const onData = (data: Buffer) => {
          for (const ch of data.toString("utf8")) {
            if (ch === "\r" || ch === "\n") return done(text);
            if (ch === "\u0003" || (ch === "\u0004" && text === "")) return done(null);
            if (ch === "\u007f" || ch === "\b") text = text.slice(0, -1);
            else if (ch >= " ") text += ch;
          }
        };
        stdin.on("data", onData);
      });
    },
    async readLine() {
      if (isTTY()) {
        // One reader for the whole command (a line typed ahead is kept), paused in between so
        // the process can end.
        if (!ttyLines) {
          const { createInterface } = await import("node:readline");
          const rl = createInterface({ input: process.stdin, terminal: false });
          const queue: Array<string | null> = [];
          let waiting: ((l: string | null) => void) | undefined;
          const put = (l: string | null) => {
            rl.pause();
            if (waiting) {
              const w = waiting;
              waiting = undefined;
              w(l);
            } else queue.push(l);
          };
          rl.on("line", (l) => put(l));
          rl.on("close", () => put(null));
          ttyLines = () => {
            if (queue.length > 0) return Promise.resolve(queue.shift()!);
            rl.resume();
            return new Promise((resolve) => (waiting = resolve));
          };
        }
        return ttyLines();
      }
      listen();
      for (;;) {
        const nl = pending.indexOf(10);
        if (nl >= 0) {
          const line = pending.subarray(0, nl).toString("utf8");
          pending = pending.subarray(nl + 1);
          return line;
        }
        if (ended) {
          if (pending.length === 0) return null;
          const line = pending.toString("utf8");
          pending = Buffer.alloc(0);
          return line;
        }
        await more();
      }
    },
  };
}

export function nodeHostFiles(): HostFiles {
  return {
    readText: (p) => readFileSync(p, "utf8"),
    exists: (p) => existsSync(p),
    writeNew: (p, content) => writeFileSync(p, content, { flag: "wx", mode: 0o644 }),
    remove: (p) => rmSync(p, { force: true }),
    readBytes: (p) => new Uint8Array(readFileSync(p)),
    writeBytes: (p, bytes, mode) => writeFileSync(p, bytes, { mode: mode ?? 0o644 }),
    stat: (p, follow) => {
      let st: Stats;
      try {
        st = follow ? statSync(p) : lstatSync(p);
      } catch {
        return undefined;
      }
      const type = st.isFile() ? "file" : st.isDirectory() ? "dir" : st.isSymbolicLink() ? "symlink" : "other";
      return { type, mode: st.mode & 0o7777, size: st.size, mtime: st.mtimeMs, ...(type === "symlink" ? { target: readlinkSync(p) } : {}) };
    },
    readdir: (p) => readdirSync(p).sort(),
    mkdir: (p, mode) => mkdirSync(p, { mode: mode ?? 0o755 }),
    symlink: (target, p) => symlinkSync(target, p),
    utime: (p, mtime) => utimesSync(p, new Date(mtime), new Date(mtime)),
    resolve: (p) => resolvePath(p),
  };
}
