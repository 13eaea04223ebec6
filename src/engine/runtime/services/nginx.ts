// nginx and the nginx image's /docker-entrypoint.sh (docker-library/docker-nginx).
import type { ContainerFs } from "../../fs/types.js";
import type { OutputChunk, Program, ProcessContext, ProcessInfo, ProcessResult } from "../types.js";
import { dashNotFound, execInto } from "./exec.js";
import { nginxHttp, NGINX_VERSION, type HttpOptions, type HttpResponse } from "./http.js";
import { nginxTime } from "./timefmt.js";
import { basename, getenv, hasProcess, Output, termAnchor } from "./util.js";
import { KERNEL } from "../../kernel.js";

const ENTRYPOINT_D = "/docker-entrypoint.d";
const DEFAULT_SCRIPTS = [
  "10-listen-on-ipv6-by-default.sh",
  "15-local-resolvers.envsh",
  "20-envsubst-on-templates.sh",
  "30-tune-worker-processes.sh",
];
const DEFAULT_CONF = "/etc/nginx/conf.d/default.conf";
const WORKERS = 2;

function exists(fs: ContainerFs, path: string): boolean {
  try {
    return fs.stat(path) !== undefined;
  } catch {
    return false;
  }
}

function read(fs: ContainerFs, path: string): string | undefined {
  try {
    return fs.stat(path)?.type === "file" ? fs.readFile(path) : undefined;
  } catch {
    return undefined;
  }
}

/** What 10-listen-on-ipv6-by-default.sh prints (and the edit it makes to default.conf). */
function ipv6Script(fs: ContainerFs): string[] {
  const me = "10-listen-on-ipv6-by-default.sh";
  if (!exists(fs, "/etc/nginx")) {
    return [`${me}: info: Getting the checksum of ${DEFAULT_CONF}`, `${me}: info: Enabled listen on IPv6 in ${DEFAULT_CONF}`];
  }
  const conf = read(fs, DEFAULT_CONF);
  if (conf === undefined) return [`${me}: info: ${DEFAULT_CONF} is not a file or does not exist`];
  if (conf.includes("listen  [::]:80;")) return [`${me}: info: IPv6 listen already enabled`];
  const out = [`${me}: info: Getting the checksum of ${DEFAULT_CONF}`];
  // The real script compares against the packaged checksum; an edited file keeps its listen lines.
  if (!conf.includes("listen       80;") || !conf.includes("server_name  localhost;")) {
    return [...out, `${me}: info: ${DEFAULT_CONF} differs from the packaged version`];
  }
  try {
    fs.writeFile(DEFAULT_CONF, conf.replace("listen       80;", "listen       80;\n    listen  [::]:80;"));
  } catch {
    return [`${me}: info: can not modify ${DEFAULT_CONF} (read-only file system?)`];
  }
  return [...out, `${me}: info: Enabled listen on IPv6 in ${DEFAULT_CONF}`];
}

function entrypointLines(ctx: ProcessContext, script: string): string[] {
  const fs = ctx.fs;
  let scripts: { name: string; exec: boolean }[];
  if (!exists(fs, ENTRYPOINT_D)) {
    scripts = DEFAULT_SCRIPTS.map((name) => ({ name, exec: true }));
  } else {
    scripts = [];
    try {
      for (const name of fs.readdir(ENTRYPOINT_D)) {
        const e = fs.stat(`${ENTRYPOINT_D}/${name}`);
        if (e?.type === "file") scripts.push({ name, exec: (e.mode & 0o111) !== 0 });
      }
    } catch {
      scripts = [];
    }
  }
  if (scripts.length === 0) return [`${script}: No files found in ${ENTRYPOINT_D}/, skipping configuration`];
  const out = [
    `${script}: ${ENTRYPOINT_D}/ is not empty, will attempt to perform configuration`,
    `${script}: Looking for shell scripts in ${ENTRYPOINT_D}/`,
  ];
  for (const { name, exec } of scripts) {
    const path = `${ENTRYPOINT_D}/${name}`;
    if (name.endsWith(".envsh") || name.endsWith(".sh")) {
      if (!exec) {
        out.push(`${script}: Ignoring ${path}, not executable`);
        continue;
      }
      out.push(`${script}: ${name.endsWith(".envsh") ? "Sourcing" : "Launching"} ${path}`);
      if (name === "10-listen-on-ipv6-by-default.sh") out.push(...ipv6Script(fs));
    } else {
      out.push(`${script}: Ignoring ${path}`);
    }
  }
  out.push(`${script}: Configuration complete; ready for start up`);
  return out;
}

