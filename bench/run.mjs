// Median wall time of `mockdocker ps` and `mockdocker run -d busybox sleep 1000` against the
// Node start-up floor (`node -e 0`), on hosts with 0, 100 and 1,000 containers, measured side
// by side (interleaved) in one run; then the in-process throughput of createSandbox.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "bin/mockdocker.js");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SIZES = [0, 100, 1000];
const TARGETS = { 100: 1.3, 1000: 1.6 };

function time(args, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const rows = [];
for (const size of SIZES) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "md-bench-"));
  const seeded = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "bench/seed-host.ts"), home, String(size)], { cwd: root, stdio: "inherit" });
  if (seeded.status !== 0) throw new Error("seeding failed");
  const env = { PATH: process.env.PATH, HOME: home, MOCKDOCKER_HOME: home };
  const floor = [];
  const ps = [];
  const run = [];
  for (let i = 0; i < ROUNDS; i++) {
    floor.push(time(["-e", "0"], env));
    ps.push(time([bin, "ps"], env));
    run.push(time([bin, "run", "-d", "busybox", "sleep", "1000"], env));
  }
  rows.push({ size, floor: median(floor), ps: median(ps), run: median(run) });
  fs.rmSync(home, { recursive: true, force: true });
}

console.log(`rounds per measurement: ${ROUNDS} (median wall time, ms)`);
console.log("containers   node -e 0   ps       (ratio)   run -d   (ratio)   ps target");
let failed = false;
for (const r of rows) {
  const psRatio = r.ps / r.floor;
  const target = TARGETS[r.size];
  const verdict = target === undefined ? "-" : psRatio <= target ? `<= ${target}x ok` : `> ${target}x MISSED`;
  if (target !== undefined && psRatio > target) failed = true;
  console.log(
    `${String(r.size).padEnd(12)} ${r.floor.toFixed(1).padEnd(11)} ${r.ps.toFixed(1).padEnd(8)} ${psRatio.toFixed(2).padEnd(9)} ${r.run.toFixed(1).padEnd(8)} ${(r.run / r.floor).toFixed(2).padEnd(9)} ${verdict}`,
  );
}

// In-process throughput through the library entry point (bench/throughput.mjs).
const throughput = spawnSync(process.execPath, [path.join(root, "bench/throughput.mjs")], { stdio: "inherit" });
if (throughput.status !== 0) failed = true;
process.exitCode = failed ? 1 : 0;
