// supervisord (Supervisor 3.0 on Ubuntu 14.04, as tutum/lamp runs it with -n) and the image's
// /run.sh. supervisord reads [program:x] sections from /etc/supervisor/conf.d, starts each
// program and starts it again when it dies; its log lines go to stdout.
import type { OutputChunk, ProcessContext, ProcessInfo, ProcessResult, Program } from "../types.js";
import { execInto } from "./exec.js";
import { supervisorTime } from "./timefmt.js";
import { Output, termAnchor } from "./util.js";

const MiB = 1024 * 1024;
const CONF_DIR = "/etc/supervisor/conf.d";
const SUPERVISORD_CMD = "/usr/bin/python /usr/bin/supervisord -n";

const stamp = supervisorTime;

/** The processes one supervised program brings up, its first pid at `pid`. */
function programProcesses(name: string, pid: number, startedAt: number): ProcessInfo[] {
  if (name === "apache2") {
    const cmd = "/usr/sbin/apache2 -D FOREGROUND";
    return [
      { pid, ppid: 1, user: "root", command: cmd, startedAt, program: name, rss: 9.6 * MiB },
      ...[1, 2, 3, 4, 5].map((i) => ({ pid: pid + i + 1, ppid: pid, user: "www-data", command: cmd, startedAt: startedAt + 40, rss: 3.1 * MiB })),
    ];
  }
  if (name === "mysqld") {
    return [
      { pid, ppid: 1, user: "root", command: "/bin/sh /usr/bin/mysqld_safe", startedAt, program: name, rss: 0.7 * MiB },
      {
        pid: pid + 2,
        ppid: pid,
        user: "mysql",
        command: "/usr/sbin/mysqld --basedir=/usr --datadir=/var/lib/mysql --plugin-dir=/usr/lib/mysql/plugin --user=mysql --log-error=/var/log/mysql/error.log --pid-file=/var/run/mysqld/mysqld.pid --socket=/var/run/mysqld/mysqld.sock --port=3306",
        startedAt: startedAt + 60,
        rss: 41 * MiB,
      },
    ];
  }
  return [{ pid, ppid: 1, user: "root", command: name, startedAt, program: name, rss: 1.5 * MiB }];
}

/** Pids a program's processes take (apache2: master, a gap its fork used, five workers). */
function pidSpan(name: string): number {
  return name === "apache2" ? 7 : name === "mysqld" ? 3 : 1;
}

/** [program:x] section names from the conf.d files, in file order. */
function configuredPrograms(ctx: Pick<ProcessContext, "fs">): string[] {
  const names: string[] = [];
  let files: string[] = [];
  try {
    files = ctx.fs.readdir(CONF_DIR).filter((f) => f.endsWith(".conf")).sort();
  } catch {
    return names;
  }
  for (const f of files) {
    let text = "";
    try {
      text = ctx.fs.readFile(`${CONF_DIR}/${f}`);
    } catch {
      continue;
    }
    for (const m of text.matchAll(/^\[program:([^\]]+)\]/gm)) names.push(m[1]!);
  }
  return names;
}

export const supervisord: Program = {
  run(ctx): ProcessResult {
    const out = new Output();
    const log = (at: number, level: string, msg: string) => out.out(at, `${stamp(ctx.startTime + at)} ${level} ${msg}`);
    log(0, "CRIT", "Supervisor running as root (no user in config file)");
    let files: string[] = [];
    try {
      files = ctx.fs.readdir(CONF_DIR).filter((f) => f.endsWith(".conf")).sort();
    } catch {
      files = [];
    }
    for (const f of files) log(1, "WARN", `Included extra file "${CONF_DIR}/${f}" during parsing`);
    log(20, "INFO", "RPC interface 'supervisor' initialized");
    log(21, "INFO", "supervisord started with pid 1");
    const processes: ProcessInfo[] = [{ pid: ctx.pid, ppid: 0, user: "root", command: SUPERVISORD_CMD, startedAt: 0, rss: 15.2 * MiB }];
    let next = ctx.pid === 1 ? 8 : ctx.pid + 1;
    const names = configuredPrograms(ctx);
    for (const [i, name] of names.entries()) {
      log(1024 + i, "INFO", `spawned: '${name}' with pid ${next}`);
      processes.push(...programProcesses(name, next, 1024 + i));
      next += pidSpan(name);
    }
    for (const [i, name] of names.entries()) {
      log(2030 + i, "INFO", `success: ${name} entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)`);
    }
    // SIGTERM: supervisord stops its children and exits cleanly.
    const stop = new Output();
    stop.out(0, `${stamp(termAnchor(ctx))} WARN received SIGTERM indicating exit request`);
    for (const [i, name] of [...names].reverse().entries()) {
      // Written at once (docker stop takes the exit at the signal); the stamps say how long each took.
      stop.out(0, `${stamp(termAnchor(ctx) + 10 + i * 5)} INFO stopped: ${name} (exit status 0)`);
    }
    return { output: out.chunks, exit: null, onTerm: { kind: "exit", code: 0, log: stop.chunks as OutputChunk[] }, processes };
  },
};

/**
 * A supervised program died (killed from inside the container): supervisord logs it, starts it
 * again with new pids and reports it running a second later. `at` is ms since the epoch.
 */
export function respawnSupervised(o: { program: string; signal: string; at: number; firstPid: number }): { output: OutputChunk[]; processes: ProcessInfo[]; pidsUsed: number } {
  const out = new Output();
  const how = o.signal === "KILL" ? "terminated by SIGKILL" : `terminated by SIG${o.signal}`;
  out.out(o.at, `${stamp(o.at)} INFO exited: ${o.program} (${how}; not expected)`);
  out.out(o.at + 2, `${stamp(o.at + 2)} INFO spawned: '${o.program}' with pid ${o.firstPid}`);
  out.out(o.at + 1006, `${stamp(o.at + 1006)} INFO success: ${o.program} entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)`);
  return { output: out.chunks, processes: programProcesses(o.program, o.firstPid, 0), pidsUsed: pidSpan(o.program) };
}

/** tutum/lamp's /run.sh: prepares MySQL's data directory on first start, then execs supervisord. */
export const lampRun: Program = {
  run(ctx): ProcessResult {
    const out = new Output();
    let fresh = true;
    try {
      fresh = ctx.fs.stat("/var/lib/mysql/mysql")?.type !== "dir";
    } catch {
      fresh = true;
    }
    let t = 5;
    if (fresh) {
      out.out(t, "=> An empty or uninitialized MySQL volume is detected in /var/lib/mysql", "=> Installing MySQL ...");
      t += 2400;
      try {
        ctx.fs.mkdir("/var/lib/mysql/mysql", { parents: true });
      } catch {
        // A read-only root leaves the data directory as it was.
      }
      out.out(t, "=> Done!", "=> Waiting for confirmation of MySQL service startup");
      t += 3100;
      const pass = Array.from({ length: 12 }, () => "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"[Math.floor(ctx.random() * 57)]).join("");
      out.out(
        t,
        "=> Creating MySQL admin user with random password",
        "=> Done!",
        "========================================================================",
        "Connect to this MySQL server with:",
        "",
        `    mysql -uadmin -p${pass} -h<host> -P<port>`,
        "",
        "Change this password soon. root has no password and only connects locally.",
        "========================================================================",
      );
      t += 1200;
    } else {
      out.out(t, "=> Using an existing volume of MySQL");
    }
    return execInto(ctx, ["supervisord", "-n"], out, t);
  },
};
