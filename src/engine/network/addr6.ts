// IPv6 addresses as Go's net.ParseIP reads them (moby v28 checks endpoint addresses with it),
// for checking a static --ip6 against the subnets a network was given (the simulation assigns
// no IPv6 addresses of its own).

/** The 128-bit value of an IPv6 address; undefined when it is not one (a zone makes it none). */
export function parseIPv6(address: string): bigint | undefined {
  if (!address.includes(":") || address.includes("%")) return undefined;
  let head = address;
  let tail: number[] = [];
  // A dotted IPv4 tail fills the last two groups ("::ffff:10.0.0.1").
  const dotted = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (dotted) {
    const bytes = dotted[2]!.split(".").map(Number);
    if (bytes.some((b) => b > 255)) return undefined;
    head = dotted[1]!.endsWith("::") ? dotted[1]! : dotted[1]!.slice(0, -1);
    tail = [bytes[0]! * 256 + bytes[1]!, bytes[2]! * 256 + bytes[3]!];
  }
  const halves = head.split("::");
  if (halves.length > 2) return undefined;
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  if ([...left, ...right].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const given = left.length + right.length + tail.length;
  if (halves.length === 2 ? given > 7 : given !== 8) return undefined;
  const zeros = halves.length === 2 ? 8 - given : 0;
  const values = [...left.map((g) => parseInt(g, 16)), ...Array<number>(zeros).fill(0), ...right.map((g) => parseInt(g, 16)), ...tail];
  return values.reduce((acc, v) => (acc << 16n) | BigInt(v), 0n);
}

/** An IPv6 address that is neither IPv4-mapped nor unspecified: what an endpoint accepts. */
export function isEndpointIPv6(text: string): boolean {
  const value = parseIPv6(text);
  return value !== undefined && value !== 0n && value >> 32n !== 0xffffn;
}

/** Whether an IPv6 subnet ("fd00:1::/64") holds the address. */
export function containsIPv6(subnet: string, address: string): boolean {
  const [base, bitsText] = subnet.split("/");
  const network = parseIPv6(base ?? "");
  const ip = parseIPv6(address);
  const bits = Number(bitsText);
  if (network === undefined || ip === undefined || !Number.isInteger(bits) || bits < 0 || bits > 128) return false;
  const shift = BigInt(128 - bits);
  return network >> shift === ip >> shift;
}
