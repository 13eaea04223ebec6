// psql: connects to the postgres of this container (or says why not) and answers a few commands.
import type { Program, ProcessContext, ProcessResult } from "../types.js";
import { pgData, pgVersion } from "./postgres.js";
import { psqlTable, type ResultSet } from "./sql-table.js";
import { getenv, hasProcess, optionValue, Output } from "./util.js";

const SOCKET = "/var/run/postgresql/.s.PGSQL.5432";

function dbFile(ctx: ProcessContext): string {
  return `${pgData(ctx)}/global/pg_database`;
}

function listDatabases(ctx: ProcessContext): string[] {
  try {
    return ctx.fs.readFile(dbFile(ctx)).split("\n").filter(Boolean);
  } catch {
    const user = getenv(ctx, "POSTGRES_USER") || "postgres";
    const db = getenv(ctx, "POSTGRES_DB") || user;
    return [...new Set(["postgres", "template0", "template1", db])];
  }
}

function saveDatabases(ctx: ProcessContext, names: string[]): void {
  try {
    ctx.fs.writeFile(dbFile(ctx), names.join("\n") + "\n");
  } catch {
    // read-only: the change lasts for this session only
  }
}

type Answer = { rs: ResultSet; title?: string } | { tag: string } | { error: string } | { text: string } | { quit: true };

function answer(ctx: ProcessContext, s: { user: string; db: string }, input: string): Answer {
  const cmd = input.trim().replace(/;$/, "").trim();
  const owner = getenv(ctx, "POSTGRES_USER") || "postgres";
  if (cmd === "\\q") return { quit: true };
  if (cmd === "\\l" || cmd === "\\list") {
    const rows = listDatabases(ctx).sort().map((n) => [n, owner, "UTF8", "libc", "en_US.utf8", "en_US.utf8", "", "",
      n.startsWith("template") ? `=c/${owner}` : ""]);
    return { title: "List of databases", rs: { columns: ["Name", "Owner", "Encoding", "Locale Provider", "Collate", "Ctype", "Locale", "ICU Rules", "Access privileges"], rows } };
  }
  if (cmd === "\\dt" || cmd === "\\d") return { text: "Did not find any relations.\n" };
  if (cmd === "\\conninfo") {
    return { text: `You are connected to database "${s.db}" as user "${s.user}" via socket in "/var/run/postgresql" at port "5432".\n` };
  }
  let m = /^CREATE\s+DATABASE\s+"?(\w+)"?$/i.exec(cmd);
  if (m) {
    const name = m[1]!.toLowerCase();
    const dbs = listDatabases(ctx);
    if (dbs.includes(name)) return { error: `ERROR:  database "${name}" already exists` };
    saveDatabases(ctx, [...dbs, name]);
    return { tag: "CREATE DATABASE" };
  }
  m = /^DROP\s+DATABASE\s+(IF\s+EXISTS\s+)?"?(\w+)"?$/i.exec(cmd);
  if (m) {
    const name = m[2]!.toLowerCase();
    const dbs = listDatabases(ctx);
    if (!dbs.includes(name)) return m[1] ? { tag: "DROP DATABASE" } : { error: `ERROR:  database "${name}" does not exist` };
    saveDatabases(ctx, dbs.filter((d) => d !== name));
    return { tag: "DROP DATABASE" };
  }
  m = /^SELECT\s+(.+)$/is.exec(cmd);
  if (m) {
    const expr = m[1]!.trim();
    const low = expr.toLowerCase().replace(/\s+/g, "");
    const v = pgVersion(ctx);
    if (low === "version()") {
      return { rs: { columns: ["version"], rows: [[`PostgreSQL ${v.short} (Debian ${v.full}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`]] } };
    }
    if (low === "current_user" || low === "user") return { rs: { columns: [low], rows: [[s.user]] } };
    if (low === "current_database()") return { rs: { columns: ["current_database"], rows: [[s.db]] } };
    if (/^'[^']*'$/.test(expr)) return { rs: { columns: ["?column?"], rows: [[expr.slice(1, -1)]] } };
    if (/^-?\d+(\s*[-+*]\s*-?\d+)*$/.test(expr)) {
      const nums = expr.split(/\s*([-+*])\s*/);
      let acc = Number(nums[0]);
      for (let i = 1; i < nums.length; i += 2) {
        const n = Number(nums[i + 1]);
        acc = nums[i] === "+" ? acc + n : nums[i] === "-" ? acc - n : acc * n;
      }
      return { rs: { columns: ["?column?"], rows: [[String(acc)]] } };
    }
  }
  const word = cmd.split(/\s+/)[0] ?? "";
  if (word.startsWith("\\")) return { error: `invalid command ${word}\nTry \\? for help.` };
  return { error: `ERROR:  syntax error at or near "${word}"\nLINE 1: ${cmd}\n        ^` };
}

