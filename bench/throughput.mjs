// In-process throughput: commands per second through createSandbox (the library entry point),
// replaying a 1,000-command session of the kind the lessons use. Target: at least 2,000/s.
import { createSandbox } from "../dist/index.js";

const TARGET = 2000;

/** 1,000 command lines: containers started, listed, inspected, exec'd into, stopped, removed. */
export function session() {
  const lines = ["pull busybox", "pull nginx", "pull alpine"];
  for (let i = 0; lines.length < 1000; i++) {
    const name = `c${i}`;
    lines.push(
      `run -d --name ${name} busybox sleep 1000`,
      "ps",
      `exec ${name} sh -c 'echo hello > /tmp/f; cat /tmp/f'`,
      `inspect -f '{{.State.Status}}' ${name}`,
      `logs ${name}`,
      "images",
      `run --rm alpine echo ${i}`,
      `stop -t 0 ${name}`,
      "ps -a --format '{{.Names}} {{.Status}}'",
      `rm ${name}`,
    );
  }
  return lines.slice(0, 1000);
}

const commands = session();
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const rates = [];
for (let r = 0; r < rounds; r++) {
  const sandbox = createSandbox();
  const start = process.hrtime.bigint();
  for (const line of commands) {
    const result = await sandbox.run(line);
    if (result.exitCode !== 0) throw new Error(`${line}: exit ${result.exitCode}: ${result.stderr}`);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  rates.push(commands.length / seconds);
}
const best = Math.max(...rates);
console.log(`in-process throughput (createSandbox, ${commands.length} commands, best of ${rounds}): ${Math.round(best)} commands/s, target >= ${TARGET} ${best >= TARGET ? "ok" : "MISSED"}`);
if (best < TARGET) process.exitCode = 1;
