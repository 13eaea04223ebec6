import fs from "node:fs";
import { expect, it } from "vitest";
import { parseTranscript, renderStep } from "../../src/commands/lab/transcript.js";
import { createSandbox, splitCommandLine } from "../../src/sandbox.js";
it("volumes.txt", async () => {
  const sb = createSandbox({ seed: "transcript" });
  for (const step of parseTranscript(fs.readFileSync("fixtures/transcripts/volumes.txt", "utf8"))) {
    const r = await sb.run(splitCommandLine(step.command).slice(1));
    expect(renderStep(step.command, r.stdout, r.stderr, r.exitCode)).toBe(renderStep(step.command, step.stdout, step.stderr, step.exitCode));
  }
});
