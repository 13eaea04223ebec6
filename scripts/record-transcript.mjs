// Records a transcript: runs each `$ docker ...` line of a command list against a fresh
// deterministic host and writes the outputs in transcript format. Review before committing.
// Usage: node scripts/record-transcript.mjs commands.txt > fixtures/transcripts/name.txt
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { splitCommandLine } = await import(path.join(root, "dist/index.js"));
const home = fs.mkdtempSync(path.join(os.tmpdir(), "md-record-"));
const out = [];
for (const line of fs.readFileSync(process.argv[2], "utf8").split("\n")) {
  if (!line.startsWith("$ ")) {
    if (line.startsWith("#")) out.push(line);
    continue;
  }
  const argv = splitCommandLine(line.slice(2));
  const r = spawnSync(process.execPath, ["--", path.join(root, "bin/mockdocker.js"), ...argv.slice(1)], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: home, MOCKDOCKER_HOME: home, MOCKDOCKER_SEED: "transcript", MOCKDOCKER_CLOCK: "2025-06-01T10:00:00Z" },
    input: "",
  });
  out.push(line);
  const split = (s) => (s === "" ? [] : s.replace(/\n$/, "").split("\n"));
  for (const l of split(r.stdout)) out.push(l);
  for (const l of split(r.stderr)) out.push(l === "" ? "!" : `! ${l}`);
  if (r.status !== 0) out.push(`? ${r.status}`);
}
fs.rmSync(home, { recursive: true, force: true });
process.stdout.write(out.join("\n") + "\n");
