// GNU wget 1.21 (debian bookworm, the node and python images) in the C locale: its log on
// stderr, dot progress for a non-terminal, and exit codes (4 network failure, 8 server error).
import { basenameOf } from "../../fs/path.js";
import { type Applet, abs, errText } from "./context.js";
import { errnoText, lookup, netOf, nowAt, parseResponse, splitHostPort, utf8Length } from "./net-common.js";
import { parseWget } from "./net-wget-opts.js";

const p2 = (n: number) => String(n).padStart(2, "0");

function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** The dot display for a transfer that finishes at once: dots per KiB, then 100% and the rate. */
function dots(size: number): string {
  const kib = Math.floor(size / 1024);
  const lines: string[] = [];
  for (let start = 0; start === 0 || start < kib; start += 50) {
    const n = Math.min(50, kib - start);
    const groups: string[] = [];
    for (let g = 0; g < n; g += 10) groups.push(".".repeat(Math.min(10, n - g)));
    const last = start + 50 >= kib;
    const body = `${String(start).padStart(6)}K ${groups.join(" ")}`;
    lines.push(last ? `${body.padEnd(62)} 100% 58.7M=0s` : `${body.padEnd(62)}`);
  }
  return `\n${lines.join("\n")}\n\n`;
}

export const wgetGnu: Applet = (ctx) => {
  const o = parseWget(ctx.argv.slice(1));
  if ("bad" in o) {
    ctx.io.err(o.bad.startsWith("--") ? `wget: unrecognized option '${o.bad}'\n` : `wget: invalid option -- '${o.bad.slice(1)}'\n`);
    ctx.io.err("Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 2;
  }
  if (o.urls.length === 0) {
    ctx.io.err("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  const say = (text: string) => {
    if (!o.quiet) ctx.io.err(text);
  };
  let status = 0;
  for (const raw of o.urls) {
    const url = /^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`;
    const m = /^([a-z]+):\/\/([^/?#]*)(.*)$/i.exec(url)!;
    if (m[1]!.toLowerCase() !== "http" && m[1]!.toLowerCase() !== "https") {
      ctx.io.err(`${raw}: Unsupported scheme '${m[1]}'.\n`);
      status = 1;
      continue;
    }
    const hp = splitHostPort(m[2]!, m[1]!.toLowerCase() === "https" ? 443 : 80);
    if ("badPort" in hp) {
      ctx.io.err(`${raw}: Bad port number.\n`);
      status = 1;
      continue;
    }
    const path = m[3] || "/";
    say(`--${stamp(nowAt(ctx))}--  ${m[1]!.toLowerCase()}://${m[2]}${path}\n`);
    let ip = hp.host;
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(hp.host)) {
      const found = lookup(ctx, hp.host);
      if (!found) {
        say(`Resolving ${hp.host} (${hp.host})... failed: Name or service not known.\n`);
        say(`wget: unable to resolve host address '${hp.host}'\n`);
        status = 4;
        continue;
      }
      ip = found;
      say(`Resolving ${hp.host} (${hp.host})... ${ip}\n`);
      say(`Connecting to ${hp.host} (${hp.host})|${ip}|:${hp.port}... `);
    } else {
      say(`Connecting to ${ip}:${hp.port}... `);
    }
    const request = `GET ${path} HTTP/1.1\r\nUser-Agent: ${o.userAgent ?? "Wget/1.21.3"}\r\nAccept: */*\r\nAccept-Encoding: identity\r\nHost: ${m[2]}\r\nConnection: Keep-Alive\r\n\r\n`;
    const conn = netOf(ctx).exchange?.(ip, hp.port, request, nowAt(ctx)) ?? { ok: false as const, error: "refused" as const, afterMs: 0 };
    if (!conn.ok) {
      ctx.state.advance(conn.afterMs);
      say(`failed: ${errnoText(ctx, conn.error)}.\n`);
      return 4;
    }
    say("connected.\n");
    const res = parseResponse(conn.reply);
    if (!res) {
      say("HTTP request sent, awaiting response... No data received.\nRetrying.\n\n");
      return 4;
    }
    say(`HTTP request sent, awaiting response... ${res.status} ${res.statusText}\n`);
    if (res.status >= 400) {
      say(`${stamp(nowAt(ctx))} ERROR ${res.status}: ${res.statusText}.\n\n`);
      status = 8;
      continue;
    }
    const size = utf8Length(res.body);
    const type = (res.headers["Content-Type"] ?? res.headers["Content-type"] ?? "").split(";")[0];
    if (o.spider) {
      say(`Length: ${size} [${type}]\nRemote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n`);
      continue;
    }
    let file = o.output;
    if (file === undefined) {
      const base = basenameOf(path.replace(/[?#].*$/, "")) || "index.html";
      file = path.endsWith("/") ? "index.html" : base;
      if (o.dir) file = `${o.dir.replace(/\/$/, "")}/${file}`;
      // An existing file is kept: the download gets the next free .N suffix.
      for (let n = 1; ctx.state.fs.stat(abs(ctx, file)); n++) file = `${file.replace(/\.\d+$/, "")}.${n}`;
    }
    say(`Length: ${size} [${type}]\nSaving to: '${file === "-" ? "STDOUT" : file}'\n`);
    if (file === "-") ctx.io.out(res.body);
    else {
      try {
        ctx.state.fs.writeFile(abs(ctx, file), res.body);
      } catch (e) {
        ctx.io.err(`${file}: ${errText(e, "gnu")}\n`);
        return 3;
      }
    }
    say(dots(size));
    say(`${stamp(nowAt(ctx))} (58.7 MB/s) - ${file === "-" ? "written to stdout" : `'${file}' saved`} [${size}/${size}]\n\n`);
  }
  return status;
};
