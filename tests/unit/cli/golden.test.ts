// The real docker 28.2.2 client's outputs (recorded by scripts/capture-cli-goldens.sh) against
// dispatch() on the real spec tree: errors byte for byte, help by layout.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compareHelp } from "./help-compare.js";
import { run } from "./harness.js";

interface Golden {
  argv: string[];
  mode: "exact" | "help";
  stdout: string;
  stderr: string;
  exitCode: number;
}

const dir = fileURLToPath(new URL("../../golden/cli/", import.meta.url));
const goldens = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(dir + f, "utf8")) as Golden] as const);

describe("docker client goldens", () => {
  it("has the recorded cases", () => {
    expect(goldens.length).toBeGreaterThan(100);
  });

  for (const [name, g] of goldens.filter(([, g]) => g.mode === "exact")) {
    it(`${name}: docker ${g.argv.join(" ")}`, async () => {
      const r = await run(g.argv);
      expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({
        stdout: g.stdout,
        stderr: g.stderr,
        exitCode: g.exitCode,
      });
    });
  }

  for (const [name, g] of goldens.filter(([, g]) => g.mode === "help")) {
    it(`${name}: docker ${g.argv.join(" ")} (help layout)`, async () => {
      const r = await run(g.argv);
      expect(r.exitCode).toBe(g.exitCode);
      expect(r.stdout === "").toBe(g.stdout === "");
      expect(r.stderr === "").toBe(g.stderr === "");
      const [ours, real] = g.stdout ? [r.stdout, g.stdout] : [r.stderr, g.stderr];
      expect(compareHelp(ours, real)).toEqual([]);
    });
  }
});
