// The real terminal behind `run -it`, `exec -it` and `attach`: stdin in raw mode, docker's
// escape proxy in front (Ctrl-P Ctrl-Q detaches), then Node's readline for line editing and
// history, as the container's shell would edit lines on its own terminal.
import readline from "node:readline";
import { PassThrough } from "node:stream";
import { EscapeProxy } from "./detach-keys.js";
import type { Terminal, TerminalInput } from "./types.js";

const CTRL_C = 3;

export function nodeTerminal(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, detachKeys: number[]): Terminal {
  const proxy = new EscapeProxy(detachKeys);
  const feed = new PassThrough();
  let history: string[] = [];
  let detached = false;
  /** Set while a line is read or a command runs: who hears about a detach (and Ctrl-C). */
  let onDetach: (() => void) | undefined;
  let onInterrupt: (() => void) | undefined;
  let onCancel: (() => void) | undefined;

  const onData = (chunk: Buffer) => {
    const { pass, detach } = proxy.push(chunk);
    if (onInterrupt && pass.includes(CTRL_C)) {
      onInterrupt();
    } else if (pass.length > 0) {
      feed.write(Buffer.from(pass));
    }
    if (detach) {
      detached = true;
      onDetach?.();
    }
  };
  stdin.setRawMode?.(true);
  stdin.on("data", onData);
  stdin.resume();

  return {
    readLine(prompt) {
      return new Promise<TerminalInput>((resolve) => {
        if (detached) return resolve({ kind: "detach" });
        const rl = readline.createInterface({ input: feed, output: stdout, terminal: true, history: [...history], historySize: 1000, prompt });
        let done = false;
        const finish = (r: TerminalInput) => {
          if (done) return;
          done = true;
          onDetach = onCancel = undefined;
          history = (rl as unknown as { history?: string[] }).history ?? history;
          rl.close();
          resolve(r);
        };
        rl.on("line", (text) => finish({ kind: "line", text }));
        rl.on("SIGINT", () => finish({ kind: "interrupt" }));
        // Ctrl-D on an empty line closes readline.
        rl.on("close", () => finish({ kind: "eof" }));
        onDetach = () => finish({ kind: "detach" });
        onCancel = () => finish({ kind: "eof" });
        rl.prompt();
      });
    },
    waitKey() {
      return new Promise((resolve) => {
        if (detached) return resolve("detach");
        const finish = (k: "interrupt" | "detach") => {
          onDetach = onInterrupt = undefined;
          resolve(k);
        };
        onDetach = () => finish("detach");
        onInterrupt = () => finish("interrupt");
      });
    },
    cancel() {
      if (onCancel) {
        onCancel();
        stdout.write("\n");
      }
    },
    stopWaiting() {
      onDetach = onInterrupt = undefined;
    },
    close() {
      stdin.off("data", onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      feed.end();
    },
  };
}
