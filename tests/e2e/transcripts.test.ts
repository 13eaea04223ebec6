// Replays fixtures/transcripts/*.txt against the built binary, each on a fresh host with a
// frozen clock and seeded ids.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTranscript, renderStep } from "../../src/commands/lab/transcript.js";
import { splitCommandLine } from "../../src/sandbox.js";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin/mockdocker.js");
const dir = path.join(root, "fixtures/transcripts");

describe("transcripts", () => {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
    it(file, () => {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), "md-e2e-"));
      try {
        const steps = parseTranscript(fs.readFileSync(path.join(dir, file), "utf8"));
        expect(steps.length).toBeGreaterThan(0);
        for (const step of steps) {
          const argv = splitCommandLine(step.command);
          expect(["docker", "mockdocker"]).toContain(argv[0]);
          const r = spawnSync(process.execPath, ["--", bin, ...argv.slice(1)], {
            encoding: "utf8",
            env: { PATH: process.env.PATH, HOME: home, MOCKDOCKER_HOME: home, MOCKDOCKER_SEED: "transcript", MOCKDOCKER_CLOCK: "2025-06-01T10:00:00Z" },
            input: step.stdin ?? "",
          });
          expect(renderStep(step.command, r.stdout, r.stderr, r.status ?? -1, step.stdin), `${file}:${step.line}`).toBe(
            renderStep(step.command, step.stdout, step.stderr, step.exitCode, step.stdin),
          );
        }
      } finally {
        fs.rmSync(home, { recursive: true, force: true });
      }
    });
  }
});
