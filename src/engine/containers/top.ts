// docker top (moby: daemon/top_unix.go): the host's `ps` run with the given options (default
// "-ef"), keeping the rows of the container's processes, with host pids.
import type { TopResult } from "../api-types.js";
import { conflict, EngineError } from "../errors.js";
import type { HostView } from "../host.js";
import type { ContainerRecord } from "../model.js";
import type { ProcessInfo } from "../runtime/types.js";
import { commOf } from "../runtime/comm.js";
import { getContainer } from "./lookup.js";
import { HOST_MEM_TOTAL, liveProcesses, processRss } from "./resources.js";

interface Row {
  p: ProcessInfo;
  hostPid: number;
  hostPpid: number;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

function elapsed(ms: number): string {
  let s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const hms = h > 0 || days > 0 ? `${pad2(h)}:${pad2(m)}:${pad2(sec)}` : `${pad2(m)}:${pad2(sec)}`;
  return days > 0 ? `${days}-${hms}` : hms;
}

const comm = commOf;

/** One ps output column: its header and its value for a row. */
type Column = [string, (r: Row, c: ContainerRecord, now: number) => string];

const kb = (bytes: number) => String(Math.round(bytes / 1024));

const COLUMNS: Record<string, Column> = {
  uid: ["UID", (r) => r.p.user],
  user: ["USER", (r) => r.p.user],
  euser: ["EUSER", (r) => r.p.user],
  pid: ["PID", (r) => String(r.hostPid)],
  ppid: ["PPID", (r) => String(r.hostPpid)],
  c: ["C", (r) => (r.p.cpu ? String(Math.round(r.p.cpu * 99)) : "0")],
  pcpu: ["%CPU", (r) => (r.p.cpu ? (r.p.cpu * 99.6).toFixed(1) : "0.0")],
  "%cpu": ["%CPU", (r) => (r.p.cpu ? (r.p.cpu * 99.6).toFixed(1) : "0.0")],
  pmem: ["%MEM", (r) => ((processRss(r.p) / HOST_MEM_TOTAL) * 100).toFixed(1)],
  "%mem": ["%MEM", (r) => ((processRss(r.p) / HOST_MEM_TOTAL) * 100).toFixed(1)],
  rss: ["RSS", (r) => kb(processRss(r.p))],
  rssize: ["RSS", (r) => kb(processRss(r.p))],
  vsz: ["VSZ", (r) => kb(processRss(r.p) * 3 + 1_400_000)],
  stime: ["STIME", (r, c) => hhmm(c.state.startedAt + r.p.startedAt)],
  start: ["START", (r, c) => hhmm(c.state.startedAt + r.p.startedAt)],
  tty: ["TT", (_r, c) => (c.config.Tty ? "pts/0" : "?")],
  ttyf: ["TTY", (_r, c) => (c.config.Tty ? "pts/0" : "?")],
  time: ["TIME", () => "00:00:00"],
  cputime: ["TIME", () => "00:00:00"],
  etime: ["ELAPSED", (r, c, now) => elapsed(now - c.state.startedAt - r.p.startedAt)],
  stat: ["STAT", (r) => (r.p.cpu ? "R" : r.p.pid === 1 ? "Ss" : "S")],
  s: ["S", (r) => (r.p.cpu ? "R" : "S")],
  comm: ["COMMAND", (r) => comm(r.p.command)],
  ucomm: ["COMMAND", (r) => comm(r.p.command)],
  args: ["COMMAND", (r) => r.p.command],
  command: ["COMMAND", (r) => r.p.command],
  cmd: ["CMD", (r) => r.p.command],
  nlwp: ["NLWP", () => "1"],
  pgid: ["PGID", (r) => String(r.hostPid)],
  sid: ["SID", (r) => String(r.hostPid)],
};

const FULL = ["uid", "pid", "ppid", "c", "stime", "ttyf", "time", "cmd"];
const BSD = ["user", "pid", "%cpu", "%mem", "vsz", "rss", "ttyf", "stat", "start", "time", "command"];

/** Which columns a ps option string asks for; undefined when it cannot be honoured. */
function columnsOf(psArgs: string): string[] | undefined {
  const words = psArgs.split(/\s+/).filter((w) => w !== "");
  const picked: string[] = [];
  let format: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === "-o" || w === "o" || w === "--format") {
      const spec = words[++i];
      if (spec === undefined) return undefined;
      format = [...(format ?? []), ...spec.split(",")];
    } else if (/^-o./.test(w)) {
      format = [...(format ?? []), ...w.slice(2).split(",")];
    } else if (/^-[a-zA-Z]+$/.test(w)) {
      if (w.includes("f")) picked.push("full");
      if (w.endsWith("o")) {
        const spec = words[++i];
        if (spec === undefined) return undefined;
        format = [...(format ?? []), ...spec.split(",")];
      }
    } else if (/^[a-zA-Z]+$/.test(w)) {
      if (w.includes("u") || w.includes("v")) picked.push("bsd");
    } else {
      return undefined;
    }
  }
  if (format) return format.map((f) => f.split("=")[0]!.toLowerCase());
  if (picked.includes("bsd")) return BSD;
  if (picked.includes("full") || words.length === 0) return FULL;
  return ["pid", "ttyf", "time", "cmd"];
}

export function topContainer(view: HostView, ref: string, psArgs = "-ef"): TopResult {
  const c = getContainer(view.state, ref);
  if (!c.state.running) throw conflict(`container ${c.id} is not running`);
  if (c.state.restarting) throw conflict(`Container ${c.id} is restarting, wait until the container is running`);
  const cols = columnsOf(psArgs);
  if (!cols || cols.some((k) => !COLUMNS[k])) {
    // ps refuses the options; the daemon reports only its exit status.
    throw new EngineError("Error running ps: exit status 1", 500);
  }
  if (!cols.includes("pid")) throw new EngineError("Couldn't find PID field in ps output", 500);
  const base = c.state.pid;
  const toHost = (pid: number) => base + pid - 1;
  const rows: Row[] = liveProcesses(c, view.now)
    .sort((a, b) => a.pid - b.pid)
    .map((p) => ({ p, hostPid: toHost(p.pid), hostPpid: p.ppid === 0 ? base - 23 : toHost(p.ppid) }));
  return {
    Titles: cols.map((k) => COLUMNS[k]![0]),
    Processes: rows.map((r) => cols.map((k) => COLUMNS[k]![1](r, c, view.now))),
  };
}
