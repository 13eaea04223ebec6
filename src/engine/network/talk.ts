// The server side of one TCP conversation with a simulated service: what nginx, httpd,
// python's http.server or redis-server write back for the bytes a client sent, and the
// access-log line they leave in the serving container's output.
import { heavy } from "../heavy.js";
import type { NetPeer } from "../runtime/types.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const p2 = (n: number) => String(n).padStart(2, "0");

/** Common Log Format time: 01/Jun/2025:10:00:00 +0000 */
function clfTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** redis's log time: 01 Jun 2025 10:00:00.000 */
function redisTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, "0")}`;
}

function pythonTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

export interface HttpRequestHead {
  method: string;
  target: string;
  version: string;
  headers: Record<string, string>;
}

/** Splits "GET / HTTP/1.1\r\nHost: x\r\n\r\n"; undefined when the head is not complete or not HTTP. */
export function parseRequestHead(data: string): HttpRequestHead | undefined {
  const end = data.search(/\r?\n\r?\n/);
  if (end < 0) return undefined;
  const lines = data.slice(0, end).split(/\r?\n/);
  const m = /^([A-Z]+) (\S+) (HTTP\/\d\.\d)$/.exec(lines[0] ?? "");
  if (!m) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { method: m[1]!, target: m[2]!, version: m[3]!, headers };
}

function statusText(status: number): string {
  return heavy().services.STATUS_TEXT[status] ?? "";
}

function httpReply(peer: NetPeer, data: string, at: number): string {
  const responder = heavy().services.httpResponders[peer.program]!;
  const head = parseRequestHead(data);
  const client = peer.clientIp ?? "127.0.0.1";
  if (!head) {
    // Nothing that parses as a request: the server answers 400 to bytes, and nothing to silence.
    if (data.trim() === "") return "";
    const res = responder(peer.fs, "/", { now: at });
    const bad = peer.program.startsWith("nginx")
      ? ["<html>", "<head><title>400 Bad Request</title></head>", "<body>", "<center><h1>400 Bad Request</h1></center>", `<hr><center>${res.headers.Server ?? "nginx"}</center>`, "</body>", "</html>", ""].join("\r\n")
      : "";
    peer.log?.("stdout", `${client} - - [${clfTime(at)}] "${data.split(/\r?\n/)[0]}" 400 ${bad.length} "-" "-" "-"\n`, at);
    const server = res.headers.Server ? `Server: ${res.headers.Server}\r\n` : "";
    return `HTTP/1.1 400 Bad Request\r\n${server}Content-Type: text/html\r\nContent-Length: ${bad.length}\r\nConnection: close\r\n\r\n${bad}`;
  }
  const method = head.method === "HEAD" ? "HEAD" : "GET";
  // nginx redirects to $host (no port) plus its own listen port when that is not 80.
  const host = peer.program.startsWith("nginx") ? head.headers["host"]?.replace(/:\d+$/, "") : head.headers["host"];
  const res = responder(peer.fs, head.target, { now: at, method, ...(host ? { host } : {}) });
  const headers = { ...res.headers };
  // An HTTP/1.0 client without keep-alive gets the connection closed after the answer.
  if ("Connection" in headers && head.version === "HTTP/1.0" && !/keep-alive/i.test(head.headers["connection"] ?? "")) headers.Connection = "close";
  const text = `HTTP/1.1 ${res.status} ${statusText(res.status)}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`;
  const body = method === "HEAD" ? "" : res.body;
  const size = method === "HEAD" ? 0 : Number(res.headers["Content-Length"] ?? res.headers["Content-length"] ?? body.length);
  const line = `${head.method} ${head.target} ${head.version}`;
  const agent = head.headers["user-agent"] ?? "-";
  if (peer.program.startsWith("nginx")) {
    peer.log?.("stdout", `${client} - - [${clfTime(at)}] "${line}" ${res.status} ${size} "-" "${agent}" "-"\n`, at);
  } else if (peer.program === "registry") {
    // gorilla/handlers' combined log, which distribution wraps around its API.
    peer.log?.("stdout", `${client} - - [${clfTime(at)}] "${line}" ${res.status} ${size} "" "${agent === "-" ? "" : agent}"\n`, at);
  } else if (peer.program.startsWith("python")) {
    peer.log?.("stderr", `${client} - - [${pythonTime(at)}] "${line}" ${res.status} -\n`, at);
  } else {
    peer.log?.("stdout", `${client} - - [${clfTime(at)}] "${line}" ${res.status} ${size === 0 ? "-" : size}\n`, at);
  }
  return text + body;
}

/** RESP encoding of a redis reply (the serialization protocol spec). */
function resp(r: RedisReply): string {
  switch (r.t) {
    case "status":
      return `+${r.v}\r\n`;
    case "err":
      return `-${r.v}\r\n`;
    case "int":
      return `:${r.v}\r\n`;
    case "bulk":
      return r.v === null ? "$-1\r\n" : `$${new TextEncoder().encode(r.v).length}\r\n${r.v}\r\n`;
    case "array":
      return `*${r.v.length}\r\n${r.v.map(resp).join("")}`;
  }
}

type RedisReply =
  | { t: "status"; v: string }
  | { t: "bulk"; v: string | null }
  | { t: "int"; v: number }
  | { t: "err"; v: string }
  | { t: "array"; v: RedisReply[] };

/** Commands in `data`: RESP arrays (what redis-cli sends) or inline lines (what nc sends). */
function redisCommands(data: string): string[][] {
  const out: string[][] = [];
  const lines = data.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("*")) {
      const n = Number(line.slice(1));
      const argv: string[] = [];
      for (let k = 0; k < n && i + 2 < lines.length + 1; k++) {
        i += 2;
        argv.push(lines[i] ?? "");
      }
      out.push(argv);
      continue;
    }
    const words = line.match(/"[^"]*"|'[^']*'|\S+/g)?.map((w) => w.replace(/^["']|["']$/g, "")) ?? [];
    if (words.length > 0) out.push(words);
  }
  return out;
}

function redisReply(peer: NetPeer, data: string, at: number): string {
  const { redisExecute, loadRedisStore, saveRedisStore } = heavy().services;
  const store = loadRedisStore(peer.fs);
  let reply = "";
  let changed = false;
  for (const argv of redisCommands(data)) {
    const name = argv[0]!.toLowerCase();
    if (name === "quit") {
      reply += "+OK\r\n";
      break;
    }
    // redis drops a client that looks like an HTTP request (networking.c securityWarningCommand).
    if (name === "host:" || name === "post") {
      const port = 32768 + (Math.floor(at) % 28000);
      peer.log?.("stdout", `1:M ${redisTime(at)} # Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your Redis instance. Connection from ${peer.clientIp ?? "127.0.0.1"}:${port} aborted.\n`, at);
      break;
    }
    const before = JSON.stringify(store.data);
    reply += resp(redisExecute(store.data, argv) as RedisReply);
    if (JSON.stringify(store.data) !== before) changed = true;
  }
  if (changed) saveRedisStore(peer.fs, store.data);
  return reply;
}

/** What the service behind `peer` writes back for `data` before the connection ends. */
export function serverReply(peer: NetPeer, data: string, at: number): string {
  if (heavy().services.httpResponders[peer.program]) return httpReply(peer, data, at);
  if (peer.program === "redis-server") return redisReply(peer, data, at);
  if (peer.program === "nc") {
    // A listening nc prints what arrives and has nothing to send back (its stdin is empty).
    if (data !== "") peer.log?.("stdout", data, at);
    peer.end?.(at);
    return "";
  }
  return "";
}
