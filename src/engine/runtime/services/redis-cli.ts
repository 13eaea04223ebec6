// redis-cli: a handful of commands against the key space in the container's fs.
import type { Program, ProcessContext, ProcessResult } from "../types.js";
import { loadStore, saveStore, type RedisValue } from "./redis-store.js";
import { REDIS_VERSION } from "./redis.js";
import { getenv, hasProcess, Output } from "./util.js";
import { KERNEL } from "../../kernel.js";

type Reply =
  | { t: "status"; v: string }
  | { t: "bulk"; v: string | null }
  | { t: "int"; v: number }
  | { t: "err"; v: string }
  | { t: "array"; v: Reply[] };

const ok: Reply = { t: "status", v: "OK" };
const err = (v: string): Reply => ({ t: "err", v });
const bulk = (v: string | null): Reply => ({ t: "bulk", v });
const int = (v: number): Reply => ({ t: "int", v });
const arr = (v: (string | null)[]): Reply => ({ t: "array", v: v.map(bulk) });
const WRONGTYPE = err("WRONGTYPE Operation against a key holding the wrong kind of value");
const NOT_INT = err("ERR value is not an integer or out of range");

// Minimum argument counts (including the command name); negative means "at least".
const ARITY: Record<string, number> = {
  ping: -1, echo: 2, set: -3, get: 2, del: -2, exists: -2, incr: 2, decr: 2, incrby: 3, decrby: 3,
  append: 3, strlen: 2, keys: 2, dbsize: 1, flushall: -1, flushdb: -1, type: 2, expire: -3, ttl: 2,
  mset: -3, mget: -2, lpush: -3, rpush: -3, lrange: 4, llen: 2, lpop: -2, rpop: -2, hset: -4, hget: 3,
  hgetall: 2, sadd: -3, smembers: 2, save: 1, bgsave: -1, select: 2, info: -1, quit: -1, persist: 2,
};

