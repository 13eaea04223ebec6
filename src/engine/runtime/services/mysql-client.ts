// The mysql command-line client: connects to the mysqld of this container (or says why not)
// and answers a few statements.
import type { Program, ProcessContext, ProcessResult } from "../types.js";
import { DATADIR, serverVersion } from "./mysql.js";
import { mysqlBatch, mysqlTable, type ResultSet } from "./sql-table.js";
import { getenv, hasProcess, optionValue, Output } from "./util.js";

const SYSTEM_DBS = ["information_schema", "mysql", "performance_schema", "sys"];

interface Session {
  ctx: ProcessContext;
  user: string;
  db: string | undefined;
  local: boolean;
}

type Answer = { rs: ResultSet } | { affected: number } | { error: string } | { ok: true };

function databases(ctx: ProcessContext): string[] {
  let names: string[] = [];
  try {
    names = ctx.fs.readdir(DATADIR).filter((n) => !n.startsWith("#") && ctx.fs.stat(`${DATADIR}/${n}`)?.type === "dir");
  } catch {
    names = [];
  }
  return [...new Set([...SYSTEM_DBS, ...names])].sort();
}

function literal(expr: string): string | undefined {
  const e = expr.trim();
  if (/^'.*'$|^".*"$/.test(e)) return e.slice(1, -1);
  if (/^[\d\s+\-*/().]+$/.test(e) && /\d/.test(e)) {
    // Arithmetic on literals only: the characters were checked above.
    const tokens = e.match(/\d+(?:\.\d+)?|[+\-*/()]/g) ?? [];
    let pos = 0;
    const parseExpr = (): number => {
      let v = parseTerm();
      while (tokens[pos] === "+" || tokens[pos] === "-") v = tokens[pos++] === "+" ? v + parseTerm() : v - parseTerm();
      return v;
    };
    const parseTerm = (): number => {
      let v = parseFactor();
      while (tokens[pos] === "*" || tokens[pos] === "/") v = tokens[pos++] === "*" ? v * parseFactor() : v / parseFactor();
      return v;
    };
    const parseFactor = (): number => {
      const t = tokens[pos++];
      if (t === "-") return -parseFactor();
      if (t === "(") {
        const v = parseExpr();
        pos++;
        return v;
      }
      return Number(t);
    };
    const v = parseExpr();
    if (pos !== tokens.length || !Number.isFinite(v)) return undefined;
    return e.includes("/") ? v.toFixed(4) : String(v);
  }
  return undefined;
}

function answer(s: Session, sql: string): Answer {
  const stmt = sql.trim().replace(/;$/, "").trim();
  const upper = stmt.toUpperCase();
  const version = serverVersion(s.ctx);
  const syntax = (): Answer => ({
    error: `ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${stmt.split(/\s+/).slice(1).join(" ")}' at line 1`,
  });
  if (upper === "SHOW DATABASES") return { rs: { columns: ["Database"], rows: databases(s.ctx).map((d) => [d]) } };
  let m = /^CREATE\s+(?:DATABASE|SCHEMA)\s+(IF\s+NOT\s+EXISTS\s+)?`?(\w+)`?$/i.exec(stmt);
  if (m) {
    const name = m[2]!;
    if (databases(s.ctx).includes(name)) {
      return m[1] ? { affected: 1 } : { error: `ERROR 1007 (HY000): Can't create database '${name}'; database exists` };
    }
    if (s.local) s.ctx.fs.mkdir(`${DATADIR}/${name}`, { parents: true });
    return { affected: 1 };
  }
  m = /^DROP\s+(?:DATABASE|SCHEMA)\s+(IF\s+EXISTS\s+)?`?(\w+)`?$/i.exec(stmt);
  if (m) {
    const name = m[2]!;
    if (!databases(s.ctx).includes(name)) {
      return m[1] ? { affected: 0 } : { error: `ERROR 1008 (HY000): Can't drop database '${name}'; database doesn't exist` };
    }
    if (s.local && !SYSTEM_DBS.includes(name)) s.ctx.fs.remove(`${DATADIR}/${name}`, { recursive: true });
    return { affected: 0 };
  }
  m = /^USE\s+`?(\w+)`?$/i.exec(stmt);
  if (m) {
    if (!databases(s.ctx).includes(m[1]!)) return { error: `ERROR 1049 (42000): Unknown database '${m[1]}'` };
    s.db = m[1];
    return { ok: true };
  }
  if (upper === "SHOW TABLES") {
    if (!s.db) return { error: "ERROR 1046 (3D000): No database selected" };
    return { rs: { columns: [`Tables_in_${s.db}`], rows: [] } };
  }
  m = /^SELECT\s+(.+)$/is.exec(stmt);
  if (m) {
    const expr = m[1]!.trim();
    const fn = expr.toUpperCase().replace(/\s+/g, "");
    const value =
      fn === "VERSION()" || fn === "@@VERSION" ? version
        : fn === "USER()" || fn === "CURRENT_USER()" ? `${s.user}@${fn === "USER()" ? "localhost" : "%"}`
          : fn === "DATABASE()" ? s.db ?? "NULL"
            : literal(expr);
    if (value === undefined) return syntax();
    return { rs: { columns: [expr], rows: [[value]] } };
  }
  return syntax();
}

