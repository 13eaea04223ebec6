// Process and system applets: ps kill top free uptime date.
import type { ProcessInfo } from "../types.js";
import { type Applet, type CommandContext, NeverExits } from "./context.js";
import { badOption, fail, wallNow } from "./util.js";
import { commOf } from "../comm.js";
import { MEMINFO } from "../../host-memory.js";

function cpuTime(_p: ProcessInfo): string {
  return "0:00";
}

/** Every process of the container, including the one running ps (the launcher registered it). */
function psList(ctx: CommandContext): ProcessInfo[] {
  return [...ctx.state.processes].sort((a, b) => a.pid - b.pid);
}

function clock(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}

const ps: Applet = (ctx) => {
  const list = psList(ctx);
  const args = ctx.argv.slice(1).join(" ");
  if (ctx.flavor === "busybox") {
    ctx.io.out("PID   USER     TIME  COMMAND\n");
    for (const p of list) ctx.io.out(`${String(p.pid).padStart(5)} ${p.user.padEnd(8)} ${cpuTime(p).padStart(5)} ${p.command}\n`);
    return 0;
  }
  const start = ctx.state.proc.startTime;
  if (/(^|\s)-?[a-z]*[ef]/.test(args) && args.includes("-")) {
    ctx.io.out("UID          PID    PPID  C STIME TTY          TIME CMD\n");
    for (const p of list) {
      ctx.io.out(`${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${clock(start + p.startedAt)} ${(ctx.state.proc.tty ? "pts/0" : "?").padEnd(8)} 00:00:00 ${p.command}\n`);
    }
    return 0;
  }
  if (/a|x|u/.test(args)) {
    ctx.io.out("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n");
    for (const p of list) {
      const stat = p.pid === 1 ? "Ss" : p.command.startsWith("ps") ? "R" : "S";
      ctx.io.out(
        `${p.user.padEnd(8)} ${String(p.pid).padStart(7)}  0.0  0.0 ${"2304".padStart(6)} ${"1280".padStart(5)} ${(ctx.state.proc.tty ? "pts/0" : "?").padEnd(8)} ${(stat + (p.command.startsWith("ps") ? "+" : "")).padEnd(4)} ${clock(start + p.startedAt)}   0:00 ${p.command}\n`,
      );
    }
    return 0;
  }
  ctx.io.out("    PID TTY          TIME CMD\n");
  for (const p of list) ctx.io.out(`${String(p.pid).padStart(7)} ${(ctx.state.proc.tty ? "pts/0" : "?").padEnd(8)} 00:00:00 ${commOf(p.command)}\n`);
  return 0;
};

const SIGNAL_NUMBERS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15, STOP: 19, CONT: 18 };

const kill: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  let signal = "TERM";
  if (args[0] === "-l") {
    ctx.io.out(Object.keys(SIGNAL_NUMBERS).join(" ") + "\n");
    return 0;
  }
  if (args[0] === "-s") {
    args.shift();
    const s = args.shift() ?? "TERM";
    signal = s.toUpperCase().replace(/^SIG/, "");
    if (/^\d+$/.test(signal)) signal = Object.entries(SIGNAL_NUMBERS).find(([, n]) => n === Number(s))?.[0] ?? signal;
    if (!SIGNAL_NUMBERS[signal] && !/^\d+$/.test(signal)) {
      fail(ctx, ctx.flavor === "busybox" ? `bad signal name '${s}'` : `${s}: invalid signal specification`);
      return 1;
    }
  } else if (args[0]?.startsWith("-") && args[0] !== "--") {
    const s = args.shift()!.slice(1).toUpperCase().replace(/^SIG/, "");
    signal = /^\d+$/.test(s) ? (Object.entries(SIGNAL_NUMBERS).find(([, n]) => n === Number(s))?.[0] ?? s) : s;
    if (!SIGNAL_NUMBERS[signal] && !/^\d+$/.test(signal)) {
      fail(ctx, ctx.flavor === "busybox" ? `bad signal name '${s}'` : `unknown signal: ${s}`);
      return 1;
    }
  }
  if (args[0] === "--") args.shift();
  if (args.length === 0) {
    if (ctx.shell === "bash") {
      fail(ctx, "usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]");
      return 2;
    }
    fail(ctx, ctx.flavor === "busybox" ? "you need to specify whom to kill" : "not enough arguments");
    return 1;
  }
  let st = 0;
  for (const a of args) {
    const pid = Number(a);
    if (!ctx.state.processes.some((p) => p.pid === pid)) {
      fail(ctx, ctx.flavor === "busybox" ? `can't kill pid ${a}: No such process` : `(${a}) - No such process`);
      st = 1;
      continue;
    }
    ctx.state.signals.push({ pid, signal, at: ctx.state.now });
  }
  return st;
};

const top: Applet = (ctx) => {
  const list = psList(ctx);
  ctx.io.out(
    `Mem: ${MEMINFO.MemTotal - MEMINFO.MemFree}K used, ${MEMINFO.MemFree}K free, ${MEMINFO.Shmem}K shrd, ${MEMINFO.Buffers}K buff, ${MEMINFO.Cached}K cached\n` +
      `CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq\n` +
      `Load average: 0.00 0.00 0.00 1/${list.length + 200} ${list[list.length - 1]?.pid ?? 1}\n` +
      `  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n` +
      list.map((p) => `${String(p.pid).padStart(5)} ${String(p.ppid).padStart(5)} ${p.user.padEnd(8)} ${"S".padEnd(4)} ${"1300".padStart(5)}   0%   0   0% ${p.command}\n`).join(""),
  );
  if (ctx.argv.includes("-n") || ctx.argv.some((a) => a.startsWith("-bn") || a === "-n1")) return 0;
  throw new NeverExits();
};