function globToRegExp(glob: string): RegExp {
  const re = glob.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${re}$`);
}

/** Runs one command; `data` is changed in place. */
export function execute(data: Record<string, RedisValue>, argv: string[], version = REDIS_VERSION): Reply {
  const name = (argv[0] ?? "").toLowerCase();
  const args = argv.slice(1);
  const arity = ARITY[name];
  if (arity === undefined) {
    return err(`ERR unknown command '${argv[0] ?? ""}', with args beginning with: ${args.map((a) => `'${a}' `).join("")}`);
  }
  if (arity >= 0 ? argv.length !== arity : argv.length < -arity) return err(`ERR wrong number of arguments for '${name}' command`);
  const str = (k: string): string | null | Reply => {
    const v = data[k];
    if (!v) return null;
    return v.type === "string" ? v.value : WRONGTYPE;
  };
  const list = (k: string): string[] | Reply => {
    const v = data[k];
    if (!v) return [];
    return v.type === "list" ? v.value : WRONGTYPE;
  };
  const incr = (k: string, by: number): Reply => {
    const cur = str(k);
    if (cur !== null && typeof cur !== "string") return cur;
    const n = cur === null ? 0 : Number(cur);
    if (!Number.isInteger(n) || (cur !== null && !/^-?\d+$/.test(cur))) return NOT_INT;
    data[k] = { type: "string", value: String(n + by) };
    return int(n + by);
  };
  const [a0 = "", a1 = ""] = args;
  switch (name) {
    case "ping":
      return args.length ? bulk(a0) : { t: "status", v: "PONG" };
    case "echo":
      return bulk(a0);
    case "set": {
      const opts = args.slice(2).map((o) => o.toUpperCase());
      const exists = a0 in data;
      if ((opts.includes("NX") && exists) || (opts.includes("XX") && !exists)) return bulk(null);
      data[a0] = { type: "string", value: a1 };
      return ok;
    }
    case "get": {
      const v = str(a0);
      return typeof v === "object" && v !== null ? v : bulk(v);
    }
    case "del":
    case "exists": {
      let n = 0;
      for (const k of args) {
        if (k in data) {
          n++;
          if (name === "del") delete data[k];
        }
      }
      return int(n);
    }
    case "incr":
      return incr(a0, 1);
    case "decr":
      return incr(a0, -1);
    case "incrby":
    case "decrby": {
      if (!/^-?\d+$/.test(a1)) return NOT_INT;
      return incr(a0, name === "incrby" ? Number(a1) : -Number(a1));
    }
    case "append":
    case "strlen": {
      const v = str(a0);
      if (typeof v === "object" && v !== null) return v;
      const next = name === "append" ? (v ?? "") + a1 : v ?? "";
      if (name === "append") data[a0] = { type: "string", value: next };
      return int(next.length);
    }
    case "keys": {
      const re = globToRegExp(a0);
      return arr(Object.keys(data).filter((k) => re.test(k)).sort());
    }
    case "dbsize":
      return int(Object.keys(data).length);
    case "flushall":
    case "flushdb":
      for (const k of Object.keys(data)) delete data[k];
      return ok;
    case "type":
      return { t: "status", v: data[a0]?.type ?? "none" };
    case "expire":
    case "persist":
      return int(a0 in data ? 1 : 0);
    case "ttl":
      return int(a0 in data ? -1 : -2);
    case "mset":
      if (args.length % 2) return err("ERR wrong number of arguments for 'mset' command");
      for (let i = 0; i < args.length; i += 2) data[args[i]!] = { type: "string", value: args[i + 1]! };
      return ok;
    case "mget":
      return arr(args.map((k) => (data[k]?.type === "string" ? (data[k].value as string) : null)));
    case "lpush":
    case "rpush": {
      const l = list(a0);
      if (!Array.isArray(l)) return l;
      const items = args.slice(1);
      const next = name === "lpush" ? [...items.reverse(), ...l] : [...l, ...items];
      data[a0] = { type: "list", value: next };
      return int(next.length);
    }
    case "lrange": {
      const l = list(a0);
      if (!Array.isArray(l)) return l;
      const [s, e] = [Number(args[1]), Number(args[2])];
      if (!Number.isInteger(s) || !Number.isInteger(e)) return NOT_INT;
      const from = s < 0 ? Math.max(l.length + s, 0) : s;
      const to = e < 0 ? l.length + e : Math.min(e, l.length - 1);
      return arr(from > to ? [] : l.slice(from, to + 1));
    }
    case "llen": {
      const l = list(a0);
      return Array.isArray(l) ? int(l.length) : l;
    }
    case "lpop":
    case "rpop": {
      const l = list(a0);
      if (!Array.isArray(l)) return l;
      if (l.length === 0) return bulk(null);
      const v = name === "lpop" ? l.shift()! : l.pop()!;
      if (l.length === 0) delete data[a0];
      return bulk(v);
    }
    case "hset": {
      const cur = data[a0];
      if (cur && cur.type !== "hash") return WRONGTYPE;
      if ((args.length - 1) % 2) return err("ERR wrong number of arguments for 'hset' command");
      const h = cur?.value ?? {};
      let added = 0;
      for (let i = 1; i < args.length; i += 2) {
        if (!(args[i]! in h)) added++;
        h[args[i]!] = args[i + 1]!;
      }
      data[a0] = { type: "hash", value: h };
      return int(added);
    }
    case "hget":
    case "hgetall": {
      const cur = data[a0];
      if (cur && cur.type !== "hash") return WRONGTYPE;
      const h = cur?.value ?? {};
      return name === "hget" ? bulk(h[a1] ?? null) : arr(Object.entries(h).flat());
    }
    case "sadd": {
      const cur = data[a0];
      if (cur && cur.type !== "set") return WRONGTYPE;
      const s = cur?.value ?? [];
      let added = 0;
      for (const m of args.slice(1)) if (!s.includes(m)) (s.push(m), added++);
      data[a0] = { type: "set", value: s };
      return int(added);
    }
    case "smembers": {
      const cur = data[a0];
      if (cur && cur.type !== "set") return WRONGTYPE;
      return arr(cur?.value ?? []);
    }
    case "save":
    case "select":
    case "quit":
      return ok;
    case "bgsave":
      return { t: "status", v: "Background saving started" };
    case "info":
      return bulk(`# Server\r\nredis_version:${version}\r\nredis_mode:standalone\r\nos:${KERNEL.sysname} ${KERNEL.release} x86_64\r\ntcp_port:6379\r\n\r\n# Keyspace\r\n` +
        (Object.keys(data).length ? `db0:keys=${Object.keys(data).length},expires=0,avg_ttl=0\r\n` : ""));
  }
  return err(`ERR unknown command '${argv[0]}'`);
}

/** Renders a reply the way redis-cli does: quoted and typed on a tty, raw otherwise. */
export function formatReply(r: Reply, raw: boolean, indent = ""): string {
  switch (r.t) {
    case "status":
      return r.v;
    case "err":
      return raw ? r.v : `(error) ${r.v}`;
    case "int":
      return raw ? String(r.v) : `(integer) ${r.v}`;
    case "bulk":
      if (r.v === null) return raw ? "" : "(nil)";
      return raw ? r.v : JSON.stringify(r.v);
    case "array":
      if (raw) return r.v.map((x) => formatReply(x, true)).join("\n");
      if (r.v.length === 0) return "(empty array)";
      return r.v.map((x, i) => `${i === 0 ? "" : indent}${i + 1}) ${formatReply(x, false, indent + "   ")}`).join("\n");
  }
}

