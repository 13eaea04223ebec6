import { describe, expect, it } from "vitest";
import { parseTranscript, renderStep } from "../../../src/commands/lab/transcript.js";

describe("transcript stdin lines", () => {
  it("`< ` lines right after the command are its stdin, and render back", () => {
    const text = "$ docker run -i busybox sh\n< echo hi\n<\n< exit 3\nhi\n? 3\n";
    const [step] = parseTranscript(text);
    expect(step).toMatchObject({ command: "docker run -i busybox sh", stdin: "echo hi\n\nexit 3\n", stdout: "hi\n", exitCode: 3 });
    expect(renderStep(step!.command, step!.stdout, step!.stderr, step!.exitCode, step!.stdin)).toBe(text);
  });

  it("a `< ` line after output is output", () => {
    const [step] = parseTranscript("$ docker logs x\nout\n< not stdin\n");
    expect(step!.stdin).toBeUndefined();
    expect(step!.stdout).toBe("out\n< not stdin\n");
  });
});