export const mysqlClient: Program = {
  run(ctx): ProcessResult {
    const out = new Output();
    const args = ctx.argv.slice(1);
    let user = ctx.user && ctx.user !== "0" ? ctx.user : "root";
    let password: string | undefined;
    let host = "localhost";
    let execute: string | undefined;
    let db: string | undefined;
    let askPassword = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === "-V" || a === "--version") {
        out.out(0, `mysql  Ver ${serverVersion(ctx)} for Linux on x86_64 (MySQL Community Server - GPL)`);
        return { output: out.chunks, exit: { code: 0, at: 1 } };
      }
      if (a === "-p" || a === "--password") {
        askPassword = true;
        continue;
      }
      if (a.startsWith("-p") && !a.startsWith("--")) {
        password = a.slice(2);
        continue;
      }
      if (a.startsWith("--password=")) {
        password = a.slice(11);
        continue;
      }
      const opt = optionValue(args, i, ["-u"], ["--user"]);
      if (opt) {
        user = opt.value;
        i += opt.used - 1;
        continue;
      }
      const h = optionValue(args, i, ["-h"], ["--host"]);
      if (h) {
        host = h.value;
        i += h.used - 1;
        continue;
      }
      const e = optionValue(args, i, ["-e"], ["--execute"]);
      if (e) {
        execute = e.value;
        i += e.used - 1;
        continue;
      }
      const d = optionValue(args, i, ["-D"], ["--database"]);
      if (d) {
        db = d.value;
        i += d.used - 1;
        continue;
      }
      if (!a.startsWith("-")) db = a;
    }
    let input = ctx.stdin;
    if (askPassword) {
      out.write(0, ctx.tty ? "stdout" : "stderr", "Enter password: ");
      const nl = (input ?? "").indexOf("\n");
      password = nl < 0 ? input ?? "" : input!.slice(0, nl);
      input = nl < 0 ? undefined : input!.slice(nl + 1);
      if (ctx.tty) out.write(0, "stdout", "\n");
    } else if (password !== undefined) {
      out.err(0, "mysql: [Warning] Using a password on the command line interface can be insecure.");
    }
    const fail = (msg: string): ProcessResult => {
      out.err(1, msg);
      return { output: out.chunks, exit: { code: 1, at: 2 } };
    };
    const local = host === "localhost" || host === "127.0.0.1" || host === ctx.hostname;
    if (local) {
      if (!hasProcess(ctx, "mysqld")) {
        return fail(host === "localhost"
          ? "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)"
          : `ERROR 2003 (HY000): Can't connect to MySQL server on '${host}:3306' (111)`);
      }
      const rootPw = getenv(ctx, "MYSQL_ROOT_PASSWORD");
      const allowEmpty = (getenv(ctx, "MYSQL_ALLOW_EMPTY_PASSWORD") ?? "") !== "";
      const pw = password ?? "";
      const accepted = user === "root"
        ? (rootPw !== undefined && rootPw !== "" ? pw === rootPw : allowEmpty && pw === "")
        : user === getenv(ctx, "MYSQL_USER") && pw === (getenv(ctx, "MYSQL_PASSWORD") ?? "") && pw !== "";
      if (!accepted) {
        return fail(`ERROR 1045 (28000): Access denied for user '${user}'@'localhost' (using password: ${pw === "" ? "NO" : "YES"})`);
      }
    } else if (ctx.network?.resolve(host) === undefined) {
      return fail(`ERROR 2005 (HY000): Unknown MySQL server host '${host}' (-2)`);
    }
    const session: Session = { ctx, user, db, local };
    if (db && !databases(ctx).includes(db)) return fail(`ERROR 1049 (42000): Unknown database '${db}'`);
    const statements = execute ?? input;
    if (statements === undefined) {
      if (!ctx.tty) return { output: out.chunks, exit: { code: 0, at: 2 } };
      out.out(1, `Welcome to the MySQL monitor.  Commands end with ; or \\g.`, `Server version: ${serverVersion(ctx)} MySQL Community Server - GPL`, "", "Type 'help;' or '\\h' for help.", "");
      out.write(1, "stdout", "mysql> ");
      return { output: out.chunks, exit: null, onTerm: { kind: "exit", code: 0 }, processes: [{ pid: ctx.pid, ppid: 0, user: "root", command: ctx.argv.join(" "), startedAt: 0 }] };
    }
    const table = ctx.tty;
    let at = 2;
    for (const sql of statements.split(";").map((x) => x.trim()).filter(Boolean)) {
      const a = answer(session, sql);
      if ("error" in a) {
        return fail(execute === undefined ? a.error.replace(/^(ERROR \d+ \(\w+\))/, "$1 at line 1") : a.error);
      }
      if ("rs" in a) {
        if (table) {
          const n = a.rs.rows.length;
          if (n === 0) out.out(at, "Empty set (0.00 sec)", "");
          else out.out(at, mysqlTable(a.rs), `${n} ${n === 1 ? "row" : "rows"} in set (0.00 sec)`, "");
        } else if (a.rs.rows.length > 0) {
          out.out(at, mysqlBatch(a.rs));
        }
      } else if ("affected" in a && table) {
        out.out(at, `Query OK, ${a.affected} ${a.affected === 1 ? "row" : "rows"} affected (0.01 sec)`, "");
      } else if ("ok" in a && table) {
        out.out(at, "Database changed");
      }
      at++;
    }
    return { output: out.chunks, exit: { code: 0, at: at + 1 } };
  },
};
