// Shared by the registry command tests: a Cli on a terminal, and the final screen of
// cursor-moving output.
import type { Cli, ClientConfig } from "../../src/cli/types.js";
import { localClient } from "../../src/client/local.js";
import { Engine } from "../../src/engine/host.js";
import { MemoryStore } from "../../src/store/memory-store.js";

export function ttyHost() {
  const engine = new Engine({
    store: new MemoryStore(),
    realNow: () => Date.UTC(2025, 5, 1, 10),
    random: { bytes: (n) => new Uint8Array(n) },
    seed: "t",
    frozenStart: Date.UTC(2025, 5, 1, 10),
    sleep: async () => {},
  });
  const client = localClient(engine);
  /** A terminal Cli; `input` lines answer prompts. */
  const cli = (config: ClientConfig = {}, input: string[] = []) => {
    const io = { out: "", err: "" };
    const lines = [...input];
    const c = {
      out: { write: (t: string) => void (io.out += t), isTTY: true, columns: 120 },
      err: { write: (t: string) => void (io.err += t), isTTY: true },
      in: { isTTY: true, readAll: async () => lines.splice(0).join("\n"), readLine: async () => lines.shift() ?? null },
      client,
      config,
      env: {},
    } as unknown as Cli;
    return { cli: c, io };
  };
  return { engine, client, cli };
}

/** Replays cursor movements, line erases and carriage returns into the final screen. */
export function screen(text: string): string {
  const lines: string[] = [""];
  let row = 0;
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    const esc = /^\x1b\[(\d*)([ABK])/.exec(text.slice(i));
    if (esc) {
      const n = Number(esc[1] || "1");
      if (esc[2] === "A") row -= n;
      else if (esc[2] === "B") row += n;
      else lines[row] = "";
      while (lines.length <= row) lines.push("");
      i += esc[0].length - 1;
      continue;
    }
    const ch = text[i]!;
    if (ch === "\n") {
      row++;
      col = 0;
      while (lines.length <= row) lines.push("");
    } else if (ch === "\r") col = 0;
    else {
      const line = lines[row]!.padEnd(col);
      lines[row] = line.slice(0, col) + ch + line.slice(col + 1);
      col++;
    }
  }
  return lines.join("\n");
}
