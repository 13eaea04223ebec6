// Go's net.ParseIP acceptance rules and net.SplitHostPort's bracket errors, as the port
// parser uses them (go-connections nat.ParsePortSpec).
import { goParseIp } from "../../../client/go-ip.js";

/** net.ParseIP(s) != nil. */
export function isIP(s: string): boolean {
  return goParseIp(s) !== undefined;
}

/** The host part of net.SplitHostPort(ip + ":") for a bracketed IPv6 address. */
export function stripBrackets(ip: string): string {
  const hostport = `${ip}:`;
  const fail = (why: string) => new Error(`invalid IP address ${ip}: address ${hostport}: ${why}`);
  const end = hostport.indexOf("]");
  if (end < 0) throw fail("missing ']' in address");
  const colon = hostport.lastIndexOf(":");
  if (end + 1 !== colon) throw fail(hostport[end + 1] === ":" ? "too many colons in address" : "missing port in address");
  const host = hostport.slice(1, end);
  if (host.includes("[") || host.includes("]")) throw fail(host.includes("[") ? "unexpected '[' in address" : "unexpected ']' in address");
  return host;
}
