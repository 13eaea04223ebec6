// Node's real streams and files behind the Cli interfaces.
import fs from "node:fs";
import tty from "node:tty";
import type { HostFiles, InStream, OutStream } from "./types.js";

export function nodeOutStream(stream: NodeJS.WriteStream): OutStream {
  return {
    write: (text) => {
      stream.write(text);
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
  return {
    get isTTY() {
      return isTTY();
    },
    readAll,
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
  };
}
