// A scripted terminal for in-process tests of `run -it`, `exec -it`, `attach`: what the user
// types (lines, Ctrl-C, Ctrl-D, the detach keys) and what the line editor showed (prompts).
import type { Terminal, TerminalInput } from "../../src/cli/types.js";

/** A line, or a key: `keys` are Ctrl-C / detach pressed while a command holds the terminal. */
export type Typed = string | TerminalInput | { key: "interrupt" | "detach" };

export interface FakeTerminal extends Terminal {
  /** The prompts shown, in order. */
  prompts: string[];
  /** The detach keys the command asked for. */
  detachKeys?: number[];
  closed: boolean;
}

/** `term.open` is what the sandbox's `terminal` option takes (it records the detach keys). */
export function fakeTerminal(script: Typed[]): FakeTerminal & { open(opts: { detachKeys: number[] }): FakeTerminal } {
  const queue = [...script];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const term = {
    prompts: [] as string[],
    detachKeys: undefined as number[] | undefined,
    closed: false,
    open(opts: { detachKeys: number[] }) {
      term.detachKeys = opts.detachKeys;
      return term;
    },
    async readLine(prompt: string): Promise<TerminalInput> {
      term.prompts.push(prompt);
      const next = queue.shift();
      if (next === undefined) return { kind: "eof" };
      if (typeof next === "string") return { kind: "line", text: next };
      if ("key" in next) throw new Error(`a key (${next.key}) was scripted where a line is read`);
      return next;
    },
    waitKey(): Promise<"interrupt" | "detach"> {
      // Keys come only while a command still holds the terminal: a moment later, unless stopped.
      return new Promise((resolve) => {
        timer = setTimeout(() => {
          const next = queue[0];
          if (next !== undefined && typeof next !== "string" && "key" in next) {
            queue.shift();
            resolve(next.key);
          }
        }, 30);
      });
    },
    stopWaiting() {
      clearTimeout(timer);
    },
    close() {
      term.closed = true;
    },
  };
  return term;
}
