// Apache httpd (the httpd image) and Debian's apache2 (php:apache, wordpress).
import type { ContainerFs } from "../../fs/types.js";
import type { Program, ProcessContext, ProcessInfo, ProcessResult } from "../types.js";
import { dashNotFound, execInto } from "./exec.js";
import { HTTPD_VERSION, httpdHttp, type HttpOptions, type HttpResponse } from "./http.js";
import { apacheTime } from "./timefmt.js";
import { getenv, Output, ownAddress, termAnchor } from "./util.js";

export interface ApacheFlavour {
  /** Binary name as it names itself in messages: "httpd" or "apache2". */
  bin: string;
  conf: string;
  mpm: "event" | "prefork";
  children: number;
  childUser: string;
  /** "Apache/2.4.63 (Unix)" */
  banner: string;
}

function serverNameSet(fs: ContainerFs, conf: string): boolean {
  try {
    return fs.stat(conf)?.type === "file" && /^\s*ServerName\s+\S/m.test(fs.readFile(conf));
  } catch {
    return false;
  }
}

function fqdnWarning(ctx: ProcessContext, f: ApacheFlavour): string {
  return `AH00558: ${f.bin}: could not work out this server's fully qualified domain name, using ${ownAddress(ctx)}. Set 'ServerName' globally to silence this message`;
}

/** Runs Apache in the foreground (`-DFOREGROUND`), or answers -v/-t. */
export function runApache(ctx: ProcessContext, f: ApacheFlavour, args: string[]): ProcessResult {
  const out = new Output();
  const pid = ctx.pid;
  const warn = serverNameSet(ctx.fs, f.conf) ? [] : [fqdnWarning(ctx, f)];
  if (args.includes("-v") || args.includes("-V")) {
    out.out(0, `Server version: ${f.banner}`, "Server built:   May  6 2025 10:12:44");
    return { output: out.chunks, exit: { code: 0, at: 1 } };
  }
  if (args.includes("-t")) {
    out.err(0, ...warn, "Syntax OK");
    return { output: out.chunks, exit: { code: 0, at: 5 } };
  }
  const defines: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-D") defines.push(args[++i] ?? "");
    else if (a.startsWith("-D")) defines.push(a.slice(2));
  }
  // The config test pass and the real start each print the warning once.
  out.err(0, ...warn, ...warn);
  if (!defines.includes("FOREGROUND")) return { output: out.chunks, exit: { code: 0, at: 10 } };
  const log = (at: number, module: string, msg: string, base = ctx.startTime) =>
    `[${apacheTime(base + at)}] [${module}:notice] [pid ${pid}:tid ${pid}] ${msg}`;
  const mpm = `mpm_${f.mpm}`;
  const configured = f.mpm === "event" ? "AH00489" : "AH00163";
  const cmdline = [f.bin, ...args.flatMap((a) => (a.startsWith("-D") && a.length > 2 ? ["-D", a.slice(2)] : [a]))].join(" ");
  out.err(12, log(12, mpm, `${configured}: ${f.banner} configured -- resuming normal operations`));
  out.err(12, log(12, "core", `AH00094: Command line: '${cmdline}'`));
  const stopCode = f.mpm === "event" ? "AH00492" : "AH00170";
  const processes: ProcessInfo[] = [
    { pid, ppid: 0, user: "root", command: [f.bin, ...args].join(" "), startedAt: 0 },
    ...Array.from({ length: f.children }, (_, i) => ({
      pid: pid + 1 + i, ppid: pid, user: f.childUser, command: [f.bin, ...args].join(" "), startedAt: 12,
    })),
  ];
  return {
    output: out.chunks,
    exit: null,
    // SIGWINCH is the images' STOPSIGNAL: a graceful stop.
    onTerm: { kind: "exit", code: 0, log: [{ at: 0, stream: "stderr", text: log(0, mpm, `${stopCode}: caught SIGWINCH, shutting down gracefully`, termAnchor(ctx)) + "\n" }] },
    processes,
  };
}

function httpdFlavour(ctx: ProcessContext): ApacheFlavour {
  const version = getenv(ctx, "HTTPD_VERSION") ?? HTTPD_VERSION;
  return {
    bin: "httpd", conf: "/usr/local/apache2/conf/httpd.conf", mpm: "event", children: 3,
    childUser: "www-data", banner: `Apache/${version} (Unix)`,
  };
}

export const httpd: Program = {
  run(ctx) {
    return runApache(ctx, httpdFlavour(ctx), ctx.argv.slice(1));
  },
};

/** /usr/local/bin/httpd-foreground: removes a stale pid file and execs `httpd -DFOREGROUND`. */
export const httpdForeground: Program = {
  run(ctx) {
    try {
      ctx.fs.remove("/usr/local/apache2/logs/httpd.pid");
    } catch {
      // not there
    }
    return execInto(ctx, ["httpd", "-DFOREGROUND", ...ctx.argv.slice(1)], new Output(), 0, {
      notFound: dashNotFound(ctx.argv[0] ?? "httpd-foreground", 7),
    });
  },
};

/** What the httpd image answers to GET `path` (htdocs, with directory listings). */
export function httpdResponder(fs: ContainerFs, path: string, opts: HttpOptions = {}): HttpResponse {
  return httpdHttp(fs, path, opts);
}
