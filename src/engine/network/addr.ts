// IPv4 arithmetic for subnets and leases (Go's net.ParseCIDR / net.IPNet.Contains, IPv4 only).

export interface Cidr {
  /** Network address as an integer. */
  base: number;
  bits: number;
  /** Number of addresses. */
  size: number;
}

export function ipToInt(ip: string): number {
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

export function isIPv4(s: string): boolean {
  const parts = s.split(".");
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** "172.18.0.0/16" -> the network it names (the host bits are masked off, as ParseCIDR does). */
export function parseCidr(text: string): Cidr | undefined {
  const [ip, bitsText, ...rest] = text.split("/");
  if (rest.length > 0 || ip === undefined || bitsText === undefined || !/^\d{1,2}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  if (!isIPv4(ip) || bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  const base = Math.floor(ipToInt(ip) / size) * size;
  return { base, bits, size };
}

export function cidrText(c: Cidr): string {
  return `${intToIp(c.base)}/${c.bits}`;
}

export function contains(c: Cidr, ip: string): boolean {
  const n = ipToInt(ip);
  return n >= c.base && n < c.base + c.size;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + b.size && b.base < a.base + a.size;
}