export const psql: Program = {
  run(ctx): ProcessResult {
    const out = new Output();
    const args = ctx.argv.slice(1);
    let user = ctx.user && ctx.user !== "0" ? ctx.user.split(":")[0]! : "root";
    let db: string | undefined;
    let host: string | undefined;
    let command: string | undefined;
    let tuplesOnly = false;
    let list = false;
    const positional: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === "-V" || a === "--version") {
        out.out(0, `psql (PostgreSQL) ${pgVersion(ctx).short} (Debian ${pgVersion(ctx).full})`);
        return { output: out.chunks, exit: { code: 0, at: 1 } };
      }
      if (a === "-t" || a === "--tuples-only") tuplesOnly = true;
      else if (a === "-l" || a === "--list") list = true;
      else {
        const pairs: [string[], string[], (v: string) => void][] = [
          [["-U"], ["--username"], (v) => (user = v)],
          [["-d"], ["--dbname"], (v) => (db = v)],
          [["-h"], ["--host"], (v) => (host = v)],
          [["-c"], ["--command"], (v) => (command = v)],
          [["-p"], ["--port"], () => undefined],
        ];
        const hit = pairs.map(([s, l, set]) => ({ o: optionValue(args, i, s, l), set })).find((x) => x.o);
        if (hit?.o) {
          hit.set(hit.o.value);
          i += hit.o.used - 1;
        } else if (!a.startsWith("-")) positional.push(a);
      }
    }
    db ??= positional[0];
    if (positional[1]) user = positional[1];
    db ??= user;
    const fail = (msg: string, code = 2): ProcessResult => {
      out.err(1, msg);
      return { output: out.chunks, exit: { code, at: 2 } };
    };
    const remote = host !== undefined && !["localhost", "127.0.0.1", "/var/run/postgresql"].includes(host);
    const where = remote ? `server at "${host}" (${ctx.network?.resolve(host!) ?? ""}), port 5432` : `server on socket "${SOCKET}"`;
    if (remote) {
      if (ctx.network?.resolve(host!) === undefined) return fail(`psql: error: could not translate host name "${host}" to address: Name or service not known`);
    } else {
      if (!hasProcess(ctx, "postgres")) {
        return fail(`psql: error: connection to ${where} failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?`);
      }
      const owner = getenv(ctx, "POSTGRES_USER") || "postgres";
      if (user !== owner) return fail(`psql: error: connection to ${where} failed: FATAL:  role "${user}" does not exist`);
      if (!listDatabases(ctx).includes(db)) return fail(`psql: error: connection to ${where} failed: FATAL:  database "${db}" does not exist`);
    }
    const session = { user, db };
    const input = list ? "\\l" : command ?? ctx.stdin;
    if (input === undefined) {
      if (!ctx.tty) return { output: out.chunks, exit: { code: 0, at: 2 } };
      out.out(1, `psql (${pgVersion(ctx).short} (Debian ${pgVersion(ctx).full}))`, 'Type "help" for help.', "");
      out.write(1, "stdout", `${db}=# `);
      return { output: out.chunks, exit: null, onTerm: { kind: "exit", code: 0 }, processes: [{ pid: ctx.pid, ppid: 0, user: "root", command: ctx.argv.join(" "), startedAt: 0 }] };
    }
    let at = 2;
    const statements = input.split(/;|\n/).map((x) => x.trim()).filter(Boolean);
    for (const stmt of statements) {
      const a = answer(ctx, session, stmt);
      if ("quit" in a) break;
      if ("error" in a) {
        out.err(at, command !== undefined ? a.error : `psql:<stdin>:1: ${a.error}`);
        if (command !== undefined) return { output: out.chunks, exit: { code: 1, at: at + 1 } };
      } else if ("tag" in a) out.out(at, a.tag);
      else if ("text" in a) out.write(at, "stdout", a.text);
      else if (tuplesOnly) out.out(at, ...a.rs.rows.map((r) => " " + r.join(" | ")), "");
      else {
        const table = psqlTable(a.rs);
        if (a.title) {
          const width = table.split("\n")[0]!.length;
          out.write(at, "stdout", " ".repeat(Math.max(0, Math.floor((width - a.title.length) / 2))) + a.title + "\n");
        }
        out.out(at, table);
      }
      at++;
    }
    return { output: out.chunks, exit: { code: 0, at: at + 1 } };
  },
};
