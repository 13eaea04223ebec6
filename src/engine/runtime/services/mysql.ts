// The mysql image: docker-entrypoint.sh (docker-library/mysql template/docker-entrypoint.sh)
// and mysqld.
import type { OutputChunk, Program, ProcessContext, ProcessResult } from "../types.js";
import { bashNotFound, execInto } from "./exec.js";
import { isoMicro, rfc3339Seconds } from "./timefmt.js";
import { envSet, getenv, Output, termAnchor } from "./util.js";

export const MYSQL_VERSION = "9.3.0-1.el9";
export const DATADIR = "/var/lib/mysql";
const SCRIPT = "/usr/local/bin/docker-entrypoint.sh";

/** "9.3.0-1.el9" -> "9.3.0" */
export function serverVersion(ctx: Pick<ProcessContext, "env">): string {
  return (getenv(ctx, "MYSQL_VERSION") ?? MYSQL_VERSION).split("-")[0]!;
}

function isDir(ctx: ProcessContext, path: string): boolean {
  try {
    return ctx.fs.stat(path)?.type === "dir";
  } catch {
    return false;
  }
}

function wantsHelp(args: string[]): boolean {
  return args.some((a) => ["-?", "--help", "--print-defaults", "-V", "--version"].includes(a));
}

/** Lines mysqld writes to stderr; `thread` is the connection id column. */
function mysqldLogger(out: Output, ctx: ProcessContext) {
  return (at: number, thread: number, level: string, code: string, sub: string, msg: string) =>
    out.err(at, `${isoMicro(ctx.startTime + at)} ${thread} [${level}] [${code}] [${sub}] ${msg}`);
}

function randomPassword(random: () => number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let s = "";
  for (let i = 0; i < 32; i++) s += alphabet[Math.floor(random() * 64)];
  return s;
}

export const mysqlEntrypoint: Program = {
  run(ctx): ProcessResult {
    let args = ctx.argv.slice(1);
    if (args[0]?.startsWith("-")) args = ["mysqld", ...args];
    const out = new Output();
    const fullVersion = getenv(ctx, "MYSQL_VERSION") ?? MYSQL_VERSION;
    const version = serverVersion(ctx);
    const note = (at: number, msg: string) => out.out(at, `${rfc3339Seconds(ctx.startTime + at)} [Note] [Entrypoint]: ${msg}`);
    const warn = (at: number, msg: string) => out.err(at, `${rfc3339Seconds(ctx.startTime + at)} [Warn] [Entrypoint]: ${msg}`);
    const fail = (at: number, ...msg: string[]): ProcessResult => {
      out.err(at, `${rfc3339Seconds(ctx.startTime + at)} [ERROR] [Entrypoint]: ${msg.join("\n")}`);
      return { output: out.chunks, exit: { code: 1, at } };
    };
    const notFound = bashNotFound(ctx.argv[0] ?? SCRIPT, 436);
    if (args[0] !== "mysqld" || wantsHelp(args)) return execInto(ctx, args, out, 0, { notFound });

    note(0, `Entrypoint script for MySQL Server ${fullVersion} started.`);
    const root = ctx.user === "" || ctx.user === "root" || ctx.user === "0";
    let t = 300;
    if (root) {
      note(t, "Switching to dedicated user 'mysql'");
      note(t + 10, `Entrypoint script for MySQL Server ${fullVersion} started.`);
      t += 300;
    }
    const user = root ? "mysql" : ctx.user;
    if (isDir(ctx, `${DATADIR}/mysql`)) {
      return execInto(ctx, args, out, t + 10, { user, notFound });
    }
    if (!envSet(ctx, "MYSQL_ROOT_PASSWORD") && !envSet(ctx, "MYSQL_ALLOW_EMPTY_PASSWORD") && !envSet(ctx, "MYSQL_RANDOM_ROOT_PASSWORD")) {
      return fail(t, "Database is uninitialized and password option is not specified",
        "    You need to specify one of the following:",
        "    - MYSQL_ROOT_PASSWORD", "    - MYSQL_ALLOW_EMPTY_PASSWORD", "    - MYSQL_RANDOM_ROOT_PASSWORD");
    }
    const dbUser = getenv(ctx, "MYSQL_USER") ?? "";
    const dbPass = getenv(ctx, "MYSQL_PASSWORD") ?? "";
    const database = getenv(ctx, "MYSQL_DATABASE") ?? "";
    if (dbUser === "root") {
      return fail(t, 'MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user',
        '    Remove MYSQL_USER="root" and use one of the following to control the root user password:',
        "    - MYSQL_ROOT_PASSWORD", "    - MYSQL_ALLOW_EMPTY_PASSWORD", "    - MYSQL_RANDOM_ROOT_PASSWORD");
    }
    if (dbUser && !dbPass) warn(t, "MYSQL_USER specified, but missing MYSQL_PASSWORD; MYSQL_USER will not be created");
    else if (!dbUser && dbPass) warn(t, "MYSQL_PASSWORD specified, but missing MYSQL_USER; MYSQL_PASSWORD will be ignored");

    const log = mysqldLogger(out, ctx);
    const initPid = ctx.pid + 79;
    note(t, "Initializing database files");
    log(t + 20, 0, "System", "MY-015017", "Server", "MySQL Server Initialization - start.");
    log(t + 25, 0, "System", "MY-013169", "Server", `/usr/sbin/mysqld (mysqld ${version}) initializing of server in progress as process ${initPid}`);
    log(t + 40, 1, "System", "MY-013576", "InnoDB", "InnoDB initialization has started.");
    log(t + 700, 1, "System", "MY-013577", "InnoDB", "InnoDB initialization has ended.");
    log(t + 2400, 6, "Warning", "MY-010453", "Server", "root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.");
    log(t + 4600, 0, "System", "MY-015018", "Server", "MySQL Server Initialization - end.");
    t += 4700;
    note(t, "Database files initialized");
    note(t, "Starting temporary server");
    const tempPid = initPid + 45;
    log(t + 20, 0, "System", "MY-015015", "Server", "MySQL Server - start.");
    log(t + 200, 0, "System", "MY-010116", "Server", `/usr/sbin/mysqld (mysqld ${version}) starting as process ${tempPid}`);
    log(t + 800, 0, "System", "MY-010931", "Server", `/usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 0  MySQL Community Server - GPL.`);
    t += 900;
    note(t, "Temporary server started.");
    out.out(t, "'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'");
    for (const f of ["iso3166.tab", "leap-seconds.list", "leapseconds", "tzdata.zi", "zone.tab", "zone1970.tab"]) {
      out.err(t + 600, `Warning: Unable to load '/usr/share/zoneinfo/${f}' as time zone. Skipping it.`);
    }
    t += 1200;
    if (envSet(ctx, "MYSQL_RANDOM_ROOT_PASSWORD")) note(t, `GENERATED ROOT PASSWORD: ${randomPassword(ctx.random)}`);
    if (database) note(t + 20, `Creating database ${database}`);
    if (dbUser && dbPass) {
      note(t + 40, `Creating user ${dbUser}`);
      if (database) note(t + 50, `Giving user ${dbUser} access to schema ${database}`);
    }
    out.out(t + 60, "");
    note(t + 100, "Stopping temporary server");
    log(t + 120, 10, "System", "MY-013172", "Server", `Received SHUTDOWN from user root. Shutting down mysqld (Version: ${version}).`);
    log(t + 1800, 0, "System", "MY-010910", "Server", `/usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.`);
    log(t + 1810, 0, "System", "MY-015016", "Server", "MySQL Server - end.");
    t += 1900;
    note(t, "Temporary server stopped");
    out.out(t, "");
    note(t, "MySQL init process done. Ready for start up.");
    out.out(t, "");
    try {
      for (const d of ["mysql", "sys", "performance_schema", ...(database ? [database] : [])]) {
        ctx.fs.mkdir(`${DATADIR}/${d}`, { parents: true });
      }
    } catch {
      // an unwritable datadir shows up when mysqld starts; the simulation keeps going
    }
    return execInto(ctx, args, out, t + 50, { user, notFound });
  },
};

