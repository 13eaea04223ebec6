// The postgres image: docker-entrypoint.sh (docker-library/postgres 17/bookworm) and postgres.
import type { OutputChunk, Program, ProcessContext, ProcessResult } from "../types.js";
import { bashNotFound, execInto } from "./exec.js";
import { pgTime } from "./timefmt.js";
import { envSet, getenv, Output, termAnchor } from "./util.js";

export const PG_VERSION = "17.5-1.pgdg120+1";
const SCRIPT = "/usr/local/bin/docker-entrypoint.sh";

export function pgVersion(ctx: Pick<ProcessContext, "env">): { short: string; full: string } {
  const full = getenv(ctx, "PG_VERSION") ?? PG_VERSION;
  return { short: full.split("-")[0]!, full };
}

export function pgData(ctx: Pick<ProcessContext, "env">): string {
  return getenv(ctx, "PGDATA") || "/var/lib/postgresql/data";
}

function fileHasContent(ctx: ProcessContext, path: string): boolean {
  try {
    const e = ctx.fs.stat(path);
    return e?.type === "file" && e.content.length > 0;
  } catch {
    return false;
  }
}

function wantsHelp(args: string[]): boolean {
  return args.some((a) => ["-?", "--help", "--describe-config", "-V", "--version"].includes(a));
}

function startBanner(ctx: ProcessContext): string {
  const v = pgVersion(ctx);
  return `starting PostgreSQL ${v.short} (Debian ${v.full}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`;
}