/** Same figures as /proc/meminfo and docker info's Total Memory (host-memory.ts). */
function memFigures(): number[] {
  const m = MEMINFO;
  const cache = m.Buffers + m.Cached + m.SReclaimable;
  return [m.MemTotal, m.MemTotal - m.MemFree - cache, m.MemFree, m.Shmem, cache, m.MemAvailable];
}

const free: Applet = (ctx) => {
  const h = ctx.argv.includes("-h") || ctx.argv.includes("-m");
  const m = (kb: number): string => (h ? `${(kb / 1024 / 1024).toFixed(1)}Gi` : String(kb));
  const [total, used, freeKb, shared, cache, available] = memFigures() as [number, number, number, number, number, number];
  const swap = MEMINFO.SwapTotal;
  if (ctx.flavor === "busybox") {
    ctx.io.out(
      `              total        used        free      shared  buff/cache   available\n` +
        `Mem:${m(total).padStart(15)}${m(used).padStart(12)}${m(freeKb).padStart(12)}${m(shared).padStart(12)}${m(cache).padStart(12)}${m(available).padStart(12)}\n` +
        `Swap:${m(swap).padStart(14)}${m(0).padStart(12)}${m(swap).padStart(12)}\n`,
    );
  } else {
    ctx.io.out(
      `               total        used        free      shared  buff/cache   available\n` +
        `Mem:${m(total).padStart(16)}${m(used).padStart(12)}${m(freeKb).padStart(12)}${m(shared).padStart(12)}${m(cache).padStart(12)}${m(available).padStart(12)}\n` +
        `Swap:${m(swap).padStart(15)}${m(0).padStart(12)}${m(swap).padStart(12)}\n`,
    );
  }
  return 0;
};

const uptime: Applet = (ctx) => {
  const now = wallNow(ctx);
  const upMin = Math.floor((ctx.state.now + 3 * 3600_000) / 60_000);
  const up = upMin >= 60 ? `${Math.floor(upMin / 60)}:${String(upMin % 60).padStart(2, "0")}` : `${upMin} min`;
  const t = new Date(now).toISOString().slice(11, 19);
  ctx.io.out(` ${t} up ${up},  0 users,  load average: 0.00, 0.00, 0.00\n`);
  return 0;
};

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** strftime subset in UTC (containers have no TZ unless set). */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number): string => String(n).padStart(2, "0");
  const map: Record<string, () => string> = {
    Y: () => String(d.getUTCFullYear()),
    y: () => p2(d.getUTCFullYear() % 100),
    m: () => p2(d.getUTCMonth() + 1),
    d: () => p2(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2),
    H: () => p2(d.getUTCHours()),
    I: () => p2(d.getUTCHours() % 12 || 12),
    M: () => p2(d.getUTCMinutes()),
    S: () => p2(d.getUTCSeconds()),
    N: () => String(d.getUTCMilliseconds()).padStart(3, "0") + "000000",
    p: () => (d.getUTCHours() < 12 ? "AM" : "PM"),
    a: () => DAYS[d.getUTCDay()]!,
    A: () => ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][d.getUTCDay()]!,
    b: () => MONTHS[d.getUTCMonth()]!,
    h: () => MONTHS[d.getUTCMonth()]!,
    j: () => String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1).padStart(3, "0"),
    s: () => String(Math.floor(ms / 1000)),
    Z: () => "UTC",
    z: () => "+0000",
    T: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    F: () => `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    D: () => `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`,
    R: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`,
    u: () => String(d.getUTCDay() || 7),
    w: () => String(d.getUTCDay()),
    n: () => "\n",
    t: () => "\t",
    "%": () => "%",
  };
  return fmt.replace(/%(.)/g, (m, c: string) => (map[c] ? map[c]!() : m));
}

const date: Applet = (ctx) => {
  let fmt = "%a %b %e %H:%M:%S %Z %Y";
  let ms = wallNow(ctx);
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("+")) fmt = a.slice(1);
    else if (a === "-u" || a === "--utc") continue;
    else if (a === "-I" || a === "--iso-8601") fmt = "%Y-%m-%d";
    else if (a === "-R" || a === "--rfc-2822") fmt = "%a, %d %b %Y %H:%M:%S +0000";
    else if (a === "-d" || a === "--date") {
      const v = args[++i] ?? "";
      const t = v.startsWith("@") ? Number(v.slice(1)) * 1000 : Date.parse(v);
      if (Number.isNaN(t)) {
        fail(ctx, ctx.flavor === "busybox" ? `invalid date '${v}'` : `invalid date '${v}'`);
        return 1;
      }
      ms = t;
    } else if (a.startsWith("-")) return badOption(ctx, a.slice(1, 2));
  }
  ctx.io.out(strftime(fmt, ms) + "\n");
  return 0;
};

export const PROC: Record<string, Applet> = { ps, kill, top, free, uptime, date };
