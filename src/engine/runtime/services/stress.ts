// stress(1) 1.0.x as progrium/stress ships it: a master that forks cpu, io, vm and hdd hog
// workers. A vm worker holds --vm-bytes; when that crosses the container's memory limit the
// kernel kills the worker with SIGKILL and the master gives up with exit 1.
import type { ProcessInfo, ProcessResult, Program } from "../types.js";
import { Output } from "./util.js";

const KiB = 1024;
const MASTER_RSS = 420 * KiB;

/** stress's size suffixes: b, k, m, g (case-insensitive), powers of 1024. */
function parseBytes(v: string): number | undefined {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(v);
  if (!m) return undefined;
  const mult = { "": 1, b: 1, k: KiB, m: KiB * KiB, g: KiB * KiB * KiB }[m[2]!.toLowerCase()]!;
  return Number(m[1]) * mult;
}

/** stress's time suffixes: s, m, h, d, y; a bare number is seconds. */
function parseSeconds(v: string): number | undefined {
  const m = /^(\d+)([smhdy]?)$/.exec(v);
  if (!m) return undefined;
  return Number(m[1]) * { "": 1, s: 1, m: 60, h: 3600, d: 86400, y: 31536000 }[m[2]!]!;
}

interface Plan {
  cpu: number;
  io: number;
  vm: number;
  hdd: number;
  vmBytes: number;
  timeout?: number;
  verbose: boolean;
}

function parseArgs(args: string[]): Plan | string {
  const plan: Plan = { cpu: 0, io: 0, vm: 0, hdd: 0, vmBytes: 256 * KiB * KiB, verbose: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf("=");
    const name = eq > 0 && a.startsWith("--") ? a.slice(0, eq) : a;
    const value = () => (eq > 0 && a.startsWith("--") ? a.slice(eq + 1) : args[++i]);
    switch (name) {
      case "-v":
      case "--verbose":
        plan.verbose = true;
        break;
      case "-q":
      case "--quiet":
        plan.verbose = false;
        break;
      case "-c":
      case "--cpu":
      case "-i":
      case "--io":
      case "-m":
      case "--vm":
      case "-d":
      case "--hdd": {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0) return `invalid number in ${name}`;
        const key = ({ "-c": "cpu", "--cpu": "cpu", "-i": "io", "--io": "io", "-m": "vm", "--vm": "vm", "-d": "hdd", "--hdd": "hdd" } as const)[name];
        plan[key] = n;
        break;
      }
      case "--vm-bytes": {
        const b = parseBytes(value() ?? "");
        if (b === undefined) return "invalid number in --vm-bytes";
        plan.vmBytes = b;
        break;
      }
      case "-t":
      case "--timeout": {
        const s = parseSeconds(value() ?? "");
        if (s === undefined) return "invalid time in --timeout";
        plan.timeout = s;
        break;
      }
      case "--vm-stride":
      case "--vm-hang":
      case "--vm-keep":
      case "--hdd-bytes":
      case "--backoff":
        if (name !== "--vm-keep") value();
        break;
      default:
        return `unrecognized option: ${a}`;
    }
  }
  return plan;
}

export const stress: Program = {
  run(ctx): ProcessResult {
    const out = new Output();
    const plan = parseArgs(ctx.argv.slice(1));
    const me = `[${ctx.pid}]`;
    if (typeof plan === "string") {
      out.err(0, `stress: FAIL: ${me} (244) ${plan}`);
      return { output: out.chunks, exit: { code: 1, at: 1 } };
    }
    if (plan.cpu + plan.io + plan.vm + plan.hdd === 0) {
      out.out(0, "`stress' imposes certain types of compute stress on your system", "", "Usage: stress [OPTION [ARG]] ...");
      return { output: out.chunks, exit: { code: 1, at: 1 } };
    }
    out.out(0, `stress: info: ${me} dispatching hogs: ${plan.cpu} cpu, ${plan.io} io, ${plan.vm} vm, ${plan.hdd} hdd`);
    const processes: ProcessInfo[] = [
      { pid: ctx.pid, ppid: 0, user: "root", command: ctx.argv.join(" "), startedAt: 0, rss: MASTER_RSS },
    ];
    const base = Math.max(ctx.pid, ...ctx.processes.map((p) => p.pid));
    let next = base === 1 ? 7 : base + 1;
    const workers: Array<{ pid: number; kind: string }> = [];
    const add = (n: number, kind: string, extra: Partial<ProcessInfo>) => {
      for (let i = 0; i < n; i++) {
        const pid = next++;
        workers.push({ pid, kind });
        processes.push({ pid, ppid: ctx.pid, user: "root", command: ctx.argv.join(" "), startedAt: 2, rss: 96 * KiB, cpu: 1, ...extra });
      }
    };
    add(plan.cpu, "cpu", {});
    add(plan.io, "io", { cpu: 0.4 });
    add(plan.vm, "vm", { rss: plan.vmBytes + 96 * KiB });
    add(plan.hdd, "hdd", { cpu: 0.3 });
    if (plan.verbose) {
      out.out(1, `stress: dbug: ${me} using backoff sleep of ${3000 * workers.length}us`);
      for (const w of workers) out.out(2, `stress: dbug: ${me} --> hog${w.kind} worker ${workers.length} [${w.pid}] forked`);
    }
    // The kernel steps in once the workers' memory no longer fits the cgroup.
    const limit = ctx.memoryLimit;
    let total = MASTER_RSS;
    for (const w of workers) {
      total += processes.find((p) => p.pid === w.pid)!.rss ?? 0;
      if (limit !== undefined && total > limit && w.kind === "vm") {
        // Touching the pages takes a moment: about 40 ms per 100 MiB.
        const at = 2 + Math.round((plan.vmBytes / (100 * KiB * KiB)) * 40);
        out.err(at, `stress: FAIL: ${me} (415) <-- worker ${w.pid} got signal 9`);
        out.err(at, `stress: WARN: ${me} (417) now reaping child worker processes`);
        out.err(at + 1, `stress: FAIL: ${me} (421) kill error: No such process`);
        const secs = Math.max(1, Math.ceil((at + 1) / 1000));
        out.err(at + 1, `stress: FAIL: ${me} (451) failed run completed in ${secs}s`);
        return { output: out.chunks, exit: { code: 1, at: at + 2 }, oomAt: at, processes };
      }
    }
    if (plan.timeout !== undefined) {
      const at = plan.timeout * 1000;
      out.out(at, `stress: info: ${me} successful run completed in ${plan.timeout}s`);
      return { output: out.chunks, exit: { code: 0, at: at + 1 }, processes };
    }
    return { output: out.chunks, exit: null, onTerm: ctx.pid === 1 ? { kind: "ignore" } : { kind: "exit", code: 143 }, processes };
  },
};