export const nginxEntrypoint: Program = {
  run(ctx) {
    const script = ctx.argv[0] ?? "/docker-entrypoint.sh";
    const args = ctx.argv.slice(1);
    const out = new Output();
    if (args[0] === "nginx" || args[0] === "nginx-debug") {
      if (!getenv(ctx, "NGINX_ENTRYPOINT_QUIET_LOGS")) out.out(0, ...entrypointLines(ctx, script));
    }
    return execInto(ctx, args, out, out.chunks.length > 0 ? 3 : 0, { notFound: dashNotFound(script, 47) });
  },
};

function versionOf(ctx: ProcessContext): string {
  return getenv(ctx, "NGINX_VERSION") ?? NGINX_VERSION;
}

function builtBy(fs: ContainerFs): string {
  return exists(fs, "/etc/alpine-release") ? "built by gcc 14.2.0 (Alpine 14.2.0) " : "built by gcc 12.2.0 (Debian 12.2.0-14) ";
}

/** A light syntax check: braces must balance in nginx.conf and conf.d/*.conf. */
function configError(fs: ContainerFs, confPath: string): string | undefined {
  const files = [confPath];
  try {
    if (fs.stat("/etc/nginx/conf.d")?.type === "dir") {
      for (const n of fs.readdir("/etc/nginx/conf.d")) if (n.endsWith(".conf")) files.push(`/etc/nginx/conf.d/${n}`);
    }
  } catch {
    // no conf.d
  }
  for (const file of files) {
    const text = read(fs, file);
    if (text === undefined) {
      if (file === confPath && exists(fs, "/etc/nginx")) return `open() "${file}" failed (2: No such file or directory)`;
      continue;
    }
    let depth = 0;
    const rows = text.split("\n");
    for (let i = 0; i < rows.length; i++) {
      const code = rows[i]!.replace(/#.*$/, "").replace(/"[^"]*"|'[^']*'/g, "");
      for (const ch of code) {
        if (ch === "{") depth++;
        else if (ch === "}" && --depth < 0) return `unexpected "}" in ${file}:${i + 1}`;
      }
    }
    if (depth > 0) return `unexpected end of file, expecting "}" in ${file}:${rows.length}`;
  }
  return undefined;
}

function shutdownLog(start: number, master: number, workers: number[]): OutputChunk[] {
  const ts = nginxTime(start);
  const n = (pid: number, msg: string) => `${ts} [notice] ${pid}#${pid}: ${msg}\n`;
  let text = n(master, "signal 3 (SIGQUIT) received, shutting down");
  for (const w of workers) text += n(w, "gracefully shutting down") + n(w, "exiting") + n(w, "exit");
  for (const w of [...workers].reverse()) {
    text += n(master, `signal 17 (SIGCHLD) received from ${w}`) + n(master, `worker process ${w} exited with code 0`);
  }
  text += n(master, "exit");
  return [{ at: 0, stream: "stderr", text }];
}

export const nginx: Program = {
  run(ctx): ProcessResult {
    const name = basename(ctx.argv[0] ?? "nginx");
    const args = ctx.argv.slice(1);
    const version = versionOf(ctx);
    const pid = ctx.pid;
    const ts = (at: number) => nginxTime(ctx.startTime + at);
    const out = new Output();
    let conf = "/etc/nginx/nginx.conf";
    let globals = "";
    let test = false;
    let signal: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === "-v" || a === "-V") {
        out.err(0, `nginx version: nginx/${version}`);
        if (a === "-V") {
          out.err(0, builtBy(ctx.fs).trimEnd(), "built with OpenSSL 3.0.15 3 Sep 2024", "TLS SNI support enabled",
            "configure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --conf-path=/etc/nginx/nginx.conf --with-http_ssl_module --with-http_v2_module");
        }
        return { output: out.chunks, exit: { code: 0, at: 1 } };
      }
      if (a === "-t" || a === "-T") test = true;
      else if (a === "-g") globals += " " + (args[++i] ?? "");
      else if (a === "-c") conf = args[++i] ?? conf;
      else if (a === "-s") signal = args[++i];
      else if (a === "-q" || a === "-e" || a === "-p") {
        if (a !== "-q") i++;
      } else {
        out.err(0, `nginx: invalid option: "${a.replace(/^-/, "")}"`);
        return { output: out.chunks, exit: { code: 1, at: 1 } };
      }
    }
    if (signal !== undefined) {
      if (!hasProcess(ctx, "nginx: master")) {
        out.err(0, `${ts(0)} [error] ${pid}#${pid}: open() "/run/nginx.pid" failed (2: No such file or directory)`);
        return { output: out.chunks, exit: { code: 1, at: 1 } };
      }
      out.err(0, `${ts(0)} [notice] ${pid}#${pid}: signal process started`);
      return { output: out.chunks, exit: { code: 0, at: 2 } };
    }
    const error = configError(ctx.fs, conf);
    if (test) {
      if (error) {
        out.err(0, `nginx: [emerg] ${error}`, `nginx: configuration file ${conf} test failed`);
        return { output: out.chunks, exit: { code: 1, at: 2 } };
      }
      out.err(0, `nginx: the configuration file ${conf} syntax is ok`, `nginx: configuration file ${conf} test is successful`);
      if (args.includes("-T")) out.out(0, `# configuration file ${conf}:`, read(ctx.fs, conf) ?? "");
      return { output: out.chunks, exit: { code: 0, at: 2 } };
    }
    if (error) {
      out.err(0, `${ts(0)} [emerg] ${pid}#${pid}: ${error}`);
      return { output: out.chunks, exit: { code: 1, at: 2 } };
    }
    const daemonOff = /daemon\s+off\s*;/.test(globals) || /^\s*daemon\s+off\s*;/m.test(read(ctx.fs, conf) ?? "");
    if (hasProcess(ctx, "nginx: master")) {
      // A second nginx in the same container cannot bind the port the first one holds.
      for (let i = 0; i < 5; i++) out.err(i * 500, `${ts(i * 500)} [emerg] ${pid}#${pid}: bind() to 0.0.0.0:80 failed (98: Address already in use)`);
      out.err(2500, `${ts(2500)} [emerg] ${pid}#${pid}: still could not bind()`);
      return { output: out.chunks, exit: { code: 1, at: 2500 } };
    }
    if (!daemonOff) return { output: [], exit: { code: 0, at: 5 } };
    const n = (msg: string) => `${ts(1)} [notice] ${pid}#${pid}: ${msg}`;
    const workers = Array.from({ length: WORKERS }, (_, i) => pid + 1 + i);
    out.err(1,
      n('using the "epoll" event method'),
      n(`nginx/${version}`),
      n(builtBy(ctx.fs)),
      n(`OS: ${KERNEL.sysname} ${KERNEL.release}`),
      n("getrlimit(RLIMIT_NOFILE): 1048576:1048576"),
      n("start worker processes"),
      ...workers.map((w) => n(`start worker process ${w}`)),
    );
    const user = ctx.user === "" || ctx.user === "0" || ctx.user === "root" ? "root" : ctx.user;
    const processes: ProcessInfo[] = [
      { pid, ppid: 0, user, command: `nginx: master process ${[name, ...args].join(" ")}`, startedAt: 0 },
      ...workers.map((w) => ({ pid: w, ppid: pid, user: user === "root" ? "nginx" : user, command: "nginx: worker process", startedAt: 1 })),
    ];
    return {
      output: out.chunks,
      exit: null,
      onTerm: { kind: "exit", code: 0, log: shutdownLog(termAnchor(ctx), pid, workers) },
      processes,
    };
  },
};

/** What this nginx answers to GET `path` from files in the container (see http.ts). */
export function httpResponder(fs: ContainerFs, path: string, opts: HttpOptions = {}): HttpResponse {
  const conf = read(fs, DEFAULT_CONF);
  const root = conf ? /^\s*root\s+([^;\s]+)\s*;/m.exec(conf)?.[1] : undefined;
  return nginxHttp(fs, path, root ? { root, ...opts } : opts);
}
