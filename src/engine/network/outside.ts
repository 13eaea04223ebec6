// The world outside the simulated host, as far as its resolver knows it: a few public names the
// tutorials ping, with fixed addresses. Only ICMP reaches them; nothing outside answers TCP.

interface OutsideHost {
  a: string[];
  aaaa: string[];
}

const OUTSIDE: Record<string, OutsideHost> = {
  "google.com": { a: ["142.250.185.78"], aaaa: ["2a00:1450:4001:82b::200e"] },
  "www.google.com": { a: ["142.250.185.100"], aaaa: ["2a00:1450:4001:80b::2004"] },
  "example.com": { a: ["23.192.228.80"], aaaa: ["2600:1406:3a00:21::173e:2e65"] },
  "www.example.com": { a: ["23.192.228.84"], aaaa: ["2600:1406:bc00:53::b81e:94ce"] },
  "docker.com": { a: ["141.193.213.20"], aaaa: [] },
  "www.docker.com": { a: ["141.193.213.21"], aaaa: [] },
  "github.com": { a: ["140.82.121.3"], aaaa: [] },
  "cloudflare.com": { a: ["104.16.132.229"], aaaa: ["2606:4700::6810:84e5"] },
  "one.one.one.one": { a: ["1.1.1.1"], aaaa: ["2606:4700:4700::1111"] },
  "dns.google": { a: ["8.8.8.8"], aaaa: ["2001:4860:4860::8888"] },
};

/** What the upstream resolver answers for `name`; undefined is NXDOMAIN. */
export function outsideLookup(name: string): OutsideHost | undefined {
  return OUTSIDE[name.toLowerCase().replace(/\.$/, "")];
}

/** Round-trip time and TTL of an echo reply from outside (about a dozen hops away). */
export const OUTSIDE_PING = { ttl: 117, rttMs: 11.8 };