/** Splits an interactive line like redis-cli: spaces separate, quotes group. */
function splitLine(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : (m[2] ?? m[3]!));
  return out;
}

const CONNECT_ERRORS: Record<string, string> = {
  refused: "Connection refused",
  timeout: "Connection timed out",
  unreachable: "No route to host",
  netunreach: "Network is unreachable",
};

/** One RESP reply (what a redis server writes back). */
function parseResp(text: string): Reply {
  let pos = 0;
  const line = () => {
    const end = text.indexOf("\r\n", pos);
    const l = text.slice(pos, end < 0 ? undefined : end);
    pos = end < 0 ? text.length : end + 2;
    return l;
  };
  const one = (): Reply => {
    const l = line();
    const body = l.slice(1);
    switch (l[0]) {
      case "+":
        return { t: "status", v: body };
      case "-":
        return err(body);
      case ":":
        return int(Number(body));
      case "$": {
        if (Number(body) < 0) return bulk(null);
        return bulk(line());
      }
      case "*": {
        const n = Number(body);
        const items: Reply[] = [];
        for (let i = 0; i < n; i++) items.push(one());
        return { t: "array", v: items };
      }
      default:
        return err("ERR Protocol error");
    }
  };
  return one();
}

export const redisCli: Program = {
  run(ctx: ProcessContext): ProcessResult {
    const version = getenv(ctx, "REDIS_VERSION") ?? REDIS_VERSION;
    const out = new Output();
    let host = "127.0.0.1";
    let port = 6379;
    let raw: boolean | undefined;
    const args = ctx.argv.slice(1);
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === "-h") host = args[++i] ?? host;
      else if (a === "-p") port = Number(args[++i]) || port;
      else if (a === "-a" || a === "-n" || a === "--user" || a === "--pass") i++;
      else if (a === "--raw") raw = true;
      else if (a === "--no-raw") raw = false;
      else if (a === "-v" || a === "--version") {
        out.out(0, `redis-cli ${version}`);
        return { output: out.chunks, exit: { code: 0, at: 1 } };
      } else if (a === "--no-auth-warning") continue;
      else break;
    }
    const command = args.slice(i);
    const local = host === "127.0.0.1" || host === "localhost" || host === ctx.hostname;
    const refuse = (why: string): ProcessResult => {
      out.write(0, "stdout", `Could not connect to Redis at ${host}:${port}: ${why}\n`);
      return { output: out.chunks, exit: { code: 1, at: 1 } };
    };
    let remote: ((argv: string[]) => Reply) | undefined;
    if (local) {
      if (!hasProcess(ctx, "redis-server") || port !== 6379) return refuse("Connection refused");
    } else {
      const ip = ctx.network?.resolve(host);
      if (ip === undefined) return refuse("Name or service not known");
      // Another container's server, over the simulated network.
      const net = ctx.network!;
      const probe = net.exchange ? net.connect?.(ip, port) : undefined;
      if (probe && !probe.ok) return refuse(CONNECT_ERRORS[probe.error]!);
      // A network that cannot carry the conversation leaves the server looking empty.
      if (probe) {
        remote = (argv) => {
          const r = net.exchange!(ip, port, `*${argv.length}\r\n${argv.map((a) => `$${new TextEncoder().encode(a).length}\r\n${a}\r\n`).join("")}`, ctx.startTime);
          return r.ok ? parseResp(r.reply) : err("ERR connection lost");
        };
      }
    }
    const data = local ? loadStore(ctx.fs).data : {};
    const persist = () => {
      if (local) saveStore(ctx.fs, data);
    };
    const run = (argv: string[]) => (remote ? remote(argv) : execute(data, argv, version));
    if (command.length > 0) {
      const reply = run(command);
      persist();
      out.out(0, formatReply(reply, raw ?? !ctx.tty));
      return { output: out.chunks, exit: { code: reply.t === "err" ? 1 : 0, at: 1 } };
    }
    const prompt = `${host}:${port}> `;
    const input = ctx.stdin;
    if (input === undefined && ctx.tty) {
      out.write(0, "stdout", prompt);
      return { output: out.chunks, exit: null, onTerm: { kind: "exit", code: 0 }, processes: [{ pid: ctx.pid, ppid: 0, user: "root", command: ctx.argv.join(" "), startedAt: 0 }] };
    }
    let at = 0;
    for (const line of (input ?? "").split("\n")) {
      const words = splitLine(line);
      if (ctx.tty) out.write(at, "stdout", prompt + line + "\n");
      if (words.length === 0) continue;
      if (words[0]!.toLowerCase() === "quit" || words[0]!.toLowerCase() === "exit") break;
      out.out(at, formatReply(run(words), raw ?? !ctx.tty));
      at++;
    }
    persist();
    return { output: out.chunks, exit: { code: 0, at: at + 1 } };
  },
};
