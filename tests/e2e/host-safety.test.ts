// The state directory under real processes: parallel writers, a corrupt state file.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const bin = path.resolve(__dirname, "../../bin/mockdocker.js");
let home: string;

function env() {
  return { PATH: process.env.PATH, HOME: home, MOCKDOCKER_HOME: home };
}

function docker(...args: string[]) {
  return spawnSync(process.execPath, ["--", bin, ...args], { encoding: "utf8", env: env(), input: "" });
}

function dockerAsync(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--", bin, ...args], { env: env(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "md-safety-"));
});
afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

describe("state directory", () => {
  it("keeps all 20 containers made by 20 parallel `run -d`", async () => {
    expect(docker("pull", "-q", "busybox").status).toBe(0);
    const results = await Promise.all(Array.from({ length: 20 }, () => dockerAsync("run", "-d", "busybox", "sleep", "1000")));
    for (const r of results) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    }
    const ids = docker("ps", "-q", "--no-trunc").stdout.trim().split("\n").sort();
    expect(ids).toEqual(results.map((r) => r.stdout.trim()).sort());
  }, 120_000);

  it("reports a corrupt state file with its path, exits 1, and keeps the bytes", () => {
    const file = path.join(home, "state.json");
    fs.writeFileSync(file, "{ not json");
    const r = docker("ps");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain("not valid JSON");
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(fs.readFileSync(file, "utf8")).toBe("{ not json");
    const run = docker("run", "-d", "busybox", "true");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^mockdocker: the state file .* is not valid JSON/);
    expect(fs.readFileSync(file, "utf8")).toBe("{ not json");
  });
});
