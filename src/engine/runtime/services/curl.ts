// curl: HTTP GETs through the simulated network (ctx.network).
import type { NetExchange, Program, ProcessContext, ProcessResult } from "../types.js";
import { byteLength, STATUS_TEXT } from "./http.js";
import { Output } from "./util.js";
import { parseResponse } from "../applets/net-common.js";

const VERSION = "8.14.1";

interface Flags {
  silent: boolean;
  showError: boolean;
  head: boolean;
  include: boolean;
  verbose: boolean;
  fail: boolean;
  output?: string;
  remoteName: boolean;
  url?: string;
}

function parse(args: string[]): Flags | { error: string; code: number } {
  const f: Flags = { silent: false, showError: false, head: false, include: false, verbose: false, fail: false, remoteName: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("--")) {
      const name = a.slice(2);
      if (name === "silent") f.silent = true;
      else if (name === "show-error") f.showError = true;
      else if (name === "head") f.head = true;
      else if (name === "include") f.include = true;
      else if (name === "verbose") f.verbose = true;
      else if (name === "fail") f.fail = true;
      else if (name === "location") continue;
      else if (name === "remote-name") f.remoteName = true;
      else if (["output", "request", "header", "user-agent", "data", "max-time", "connect-timeout"].includes(name)) {
        if (args[i + 1] === undefined) return { error: `curl: option ${a}: requires parameter`, code: 2 };
        if (name === "output") f.output = args[i + 1];
        i++;
      } else return { error: `curl: option ${a}: is unknown`, code: 2 };
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if ("oXHAdm".includes(c)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined) return { error: `curl: option -${c}: requires parameter`, code: 2 };
          if (c === "o") f.output = value;
          break;
        }
        if (c === "s") f.silent = true;
        else if (c === "S") f.showError = true;
        else if (c === "I") f.head = true;
        else if (c === "i") f.include = true;
        else if (c === "v") f.verbose = true;
        else if (c === "f") f.fail = true;
        else if (c === "L" || c === "k") continue;
        else if (c === "O") f.remoteName = true;
        else return { error: `curl: option -${c}: is unknown`, code: 2 };
      }
      continue;
    }
    f.url ??= a;
  }
  return f;
}

