// Go's net.ParseIP acceptance rules and net.SplitHostPort's bracket errors, as the port
// parser uses them (go-connections nat.ParsePortSpec).

function isIPv4(s: string): boolean {
  const parts = s.split(".");
  if (parts.length !== 4) return false;
  // Go rejects leading zeros ("01") since 1.17.
  return parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIPv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return false;
  let groups = s.split(":");
  let tail = 0;
  const last = groups[groups.length - 1]!;
  if (last.includes(".")) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1);
    tail = 2;
  }
  const double = s.indexOf("::");
  if (double !== s.lastIndexOf("::")) return false;
  const hex = (g: string) => /^[0-9a-fA-F]{1,4}$/.test(g);
  if (double >= 0) {
    const [left, right] = s.slice(0, last.includes(".") ? s.length - last.length : s.length).split("::");
    const l = left ? left.split(":") : [];
    const r = right ? right.split(":").filter((g, i, a) => !(g === "" && i === a.length - 1 && tail > 0)) : [];
    if (![...l, ...r].every(hex)) return false;
    return l.length + r.length + tail <= 7;
  }
  return groups.length + tail === 8 && groups.every(hex);
}

/** net.ParseIP(s) != nil. */
export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
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
