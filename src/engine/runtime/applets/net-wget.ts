// wget: busybox's (networking/wget.c, libbb/progress.c) and, in the GNU images that ship it,
// GNU wget's messages, over the simulated network.
import { basenameOf } from "../../fs/path.js";
import { type Applet, type CommandContext, abs, errText } from "./context.js";
import { bbUsage, errnoText, lookup, netOf, nowAt, parseResponse, splitHostPort, utf8Length } from "./net-common.js";
import { wgetGnu } from "./net-wget-gnu.js";
import { parseWget, type WgetOptions } from "./net-wget-opts.js";

interface Target {
  https: boolean;
  /** host[:port] as written in the URL. */
  hostPort: string;
  /** Path without its leading slash (busybox keeps it so). */
  path: string;
}

function parseUrl(url: string): Target | { notHttp: string } {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(url);
  let rest = url;
  let https = false;
  if (m) {
    const scheme = m[1]!.toLowerCase();
    if (scheme !== "http" && scheme !== "https") return { notHttp: url };
    https = scheme === "https";
    rest = url.slice(m[0].length);
  }
  const cut = rest.search(/[/?#]/);
  const hostPort = cut < 0 ? rest : rest.slice(0, cut);
  let path = cut < 0 ? "" : rest.slice(cut);
  if (path.startsWith("/")) path = path.slice(1);
  path = path.replace(/#.*/, "");
  return { https, hostPort: hostPort.slice(hostPort.lastIndexOf("@") + 1), path };
}

/** libbb/progress.c's line on a non-terminal: name, percent, bar of 31 stars, size, ETA. */
export function progressLine(name: string, size: number): string {
  const shown = name.slice(0, 20).padEnd(20);
  let scaled = size;
  let k = 0;
  while (scaled >= 100000) {
    scaled = Math.floor(scaled / 1024);
    k++;
  }
  const amount = String(scaled).padStart(6) + " kMGTPEZY"[k];
  if (size === 0) return `${shown}${amount} --:--:-- ETA\n`;
  return `${shown} 100% |${"*".repeat(31)}|${amount}  0:00:00 ETA\n`;
}

function die(ctx: CommandContext, msg: string): number {
  ctx.io.err(`wget: ${msg}\n`);
  return 1;
}

function fetch(ctx: CommandContext, o: WgetOptions, url: string): number {
  const net = netOf(ctx);
  const first = parseUrl(url);
  if ("notHttp" in first) return die(ctx, `not an http or ftp url: ${first.notHttp}`);
  let target = first;
  let fname = o.output;
  if (fname === undefined) {
    const last = target.path.replace(/[?#].*$/, "").split("/").pop() ?? "";
    fname = last === "" ? "index.html" : last;
    if (o.dir) fname = `${o.dir.replace(/\/$/, "")}/${fname}`;
  }
  const toStdout = fname === "-";
  let redirects = 5;
  let ip = "";
  let port = 80;
  for (let newServer = true; ; ) {
    if (newServer) {
      const hp = splitHostPort(target.hostPort, target.https ? 443 : 80);
      if ("badPort" in hp) return die(ctx, `bad port spec '${target.hostPort}'`);
      const found = lookup(ctx, hp.host);
      if (!found) return die(ctx, `bad address '${target.hostPort}'`);
      ip = found;
      port = hp.port;
      if (!o.quiet) ctx.io.err(`Connecting to ${target.hostPort} (${ip}:${port})\n`);
    }
    const request = [
      `GET /${target.path} HTTP/1.1`, `Host: ${target.hostPort}`, `User-Agent: ${o.userAgent ?? "Wget"}`, ...o.headers, "Connection: close", "", "",
    ].join("\r\n");
    const conn = net.exchange?.(ip, port, request, nowAt(ctx)) ?? { ok: false as const, error: "refused" as const, afterMs: 0 };
    if (!conn.ok) {
      const limit = (o.timeout ?? 900) * 1000;
      if (conn.afterMs > limit && limit > 0) {
        ctx.state.advance(limit);
        return die(ctx, "download timed out");
      }
      ctx.state.advance(conn.afterMs);
      return die(ctx, `can't connect to remote host (${ip}): ${errnoText(ctx, conn.error)}`);
    }
    // Nothing in the simulation speaks TLS: the handshake meets plain text and fails.
    if (target.https) return die(ctx, "error getting response: Connection reset by peer");
    const firstLine = conn.reply.split("\r\n", 1)[0] ?? "";
    // busybox reads the status as atoi of the second word: 0 means "skip headers, read again",
    // which meets the closed connection.
    const code = Number.parseInt(firstLine.split(/\s+/)[1] ?? "", 10) || 0;
    if (conn.reply === "" || code === 0 || code === 100) return die(ctx, "error getting response");
    const res = parseResponse(conn.reply);
    if (o.serverResponse) {
      const head = conn.reply.slice(0, Math.max(0, conn.reply.indexOf("\r\n\r\n")));
      for (const line of head.split("\r\n")) ctx.io.err(`  ${line}\n`);
    }
    if (!res) return die(ctx, `server returned error: ${firstLine}`);
    if ([301, 302, 303, 307, 308].includes(res.status) && res.headers.Location) {
      if (--redirects === 0) return die(ctx, "too many redirections");
      const loc = res.headers.Location;
      if (loc.startsWith("/")) {
        target = { ...target, path: loc.slice(1) };
        newServer = false;
      } else {
        const next = parseUrl(loc);
        if ("notHttp" in next) return die(ctx, `not an http or ftp url: ${loc}`);
        target = next;
        newServer = true;
      }
      continue;
    }
    if (![200, 201, 202, 203, 204].includes(res.status)) return die(ctx, `server returned error: ${firstLine}`);
    if (o.spider) {
      if (!o.quiet) ctx.io.err("remote file exists\n");
      return 0;
    }
    const body = res.body;
    if (!toStdout) {
      const path = abs(ctx, fname);
      try {
        if (o.output === undefined && ctx.state.fs.stat(path)) return die(ctx, `can't open '${fname}': File exists`);
        ctx.state.fs.writeFile(path, body);
      } catch (e) {
        return die(ctx, `can't open '${fname}': ${errText(e, ctx.flavor)}`);
      }
    }
    if (!o.quiet) ctx.io.err(toStdout ? "writing to stdout\n" : `saving to '${fname}'\n`);
    if (toStdout) ctx.io.out(body);
    if (!o.quiet) {
      ctx.io.err(progressLine(toStdout ? "-" : basenameOf(fname), utf8Length(body)));
      ctx.io.err(toStdout ? "written to stdout\n" : `'${fname}' saved\n`);
    }
    return 0;
  }
}

export const wget: Applet = (ctx) => {
  if (ctx.flavor === "gnu") return wgetGnu(ctx);
  const o = parseWget(ctx.argv.slice(1));
  if ("bad" in o) {
    ctx.io.err(o.bad.startsWith("--") ? `wget: unrecognized option '${o.bad}'\n` : `wget: invalid option -- '${o.bad.slice(1)}'\n`);
    return bbUsage(ctx, "wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...");
  }
  if (o.urls.length === 0) return bbUsage(ctx, "wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...");
  let status = 0;
  for (const url of o.urls) {
    // busybox dies on the first failure.
    status = fetch(ctx, o, url);
    if (status !== 0) return status;
  }
  return status;
};
