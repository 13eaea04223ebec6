// redis-server and the redis image's docker-entrypoint.sh (docker-library/redis).
import type { Program, ProcessContext, ProcessResult } from "../types.js";
import { dashNotFound, execInto } from "./exec.js";
import { loadStore, STORE_PATH } from "./redis-store.js";
import { redisTime } from "./timefmt.js";
import { getenv, Output, termAnchor } from "./util.js";

export const REDIS_VERSION = "7.4.2";

function isRoot(user: string): boolean {
  return user === "" || user === "root" || user === "0" || user.startsWith("0:") || user.startsWith("root:");
}

export const redisEntrypoint: Program = {
  run(ctx) {
    let args = ctx.argv.slice(1);
    const first = args[0] ?? "";
    if (first.startsWith("-") || first.endsWith(".conf")) args = ["redis-server", ...args];
    // As root the script re-runs itself through gosu as the redis user.
    const user = args[0] === "redis-server" && isRoot(ctx.user) ? "redis" : ctx.user;
    return execInto(ctx, args, new Output(), 0, {
      user,
      notFound: dashNotFound(ctx.argv[0] ?? "/usr/local/bin/docker-entrypoint.sh", 24),
    });
  },
};

interface ServerOptions {
  port: number;
  config?: string;
  appendonly: boolean;
  bind: string;
}

function parseArgs(args: string[]): ServerOptions {
  const opts: ServerOptions = { port: 6379, appendonly: false, bind: "*" };
  let i = 0;
  if (args[0] && !args[0].startsWith("-")) opts.config = args[i++];
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("--")) continue;
    const name = a.slice(2);
    const value = args[i + 1] !== undefined && !args[i + 1]!.startsWith("--") ? args[++i]! : "";
    if (name === "port") opts.port = Number(value) || opts.port;
    else if (name === "appendonly") opts.appendonly = value === "yes";
    else if (name === "bind") opts.bind = value.split(" ")[0] || "*";
  }
  return opts;
}

function userName(user: string): string {
  return isRoot(user) ? "root" : user.split(":")[0]!;
}

export const redisServer: Program = {
  run(ctx: ProcessContext): ProcessResult {
    const version = getenv(ctx, "REDIS_VERSION") ?? REDIS_VERSION;
    const args = ctx.argv.slice(1);
    const out = new Output();
    if (args[0] === "-v" || args[0] === "--version") {
      out.out(0, `Redis server v=${version} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=6d8ae3ee4a0a2bc6`);
      return { output: out.chunks, exit: { code: 0, at: 1 } };
    }
    const pid = ctx.pid;
    const log = (at: number, role: string, mark: string, msg: string) => out.out(at, `${pid}:${role} ${redisTime(ctx.startTime + at)} ${mark} ${msg}`);
    const parsed = parseArgs(args);
    log(0, "C", "#", "WARNING Memory overcommit is disabled: background saves or replication may fail when memory runs low. To fix it, add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and reboot, or run 'sysctl vm.overcommit_memory=1'.");
    log(0, "C", "*", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
    log(0, "C", "*", `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=${pid}, just started`);
    if (parsed.config !== undefined) {
      let ok = false;
      try {
        ok = ctx.fs.stat(ctx.fs.resolve(parsed.config, ctx.workdir))?.type === "file";
      } catch {
        ok = false;
      }
      if (!ok) {
        log(0, "C", "#", `Fatal error, can't open config file '${parsed.config}': No such file or directory`);
        return { output: out.chunks, exit: { code: 1, at: 1 } };
      }
      log(0, "C", "#", "Configuration loaded");
    } else {
      log(0, "C", "#", "Warning: no config file specified, using the default config. To use a config file, start redis-server /path/to/redis.conf");
    }
    log(1, "M", "*", "monotonic clock: POSIX clock_gettime");
    log(1, "M", "*", `Running mode=standalone, port=${parsed.port}.`);
    log(2, "M", "*", "Server initialized");
    const store = loadStore(ctx.fs);
    if (store.existed) {
      const keys = Object.keys(store.data).length;
      log(2, "M", "*", `Loading RDB produced by version ${version}`);
      log(2, "M", "*", `Done loading RDB, keys loaded: ${keys}, keys expired: 0.`);
      log(2, "M", "*", "DB loaded from disk: 0.000 seconds");
    }
    if (parsed.appendonly) {
      log(2, "M", "*", "Creating AOF base file appendonly.aof.1.base.rdb on server start");
      log(2, "M", "*", "Creating AOF incr file appendonly.aof.1.incr.aof on server start");
    }
    log(3, "M", "*", "Ready to accept connections tcp");
    const stopAt = termAnchor(ctx);
    const ts = (m: string, msg: string) => `${pid}:M ${redisTime(stopAt)} ${m} ${msg}\n`;
    const shutdown =
      `${pid}:signal-handler (${Math.floor(stopAt / 1000)}) Received SIGTERM scheduling shutdown...\n` +
      ts("*", "User requested shutdown...") +
      ts("*", "Saving the final RDB snapshot before exiting.") +
      ts("*", "DB saved on disk") +
      ts("#", "Redis is now ready to exit, bye bye...");
    return {
      output: out.chunks,
      exit: null,
      onTerm: { kind: "exit", code: 0, log: [{ at: 0, stream: "stdout", text: shutdown }] },
      processes: [{ pid, ppid: 0, user: userName(ctx.user), command: `redis-server ${parsed.bind}:${parsed.port}`, startedAt: 0 }],
    };
  },
};

export { STORE_PATH };