function splitUrl(url: string): { scheme: string; host: string; port: number; path: string } | undefined {
  const m = /^(?:([a-z]+):\/\/)?([^/:?#]+|\[[^\]]+\])(?::(\d+))?([^#]*)/i.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] ?? "http").toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80;
  return { scheme, host: m[2]!, port, path: m[4] || "/" };
}

/** The progress meter curl writes to stderr when its output is not a terminal. */
function meter(size: number): string {
  const s = String(size).padStart(5);
  return [
    "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current",
    "                                 Dload  Upload   Total   Spent    Left  Speed",
    "\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0",
    `\r100 ${s}  100 ${s}    0     0   ${s}k      0 --:--:-- --:--:-- --:--:-- ${s}k`,
  ].join("\n") + "\n";
}

/** A network that only answers HTTP GETs: the same conversation, rebuilt from its answer. */
function viaHttpGet(ctx: ProcessContext, host: string, port: number, path: string): NetExchange | undefined {
  const res = ctx.network?.httpGet(host, port, path);
  if (!res) return undefined;
  const head = [`HTTP/1.1 ${res.status} ${STATUS_TEXT[res.status] ?? ""}`, ...Object.entries(res.headers).map(([k, v]) => `${k}: ${v}`)];
  return { ok: true, reply: head.map((l) => `${l}\r\n`).join("") + "\r\n" + res.body, program: "" };
}

export const curl: Program = {
  run(ctx: ProcessContext): ProcessResult {
    const out = new Output();
    const args = ctx.argv.slice(1);
    if (args[0] === "--version" || args[0] === "-V") {
      out.out(0, `curl ${VERSION} (x86_64-pc-linux-gnu) libcurl/${VERSION} OpenSSL/3.5.0 zlib/1.3.1 nghttp2/1.65.0`, "Protocols: dict file ftp ftps http https mqtt", "Features: HTTP2 HTTPS-proxy IPv6 Largefile libz SSL threadsafe");
      return { output: out.chunks, exit: { code: 0, at: 1 } };
    }
    const flags = parse(args);
    const done = (code: number) => ({ output: out.chunks, exit: { code, at: 5 } });
    if ("error" in flags) {
      out.err(0, flags.error, "curl: try 'curl --help' or 'curl --manual' for more information");
      return done(flags.code);
    }
    const fail = (code: number, msg: string) => {
      if (!flags.silent || flags.showError) out.err(1, `curl: (${code}) ${msg}`);
      return done(code);
    };
    if (!flags.url) {
      out.err(0, "curl: try 'curl --help' or 'curl --manual' for more information");
      return done(2);
    }
    const url = splitUrl(flags.url);
    if (!url) return fail(3, "URL rejected: Malformed input to a URL function");
    if (url.scheme !== "http" && url.scheme !== "https") return fail(1, `Protocol "${url.scheme}" not supported`);
    const host = url.host.replace(/^\[|\]$/g, "");
    const local = host === "localhost" || host === "127.0.0.1" || host === "::1";
    const ip = local ? (host === "localhost" ? "127.0.0.1" : host) : /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : ctx.network?.resolve(host);
    if (ip === undefined) return fail(6, `Could not resolve host: ${host}`);
    if (flags.verbose) out.err(0, `*   Trying ${ip}:${url.port}...`);
    const request = `${flags.head ? "HEAD" : "GET"} ${url.path} HTTP/1.1\r\nHost: ${url.host}${url.port === 80 || url.port === 443 ? "" : ":" + url.port}\r\nUser-Agent: curl/${VERSION}\r\nAccept: */*\r\n\r\n`;
    const conn = ctx.network?.exchange
      ? ctx.network.exchange(ip === "::1" ? "127.0.0.1" : ip, url.port, request, ctx.startTime)
      : viaHttpGet(ctx, host, url.port, url.path);
    if (!conn || !conn.ok) {
      const after = conn?.afterMs ?? 0;
      if (!flags.silent || flags.showError) out.err(after, `curl: (7) Failed to connect to ${host} port ${url.port} after ${after} ms: Couldn't connect to server`);
      return { output: out.chunks, exit: { code: 7, at: after + 1 } };
    }
    if (conn.reply === "") return fail(52, "Empty reply from server");
    const res = parseResponse(conn.reply);
    if (!res) return fail(1, "Received HTTP/0.9 when not allowed");
    const statusLine = `HTTP/1.1 ${res.status} ${res.statusText || (STATUS_TEXT[res.status] ?? "")}`;
    const headerText = [statusLine, ...Object.entries(res.headers).map(([k, v]) => `${k}: ${v}`)].map((l) => l + "\r\n").join("") + "\r\n";
    if (flags.verbose) {
      out.err(0, `* Connected to ${host} (${ip}) port ${url.port}`, "* using HTTP/1.x", `> ${flags.head ? "HEAD" : "GET"} ${url.path} HTTP/1.1`,
        `> Host: ${url.host}${url.port === 80 || url.port === 443 ? "" : ":" + url.port}`, `> User-Agent: curl/${VERSION}`, "> Accept: */*", ">",
        "* Request completely sent off");
      out.write(0, "stderr", headerText.split("\r\n").filter((l, i, all) => i < all.length - 1).map((l) => `< ${l}\r\n`).join(""));
    }
    if (flags.fail && res.status >= 400) return fail(22, `The requested URL returned error: ${res.status}`);
    const body = flags.head ? "" : res.body;
    const shown = (flags.head || flags.include ? headerText : "") + body;
    const target = flags.output ?? (flags.remoteName ? url.path.split("/").pop() || "" : undefined);
    if (target !== undefined) {
      if (target === "") return fail(23, "Failure writing output to destination");
      try {
        ctx.fs.writeFile(ctx.fs.resolve(target, ctx.workdir), shown);
      } catch {
        if (!flags.silent || flags.showError) out.err(1, `Warning: Failed to open the file ${target}: No such file or directory`);
        return fail(23, "Failure writing output to destination");
      }
    } else {
      out.write(1, "stdout", shown);
    }
    if (!flags.silent && !flags.verbose && (target !== undefined || !ctx.tty)) out.write(1, "stderr", meter(byteLength(shown)));
    if (flags.verbose) out.err(1, `* Connection #0 to host ${host} left intact`);
    return done(0);
  },
};
