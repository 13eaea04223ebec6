// The simulated service programs, by the name a placeholder executable's `program` field gives.
import type { ContainerFs } from "../../fs/types.js";
import type { Program } from "../types.js";
import { curl } from "./curl.js";
import { registerOwnPrograms } from "./exec.js";
import { dockerinactionHello, hello } from "./hello.js";
import { httpdHttp, pythonHttp, type HttpOptions, type HttpResponse } from "./http.js";
import { httpd, httpdForeground } from "./httpd.js";
import { mysqlClient } from "./mysql-client.js";
import { mysqld, mysqlEntrypoint } from "./mysql.js";
import { httpResponder, nginx, nginxEntrypoint } from "./nginx.js";
import { node, nodeEntrypoint, npm } from "./node.js";
import { postgres, postgresEntrypoint } from "./postgres.js";
import { psql } from "./psql.js";
import { python } from "./python.js";
import { redisCli } from "./redis-cli.js";
import { redisEntrypoint, redisServer } from "./redis.js";
import { registry, registryEntrypoint, registryHttp } from "./registry.js";
import { apache2, apache2Foreground, php, wordpressEntrypoint } from "./wordpress.js";
import { stress } from "./stress.js";
import { lampRun, supervisord } from "./supervisord.js";

export const servicePrograms: Record<string, Program> = {
  hello,
  "dockerinaction-hello": dockerinactionHello,
  "nginx-entrypoint": nginxEntrypoint,
  nginx,
  "nginx-debug": nginx,
  "httpd-foreground": httpdForeground,
  httpd,
  "redis-entrypoint": redisEntrypoint,
  "redis-server": redisServer,
  "redis-cli": redisCli,
  "mysql-entrypoint": mysqlEntrypoint,
  mysqld,
  mysql: mysqlClient,
  "postgres-entrypoint": postgresEntrypoint,
  postgres,
  psql,
  "registry-entrypoint": registryEntrypoint,
  registry,
  "node-entrypoint": nodeEntrypoint,
  node,
  npm,
  python,
  python3: python,
  "wordpress-entrypoint": wordpressEntrypoint,
  "apache2-foreground": apache2Foreground,
  apache2,
  php,
  curl,
  stress,
  supervisord,
  "lamp-run": lampRun,
};

registerOwnPrograms(servicePrograms);

/** Ports the services listen on inside their container (for the simulated network). */
export const servicePorts: Record<string, number[]> = {
  nginx: [80],
  "nginx-debug": [80],
  httpd: [80],
  apache2: [80],
  "apache2-foreground": [80],
  "redis-server": [6379],
  mysqld: [3306, 33060],
  postgres: [5432],
  registry: [5000],
};

export type HttpResponderFn = (fs: ContainerFs, path: string, opts?: HttpOptions) => HttpResponse;

/** How the static-file servers answer HTTP, by program name (python's http.server by `python`). */
export const httpResponders: Record<string, HttpResponderFn> = {
  registry: registryHttp,
  nginx: httpResponder,
  "nginx-debug": httpResponder,
  httpd: httpdHttp,
  python: pythonHttp,
  python3: pythonHttp,
  apache2: (fs, path, opts = {}) => httpdHttp(fs, path, { root: "/var/www/html", version: "2.4.62 (Debian)", ...opts }),
};

export { setProgramLookup, lookupProgram, resolveCommand, execInto, type ProgramLookup } from "./exec.js";
export { shiftLogTimestamps } from "./timefmt.js";
export { respawnSupervised } from "./supervisord.js";
export { httpResponder } from "./nginx.js";
export type { HttpOptions, HttpResponse } from "./http.js";
// For the simulated network's server side (network/talk.ts).
export { STATUS_TEXT } from "./http.js";
export { execute as redisExecute } from "./redis-cli.js";
export { loadStore as loadRedisStore, saveStore as saveRedisStore } from "./redis-store.js";
