// What the network applets (wget, ping, nc, nslookup) share: the container's network, the
// C library's error texts, name lookup as getaddrinfo does it, and busybox's usage header.
import type { NetFailure, NetworkAccess } from "../types.js";
import type { CommandContext } from "./context.js";

export const BUSYBOX_BANNER = "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.";

/** Prints busybox's usage block for an applet and returns its exit status (1). */
export function bbUsage(ctx: CommandContext, usage: string): number {
  ctx.io.err(`${BUSYBOX_BANNER}\n\nUsage: ${usage}\n`);
  return 1;
}

/** The network as the process sees it; a container without one behaves as --network none. */
export function netOf(ctx: CommandContext): NetworkAccess {
  return ctx.state.proc.network ?? { resolve: (h) => (h === "localhost" ? "127.0.0.1" : /^\d+\.\d+\.\d+\.\d+$/.test(h) ? h : undefined), httpGet: () => undefined };
}

/** Alpine links against musl, which words errno texts its own way; the busybox image uses glibc. */
export function isMusl(ctx: CommandContext): boolean {
  try {
    return ctx.state.fs.stat("/lib/ld-musl-x86_64.so.1") !== undefined;
  } catch {
    return false;
  }
}

export type Errno = NetFailure | "reset";

/** strerror() of a failed connect. */
export function errnoText(ctx: CommandContext, e: Errno): string {
  const musl = isMusl(ctx);
  switch (e) {
    case "refused":
      return "Connection refused";
    case "reset":
      return "Connection reset by peer";
    case "timeout":
      return musl ? "Operation timed out" : "Connection timed out";
    case "unreachable":
      return musl ? "Host is unreachable" : "No route to host";
    case "netunreach":
      return musl ? "Network unreachable" : "Network is unreachable";
  }
}

/** getaddrinfo: a dotted address as is, else /etc/hosts then the container's DNS. */
export function lookup(ctx: CommandContext, host: string): string | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host.split(".").every((p) => Number(p) <= 255) ? host : undefined;
  if (host === "") return undefined;
  return netOf(ctx).resolve(host);
}

/** "host:port" the way busybox's str2sockaddr splits it (the last colon; brackets for IPv6). */
export function splitHostPort(spec: string, defaultPort: number): { host: string; port: number } | { badPort: true } {
  let host = spec;
  let portText: string | undefined;
  if (spec.startsWith("[")) {
    const close = spec.indexOf("]");
    host = spec.slice(1, close < 0 ? undefined : close);
    if (close >= 0 && spec[close + 1] === ":") portText = spec.slice(close + 2);
  } else {
    const colon = spec.lastIndexOf(":");
    if (colon >= 0 && spec.indexOf(":") === colon) {
      host = spec.slice(0, colon);
      portText = spec.slice(colon + 1);
    }
  }
  if (portText === undefined) return { host, port: defaultPort };
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) return { badPort: true };
  return { host, port: Number(portText) };
}

/** ms since the epoch at the process's current virtual time. */
export function nowAt(ctx: CommandContext): number {
  return ctx.state.proc.startTime + ctx.state.now;
}

/** Bytes of the UTF-8 encoding. */
export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Splits a raw HTTP/1.x response into status, headers (as sent) and body. */
export function parseResponse(raw: string): { status: number; statusText: string; headers: Record<string, string>; body: string } | undefined {
  const end = raw.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const [statusLine = "", ...lines] = raw.slice(0, end).split("\r\n");
  const m = /^HTTP\/\d\.\d (\d{3}) ?(.*)$/.exec(statusLine);
  if (!m) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon)] = line.slice(colon + 1).trim();
  }
  return { status: Number(m[1]), statusText: m[2] ?? "", headers, body: raw.slice(end + 4) };
}