/** Log lines of a server starting: `tcp` false for the entrypoint's socket-only temporary server. */
function serverStartLog(out: Output, ctx: ProcessContext, at: number, pid: number, tcp: boolean): number {
  const log = (t: number, p: number, msg: string) => out.err(t, `${pgTime(ctx.startTime + t)} [${p}] LOG:  ${msg}`);
  log(at, pid, startBanner(ctx));
  if (tcp) {
    log(at + 2, pid, 'listening on IPv4 address "0.0.0.0", port 5432');
    log(at + 2, pid, 'listening on IPv6 address "::", port 5432');
  }
  log(at + 4, pid, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"');
  log(at + 10, pid + 3, `database system was shut down at ${pgTime(ctx.startTime + at - 50).replace(/\.\d{3}/, "")}`);
  log(at + 15, pid, "database system is ready to accept connections");
  return at + 15;
}

function shutdownLog(out: Output, base: number, at: number, pid: number): void {
  const log = (t: number, p: number, msg: string) => out.err(t, `${pgTime(base + t)} [${p}] LOG:  ${msg}`);
  log(at, pid, "received fast shutdown request");
  log(at, pid, "aborting any active transactions");
  log(at + 1, pid, `background worker "logical replication launcher" (PID ${pid + 6}) exited with exit code 1`);
  log(at + 1, pid + 1, "shutting down");
  log(at + 2, pid + 1, "checkpoint starting: shutdown immediate");
  log(at + 8, pid + 1, "checkpoint complete: wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.002 s, sync=0.001 s, total=0.006 s");
  log(at + 10, pid, "database system is shut down");
}

export const postgresEntrypoint: Program = {
  run(ctx): ProcessResult {
    let args = ctx.argv.slice(1);
    if (args[0]?.startsWith("-")) args = ["postgres", ...args];
    const out = new Output();
    const notFound = bashNotFound(ctx.argv[0] ?? SCRIPT, 369);
    if (args[0] !== "postgres" || wantsHelp(args)) return execInto(ctx, args, out, 0, { notFound });
    const root = ctx.user === "" || ctx.user === "root" || ctx.user === "0";
    const user = root ? "postgres" : ctx.user;
    const data = pgData(ctx);
    if (fileHasContent(ctx, `${data}/PG_VERSION`)) {
      out.out(0, "", "PostgreSQL Database directory appears to contain a database; Skipping initialization", "");
      return execInto(ctx, args, out, 5, { user, notFound });
    }
    const trust = getenv(ctx, "POSTGRES_HOST_AUTH_METHOD") === "trust";
    if (!envSet(ctx, "POSTGRES_PASSWORD") && !trust) {
      out.err(0,
        "Error: Database is uninitialized and superuser password is not specified.",
        "       Set POSTGRES_PASSWORD to a non-empty value for the superuser,",
        '       for example "-e POSTGRES_PASSWORD=password" on "docker run".',
        "",
        '       POSTGRES_HOST_AUTH_METHOD=trust would instead let every connection',
        "       in without a password. That is *not* recommended.",
        "",
        '       About "trust", see the PostgreSQL documentation:',
        "       https://www.postgresql.org/docs/current/auth-trust.html");
      return { output: out.chunks, exit: { code: 1, at: 2 } };
    }
    if (trust) {
      const stars = "*".repeat(80);
      out.err(0, stars,
        'WARNING: POSTGRES_HOST_AUTH_METHOD is set to "trust": anyone who can reach the',
        "         Postgres port gets into the database without a password, even when",
        "         POSTGRES_PASSWORD is set. In Docker's default setup that means any",
        "         other container on the same host. See the PostgreSQL documentation:",
        "         https://www.postgresql.org/docs/current/auth-trust.html",
        "",
        '         Prefer "-e POSTGRES_PASSWORD=password" on "docker run" instead.',
        stars);
    }
    const pgUser = getenv(ctx, "POSTGRES_USER") || "postgres";
    const db = getenv(ctx, "POSTGRES_DB") || pgUser;
    out.out(10,
      `The files of this database system will be owned by user "${pgUser === "postgres" ? "postgres" : pgUser}",`,
      "which must also own the server process.",
      "",
      'Locale of the new cluster: "en_US.utf8"; default encoding "UTF8";',
      'default text search configuration "english".',
      "",
      "Data page checksums are disabled.",
      "",
      `fixing permissions on existing directory ${data} ... ok`,
      "creating subdirectories ... ok",
      "selecting dynamic shared memory implementation ... posix",
      'selecting default "max_connections" ... 100',
      'selecting default "shared_buffers" ... 128MB',
      "selecting default time zone ... Etc/UTC",
      "creating configuration files ... ok");
    out.out(300, "running bootstrap script ... ok");
    out.out(900, "performing post-bootstrap initialization ... ok");
    out.out(1100, "syncing data to disk ... ok", "");
    out.err(1100,
      'initdb: warning: enabling "trust" authentication for local connections',
      "initdb: hint: to change this, edit pg_hba.conf, or pass -A, or --auth-local and --auth-host, the next time initdb runs.");
    out.out(1100, "", "Success. The database server can now be started with:", "", `    pg_ctl -D ${data} -l logfile start`, "");
    const tempPid = ctx.pid + 47;
    out.write(1150, "stdout", "waiting for server to start....");
    let t = serverStartLog(out, ctx, 1200, tempPid, false);
    out.out(t + 50, " done", "server started");
    t += 60;
    if (db !== "postgres") out.out(t, "CREATE DATABASE", "");
    out.out(t, "");
    let initFiles: string[] = [];
    try {
      initFiles = ctx.fs.readdir("/docker-entrypoint-initdb.d");
    } catch {
      initFiles = [];
    }
    const script = ctx.argv[0] ?? SCRIPT;
    if (initFiles.length === 0) out.out(t, `${script}: ignoring /docker-entrypoint-initdb.d/*`, "");
    for (const f of initFiles) {
      const path = `/docker-entrypoint-initdb.d/${f}`;
      if (/\.(sh|sql|sql\.gz|sql\.xz|sql\.zst)$/.test(f)) out.out(t, `${script}: running ${path}`, "", "");
      else out.out(t, `${script}: ignoring ${path}`, "");
      t += 20;
    }
    out.write(t + 10, "stdout", "waiting for server to shut down....");
    shutdownLog(out, ctx.startTime, t + 20, tempPid);
    out.out(t + 100, " done", "server stopped", "", "PostgreSQL init process complete; ready for start up.", "");
    try {
      ctx.fs.mkdir(data, { parents: true });
      ctx.fs.writeFile(`${data}/PG_VERSION`, `${pgVersion(ctx).short.split(".")[0]}\n`);
      ctx.fs.mkdir(`${data}/global`, { parents: true });
      ctx.fs.writeFile(`${data}/global/pg_database`, ["postgres", "template0", "template1", ...(db !== "postgres" ? [db] : [])].join("\n") + "\n");
    } catch {
      // an unwritable data directory: the simulation keeps going
    }
    return execInto(ctx, args, out, t + 150, { user, notFound });
  },
};

export const postgres: Program = {
  run(ctx): ProcessResult {
    const out = new Output();
    const args = ctx.argv.slice(1);
    if (args.includes("-V") || args.includes("--version")) {
      out.out(0, `postgres (PostgreSQL) ${pgVersion(ctx).short} (Debian ${pgVersion(ctx).full})`);
      return { output: out.chunks, exit: { code: 0, at: 1 } };
    }
    const user = ctx.user === "" || ctx.user === "0" ? "root" : ctx.user.split(":")[0]!;
    if (user === "root") {
      out.err(0, '"root" execution of the PostgreSQL server is not permitted.',
        "Start it as an unprivileged user so that a compromised server cannot",
        "take over the system; the documentation explains how.");
      return { output: out.chunks, exit: { code: 1, at: 1 } };
    }
    const pid = ctx.pid;
    serverStartLog(out, ctx, 0, pid, true);
    const stop = new Output();
    shutdownLog(stop, termAnchor(ctx), 0, pid);
    const aux = ["checkpointer", "background writer", "walwriter", "autovacuum launcher", "logical replication launcher"];
    return {
      output: out.chunks,
      exit: null,
      onTerm: { kind: "exit", code: 0, log: stop.chunks as OutputChunk[] },
      processes: [
        { pid, ppid: 0, user, command: ["postgres", ...args].join(" "), startedAt: 0 },
        ...aux.map((name, i) => ({ pid: pid + 1 + i, ppid: pid, user, command: `postgres: ${name} `, startedAt: 10 })),
      ],
    };
  },
};
