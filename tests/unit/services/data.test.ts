import { describe, expect, it } from "vitest";
import { servicePrograms } from "../../../src/engine/runtime/services/index.js";
import { makeCtx, MemFs, network, stderr, stdout } from "./helpers.js";
import type { ProcessInfo } from "../../../src/engine/runtime/types.js";

const run = (name: string, ...args: Parameters<typeof makeCtx>) => servicePrograms[name]!.run(makeCtx(...args));
const proc = (command: string): ProcessInfo => ({ pid: 1, ppid: 0, user: "redis", command, startedAt: 0 });

describe("redis", () => {
  it("the entrypoint runs redis-server as the redis user, which logs its start and runs on", () => {
    const r = run("redis-entrypoint", ["docker-entrypoint.sh", "redis-server"]);
    const lines = stdout(r).split("\n");
    expect(lines[1]).toBe("1:C 01 Jun 2025 10:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
    expect(lines).toContain("1:M 01 Jun 2025 10:00:00.001 * Running mode=standalone, port=6379.");
    expect(lines).toContain("1:M 01 Jun 2025 10:00:00.003 * Ready to accept connections tcp");
    expect(r.exit).toBeNull();
    expect(r.processes).toEqual([{ pid: 1, ppid: 0, user: "redis", command: "redis-server *:6379", startedAt: 0 }]);
    expect(r.onTerm).toMatchObject({ kind: "exit", code: 0 });
    if (r.onTerm?.kind === "exit") {
      const log = r.onTerm.log!.map((c) => c.text).join("");
      expect(log.startsWith("1:signal-handler (1748772000) Received SIGTERM scheduling shutdown...\n")).toBe(true);
      expect(log).toContain("* DB saved on disk\n");
      expect(log.endsWith("# Redis is now ready to exit, bye bye...\n")).toBe(true);
    }
  });
  it("an option as first argument gets redis-server in front; --port is honoured", () => {
    const r = run("redis-entrypoint", ["docker-entrypoint.sh", "--port", "7000"]);
    expect(stdout(r)).toContain("Running mode=standalone, port=7000.");
    expect(r.processes?.[0]?.command).toBe("redis-server *:7000");
  });
  it("a missing config file is fatal", () => {
    const r = run("redis-server", ["redis-server", "/usr/local/etc/redis/redis.conf"]);
    expect(stdout(r)).toContain("# Fatal error, can't open config file '/usr/local/etc/redis/redis.conf': No such file or directory\n");
    expect(r.exit?.code).toBe(1);
  });
  it("redis-cli answers ping and keeps values across execs", () => {
    const fs = new MemFs();
    const ctx = { fs, processes: [proc("redis-server *:6379")] };
    expect(stdout(run("redis-cli", ["redis-cli", "ping"], ctx))).toBe("PONG\n");
    const set = run("redis-cli", ["redis-cli", "set", "greeting", "hello world"], ctx);
    expect(stdout(set)).toBe("OK\n");
    expect(set.exit?.code).toBe(0);
    expect(stdout(run("redis-cli", ["redis-cli", "get", "greeting"], ctx))).toBe("hello world\n");
    expect(stdout(run("redis-cli", ["redis-cli", "get", "greeting"], { ...ctx, tty: true }))).toBe('"hello world"\n');
    expect(stdout(run("redis-cli", ["redis-cli", "get", "nothing"], { ...ctx, tty: true }))).toBe("(nil)\n");
    expect(stdout(run("redis-cli", ["redis-cli", "incr", "n"], { ...ctx, tty: true }))).toBe("(integer) 1\n");
    expect(fs.readFile("/data/dump.rdb").startsWith("REDIS")).toBe(true);
    // a restarted server finds the saved keys
    expect(stdout(run("redis-server", ["redis-server"], { fs }))).toContain("Done loading RDB, keys loaded: 2, keys expired: 0.");
  });
  it("redis-cli reports errors the way redis does", () => {
    const ctx = { processes: [proc("redis-server *:6379")], tty: true };
    const unknown = run("redis-cli", ["redis-cli", "frob", "a"], ctx);
    expect(stdout(unknown)).toBe("(error) ERR unknown command 'frob', with args beginning with: 'a' \n");
    expect(stdout(run("redis-cli", ["redis-cli", "get"], ctx))).toBe("(error) ERR wrong number of arguments for 'get' command\n");
    run("redis-cli", ["redis-cli", "rpush", "l", "a", "b"], ctx);
    expect(stdout(run("redis-cli", ["redis-cli", "lrange", "l", "0", "-1"], ctx))).toBe("(empty array)\n");
  });
  it("redis-cli cannot connect without a server, or to an unknown host", () => {
    const refused = run("redis-cli", ["redis-cli", "ping"]);
    expect(stdout(refused)).toBe("Could not connect to Redis at 127.0.0.1:6379: Connection refused\n");
    expect(refused.exit?.code).toBe(1);
    const unknown = run("redis-cli", ["redis-cli", "-h", "cache", "ping"]);
    expect(stdout(unknown)).toBe("Could not connect to Redis at cache:6379: Name or service not known\n");
    expect(unknown.exit?.code).toBe(1);
    const reached = run("redis-cli", ["redis-cli", "-h", "cache", "ping"], { network: network({ cache: "172.18.0.2" }) });
    expect(stdout(reached)).toBe("PONG\n");
  });
  it("redis-cli reads commands from stdin", () => {
    const r = run("redis-cli", ["redis-cli"], { processes: [proc("redis-server *:6379")], stdin: "set a 1\nget a\n" });
    expect(stdout(r)).toBe("OK\n1\n");
  });
});

describe("mysql", () => {
  it("refuses to initialise without a password option", () => {
    const r = run("mysql-entrypoint", ["docker-entrypoint.sh", "mysqld"]);
    expect(stderr(r)).toBe(
      "2025-06-01 10:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n" +
      "    You need to specify one of the following:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n");
    expect(stdout(r)).toContain("[Note] [Entrypoint]: Entrypoint script for MySQL Server 9.3.0-1.el9 started.\n");
    expect(stdout(r)).toContain("Switching to dedicated user 'mysql'");
    expect(r.exit?.code).toBe(1);
  });
  it("initialises, then runs mysqld as mysql; a second start skips the init", () => {
    const fs = new MemFs();
    const env = ["MYSQL_ROOT_PASSWORD=secret", "MYSQL_DATABASE=shop", "MYSQL_VERSION=8.4.5-1.el9"];
    const r = run("mysql-entrypoint", ["docker-entrypoint.sh", "mysqld"], { fs, env });
    expect(stdout(r)).toContain("[Note] [Entrypoint]: Creating database shop\n");
    expect(stdout(r)).toContain("[Note] [Entrypoint]: MySQL init process done. Ready for start up.\n");
    const err = stderr(r);
    expect(err).toContain("port: 0  MySQL Community Server - GPL.");
    expect(err).toMatch(/2025-06-01T10:00:\d\d\.\d{6}Z 0 \[System\] \[MY-010931\] \[Server\] \/usr\/sbin\/mysqld: ready for connections\. Version: '8\.4\.5'  socket: '\/var\/run\/mysqld\/mysqld\.sock'  port: 3306/);
    expect(r.exit).toBeNull();
    expect(r.processes?.[0]).toMatchObject({ pid: 1, user: "mysql", command: "mysqld" });
    expect(r.onTerm).toMatchObject({ kind: "exit", code: 0 });
    expect(fs.stat("/var/lib/mysql/shop")?.type).toBe("dir");
    const again = run("mysql-entrypoint", ["docker-entrypoint.sh", "mysqld"], { fs, env });
    expect(stdout(again)).not.toContain("Initializing database files");
  });
  it("prints a generated root password", () => {
    const r = run("mysql-entrypoint", ["docker-entrypoint.sh", "mysqld"], { env: ["MYSQL_RANDOM_ROOT_PASSWORD=yes"] });
    expect(stdout(r)).toMatch(/\[Note\] \[Entrypoint\]: GENERATED ROOT PASSWORD: [A-Za-z0-9+/]{32}\n/);
  });
  it("the client checks the server, the password and answers SHOW DATABASES", () => {
    const fs = new MemFs();
    fs.mkdir("/var/lib/mysql/shop", { parents: true });
    const env = ["MYSQL_ROOT_PASSWORD=secret"];
    const noServer = run("mysql", ["mysql", "-uroot", "-psecret", "-e", "SHOW DATABASES"], { fs, env });
    expect(stderr(noServer)).toContain("ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)");
    expect(noServer.exit?.code).toBe(1);
    const processes = [{ pid: 1, ppid: 0, user: "mysql", command: "mysqld", startedAt: 0 }];
    const denied = run("mysql", ["mysql", "-uroot", "-pwrong", "-e", "SELECT 1"], { fs, env, processes });
    expect(stderr(denied)).toContain("ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)");
    const ok = run("mysql", ["mysql", "-uroot", "-psecret", "-e", "SHOW DATABASES"], { fs, env, processes });
    expect(stderr(ok)).toBe("mysql: [Warning] Using a password on the command line interface can be insecure.\n");
    expect(stdout(ok)).toBe("Database\ninformation_schema\nmysql\nperformance_schema\nshop\nsys\n");
    const table = run("mysql", ["mysql", "-uroot", "-psecret", "-e", "SELECT 1+1"], { fs, env, processes, tty: true });
    expect(stdout(table)).toBe("+-----+\n| 1+1 |\n+-----+\n|   2 |\n+-----+\n1 row in set (0.00 sec)\n\n");
  });
});

describe("postgres", () => {
  it("refuses to initialise without POSTGRES_PASSWORD", () => {
    const r = run("postgres-entrypoint", ["docker-entrypoint.sh", "postgres"]);
    expect(stderr(r).split("\n")[0]).toBe("Error: Database is uninitialized and superuser password is not specified.");
    expect(stderr(r)).toContain('"-e POSTGRES_PASSWORD=password"');
    expect(stderr(r)).toContain("POSTGRES_HOST_AUTH_METHOD=trust");
    expect(stdout(r)).toBe("");
    expect(r.exit?.code).toBe(1);
  });
  it("initialises with a password and runs postgres with its helpers", () => {
    const fs = new MemFs();
    const r = run("postgres-entrypoint", ["docker-entrypoint.sh", "postgres"], { fs, env: ["POSTGRES_PASSWORD=pw"] });
    expect(stdout(r)).toContain("\nPostgreSQL init process complete; ready for start up.\n\n");
    expect(stderr(r).trimEnd().split("\n").at(-1)).toMatch(/^2025-06-01 10:00:01\.\d{3} UTC \[1\] LOG:  database system is ready to accept connections$/);
    expect(r.exit).toBeNull();
    expect(r.processes?.map((p) => p.command)).toEqual(["postgres", "postgres: checkpointer ", "postgres: background writer ", "postgres: walwriter ", "postgres: autovacuum launcher ", "postgres: logical replication launcher "]);
    expect(r.processes?.every((p) => p.user === "postgres")).toBe(true);
    if (r.onTerm?.kind === "exit") expect(r.onTerm.log?.at(-1)?.text).toMatch(/^2025-06-01 10:00:00\.010 UTC \[1\] LOG:  database system is shut down\n$/);
    const again = run("postgres-entrypoint", ["docker-entrypoint.sh", "postgres"], { fs });
    expect(stdout(again)).toBe("\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n");
  });
  it("trust needs no password but warns", () => {
    const r = run("postgres-entrypoint", ["docker-entrypoint.sh", "postgres"], { env: ["POSTGRES_HOST_AUTH_METHOD=trust"] });
    expect(r.exit).toBeNull();
    expect(stderr(r)).toContain('WARNING: POSTGRES_HOST_AUTH_METHOD is set to "trust"');
  });
  it("psql connects as the superuser only, and answers queries", () => {
    const processes = [{ pid: 1, ppid: 0, user: "postgres", command: "postgres", startedAt: 0 }];
    const none = run("psql", ["psql", "-U", "postgres"]);
    expect(stderr(none)).toContain('psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory');
    expect(none.exit?.code).toBe(2);
    const asRoot = run("psql", ["psql", "-c", "SELECT 1"], { processes });
    expect(stderr(asRoot)).toBe('psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "root" does not exist\n');
    const one = run("psql", ["psql", "-U", "postgres", "-c", "SELECT 1"], { processes });
    expect(stdout(one)).toBe(" ?column? \n----------\n        1\n(1 row)\n\n");
    const create = run("psql", ["psql", "-U", "postgres", "-c", "CREATE DATABASE shop"], { processes });
    expect(stdout(create)).toBe("CREATE DATABASE\n");
  });
});

describe("registry", () => {
  it("serves the config given as the command and listens on 5000", () => {
    const r = run("registry-entrypoint", ["/entrypoint.sh", "/etc/docker/registry/config.yml"]);
    const err = stderr(r).split("\n").slice(0, -1);
    expect(err.at(-1)).toMatch(/^time="2025-06-01T10:00:00\.\d{9}Z" level=info msg="listening on \[::\]:5000" go\.version=go1\.20\.8 instance\.id=[0-9a-f-]{36} service=registry version=2\.8\.3 $/);
    expect(err[0]).toContain('level=warning msg="No HTTP secret provided');
    expect(r.exit).toBeNull();
    expect(r.processes?.[0]?.command).toBe("registry serve /etc/docker/registry/config.yml");
    expect(r.onTerm).toEqual({ kind: "exit", code: 2 });
  });
});
