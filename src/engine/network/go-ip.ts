// Go's net.ParseIP / net.ParseCIDR / IPNet.Contains (IPv4 and IPv6; IPv4 kept as 4 bytes):
// the client's checks in network create and -p, the daemon's of a static --ip6.

export interface GoIpNet {
  /** The address as written (host bits kept). */
  ip: Uint8Array;
  contains(ip: Uint8Array): boolean;
}

function parseV4(s: string): Uint8Array | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === "0") || Number(p) > 255) return undefined;
    out[i] = Number(p);
  }
  return out;
}

function parseV6(s: string): Uint8Array | undefined {
  let tail: Uint8Array | undefined;
  let text = s;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    tail = parseV4(text.slice(lastColon + 1));
    if (!tail) return undefined;
    text = text.slice(0, lastColon + 1) + "0:0";
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const group = (h: string) => (h === "" ? [] : h.split(":"));
  const head = group(halves[0]!);
  const rest = halves.length === 2 ? group(halves[1]!) : [];
  const total = head.length + rest.length;
  if ((halves.length === 1 && total !== 8) || total > (halves.length === 2 ? 7 : 8)) return undefined;
  const words = [...head, ...Array<string>(8 - total).fill("0"), ...rest];
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    const w = words[i]!;
    if (!/^[0-9a-fA-F]{1,4}$/.test(w)) return undefined;
    const n = parseInt(w, 16);
    out[i * 2] = n >> 8;
    out[i * 2 + 1] = n & 255;
  }
  if (tail) out.set(tail, 12);
  return out;
}

/** net.ParseIP; undefined where Go returns nil. */
export function goParseIp(s: string): Uint8Array | undefined {
  return s.includes(":") ? parseV6(s) : parseV4(s);
}

function asV4(ip: Uint8Array): Uint8Array | undefined {
  if (ip.length === 4) return ip;
  const mapped = ip.slice(0, 10).every((b) => b === 0) && ip[10] === 255 && ip[11] === 255;
  return mapped ? ip.slice(12) : undefined;
}

/** net.ParseCIDR; undefined where Go returns an error. */
export function goParseCidr(s: string): GoIpNet | undefined {
  const slash = s.indexOf("/");
  if (slash < 0) return undefined;
  const ip = goParseIp(s.slice(0, slash));
  const bitsText = s.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  const v4 = ip.length === 4;
  if (bits > (v4 ? 32 : 128)) return undefined;
  const inPrefix = (a: Uint8Array, b: Uint8Array) => {
    for (let i = 0; i < bits; i++) {
      const byte = i >> 3;
      const mask = 0x80 >> (i & 7);
      if ((a[byte]! & mask) !== (b[byte]! & mask)) return false;
    }
    return true;
  };
  return {
    ip,
    contains(other) {
      if (v4) {
        const o = asV4(other);
        return o !== undefined && inPrefix(ip, o);
      }
      return other.length === 16 && inPrefix(ip, other);
    },
  };
}
