// mockdocker lab replay: transcripts and Markdown on a fresh deterministic host, diffs, --update.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lineDiff } from "../../../src/commands/lab/diff.js";
import { createSandbox } from "../../../src/sandbox.js";

const GOOD = "# a comment\n$ docker run --rm busybox echo hi\nhi\n! Unable to find image 'busybox:latest' locally\n! latest: Pulling from library/busybox\n! 87fdebcc1e14: Pulling fs layer\n! 87fdebcc1e14: Verifying Checksum\n! 87fdebcc1e14: Download complete\n! 87fdebcc1e14: Pull complete\n! Digest: sha256:fdc5cbe3bd0169ddc6b01e9caeb75bd88cfcc6e9bf52fb22845ee28cb5dad559\n! Status: Downloaded newer image for busybox:latest\n$ docker rm nosuch\n! Error response from daemon: No such container: nosuch\n? 1\n";

describe("lab replay", () => {
  it("passes a transcript whose outputs match, on a host separate from the learner's", async () => {
    const host = createSandbox();
    host.files.set("/t.txt", GOOD);
    const r = await host.run("mockdocker lab replay /t.txt");
    expect(r).toEqual({ stdout: "2 commands replayed, all outputs match.\n", stderr: "", exitCode: 0 });
    expect(host.state()).toBeUndefined();
  });

  it("shows a unified diff for each mismatch and exits 1", async () => {
    const host = createSandbox();
    host.files.set("/t.txt", "$ docker rm nosuch\n! Error: gone\n$ docker ps -q\n");
    const r = await host.run("lab replay /t.txt");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(
      "--- /t.txt:1 (expected)\n+++ actual\n $ docker rm nosuch\n-! Error: gone\n+! Error response from daemon: No such container: nosuch\n+? 1\n\n" +
        "1 of 2 commands printed something else.\n",
    );
  });

  it("--update rewrites expected output in place, keeping the rest of a Markdown file", async () => {
    const host = createSandbox();
    const md = "# Title\n\nText.\n\n```console\n$ docker rm nosuch\nstale\n```\n\n```js\nconst x = 1;\n```\n";
    host.files.set("/t.md", md);
    expect((await host.run("lab replay /t.md")).exitCode).toBe(1);
    expect((await host.run("lab replay --update /t.md")).stdout).toBe("1 commands replayed, 1 updated in /t.md\n");
    expect(host.files.get("/t.md")).toBe("# Title\n\nText.\n\n```console\n$ docker rm nosuch\n! Error response from daemon: No such container: nosuch\n? 1\n```\n\n```js\nconst x = 1;\n```\n");
    expect((await host.run("lab replay /t.md")).exitCode).toBe(0);
  });

  it("replays lab verbs too (time moves only in the replay's host)", async () => {
    const host = createSandbox();
    host.files.set("/t.txt", "$ mockdocker lab clock advance 90s\n2025-06-01T10:01:30Z (frozen)\n$ mockdocker lab clock\n2025-06-01T10:01:30Z (frozen)\n");
    expect((await host.run("lab replay /t.txt")).stdout).toBe("2 commands replayed, all outputs match.\n");
    expect((await host.run("lab clock")).stdout).toBe("2025-06-01T10:00:00Z (frozen)\n");
  });

  it("refuses a file without commands and a bad clock", async () => {
    const host = createSandbox();
    host.files.set("/e.md", "nothing here\n");
    expect((await host.run("lab replay /e.md")).stderr).toBe("mockdocker: /e.md holds no '$ docker' or '$ mockdocker' commands\n");
    expect((await host.run("lab replay --clock yesterday /e.md")).stderr).toBe('mockdocker: cannot read "yesterday" as a time\n');
    expect((await host.run("lab replay /none.txt")).exitCode).toBe(1);
  });

  it("replays the repository's transcripts in-process", async () => {
    const dir = path.resolve(__dirname, "../../../fixtures/transcripts");
    const host = createSandbox();
    host.files.set("/first-steps.txt", fs.readFileSync(path.join(dir, "first-steps.txt"), "utf8"));
    const r = await host.run("lab replay /first-steps.txt");
    expect(r.stdout).toMatch(/all outputs match/);
  });
});

describe("lineDiff", () => {
  it("keeps common lines and puts removals before additions", () => {
    expect(lineDiff(["a", "b", "c"], ["a", "x", "c", "d"])).toEqual([
      { op: " ", line: "a" },
      { op: "-", line: "b" },
      { op: "+", line: "x" },
      { op: " ", line: "c" },
      { op: "+", line: "d" },
    ]);
  });
});