export const mysqld: Program = {
  run(ctx): ProcessResult {
    const version = serverVersion(ctx);
    const out = new Output();
    const args = ctx.argv.slice(1);
    if (args.includes("--version") || args.includes("-V")) {
      out.out(0, `/usr/sbin/mysqld  Ver ${version} for Linux on x86_64 (MySQL Community Server - GPL)`);
      return { output: out.chunks, exit: { code: 0, at: 1 } };
    }
    const log = mysqldLogger(out, ctx);
    log(0, 0, "System", "MY-015015", "Server", "MySQL Server - start.");
    log(200, 0, "System", "MY-010116", "Server", `/usr/sbin/mysqld (mysqld ${version}) starting as process ${ctx.pid}`);
    log(215, 1, "System", "MY-013576", "InnoDB", "InnoDB initialization has started.");
    log(600, 1, "System", "MY-013577", "InnoDB", "InnoDB initialization has ended.");
    log(900, 0, "Warning", "MY-010068", "Server", "CA certificate ca.pem is self signed.");
    log(900, 0, "System", "MY-013602", "Server", "Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.");
    log(905, 0, "Warning", "MY-011810", "Server", "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.");
    log(930, 0, "System", "MY-011323", "Server", "X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock");
    log(930, 0, "System", "MY-010931", "Server", `/usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`);
    const stop = new Output();
    const slog = (at: number, thread: number, code: string, msg: string) =>
      stop.err(at, `${isoMicro(termAnchor(ctx) + at)} ${thread} [System] [${code}] [Server] ${msg}`);
    slog(0, 0, "MY-013172", `Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${version}).`);
    slog(1500, 0, "MY-010910", `/usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.`);
    slog(1510, 0, "MY-015016", "MySQL Server - end.");
    const user = ctx.user === "" || ctx.user === "0" ? "root" : ctx.user.split(":")[0]!;
    return {
      output: out.chunks,
      exit: null,
      onTerm: { kind: "exit", code: 0, log: stop.chunks as OutputChunk[] },
      processes: [{ pid: ctx.pid, ppid: 0, user, command: ["mysqld", ...args].join(" "), startedAt: 0 }],
    };
  },
};
