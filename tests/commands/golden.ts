// Golden files for command tests: tests/golden/commands/<object>-<verb>-<case>.golden holds a
// command's stdout, stderr and exit code. UPDATE_GOLDEN=1 rewrites them from the actual run.
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { CommandResult } from "../../src/sandbox.js";

const dir = path.resolve(__dirname, "../golden/commands");

/** The golden text of a result: each stream under a marker line, then the exit code. */
export function renderResult(r: CommandResult): string {
  return `-- stdout --\n${r.stdout}-- stderr --\n${r.stderr}-- exit code: ${r.exitCode} --\n`;
}

/** Compares a result with tests/golden/commands/<name>.golden (rewritten when UPDATE_GOLDEN=1). */
export function expectGolden(name: string, r: CommandResult): void {
  const file = path.join(dir, `${name}.golden`);
  const actual = renderResult(r);
  if (process.env.UPDATE_GOLDEN === "1") {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) throw new Error(`missing golden file ${file} (run with UPDATE_GOLDEN=1 to create it)`);
  expect(actual).toBe(fs.readFileSync(file, "utf8"));
}
