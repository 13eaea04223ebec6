// busybox nslookup (networking/nslookup.c, the resolver of its own since 1.28): asks the
// container's nameserver directly, never /etc/hosts, an A and an AAAA query per name.
// Docker's embedded DNS (127.0.0.11) answers container names and aliases on user-defined
// networks, with an empty answer to AAAA on IPv4-only networks; other names go upstream.
import type { Applet, CommandContext } from "./context.js";
import { bbUsage, netOf } from "./net-common.js";

const USAGE = "nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]";
const EMBEDDED = "127.0.0.11";

export const nslookup: Applet = (ctx: CommandContext) => {
  let type = "";
  const operands: string[] = [];
  for (const a of ctx.argv.slice(1)) {
    const m = /^-(?:type|query|q|t)=(\w+)$/i.exec(a);
    if (m) type = m[1]!.toUpperCase();
    else if (a === "-debug" || a === "-d") continue;
    else if (a.startsWith("-") && a !== "-") return bbUsage(ctx, USAGE);
    else operands.push(a);
  }
  if (operands.length < 1 || operands.length > 2) return bbUsage(ctx, USAGE);
  const [name, serverArg] = operands as [string, string | undefined];
  const net = netOf(ctx);
  const mine = net.nameserver?.() ?? EMBEDDED;
  const server = serverArg ?? mine;
  const embedded = server === EMBEDDED && mine === EMBEDDED;
  if (server === EMBEDDED && !embedded) {
    // Nothing listens on 127.0.0.11 outside user-defined networks: two tries time out.
    ctx.state.advance(10_000);
    ctx.io.out(";; connection timed out; no servers could be reached\n\n");
    return 1;
  }
  ctx.io.out(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) {
    // An address asks one PTR question.
    const ptr = `${name.split(".").reverse().join(".")}.in-addr.arpa`;
    const host = embedded ? net.dnsReverse?.(name) : undefined;
    ctx.io.out(host ? `Non-authoritative answer:\n${ptr}\tname = ${host}\n\n` : `** server can't find ${ptr}: NXDOMAIN\n\n`);
    return 0;
  }
  const types = type === "" ? ["A", "AAAA"] : [type];
  for (const t of types) {
    const outside = !embedded;
    const found = t === "AAAA" ? net.dnsLookupAAAA?.(name, outside) : t === "A" ? net.dnsLookup?.(name, outside) : net.dnsLookup?.(name, outside) && [];
    if (!found) {
      ctx.io.out(`** server can't find ${name}: NXDOMAIN\n\n`);
      continue;
    }
    // Neither Docker's resolver nor a forwarding one sets the authoritative flag.
    let text = "Non-authoritative answer:\n";
    if (found.length > 0) text += found.map((ip) => `Name:\t${name}\nAddress: ${ip}\n`).join("");
    else text += `*** Can't find ${name}: No answer\n`;
    ctx.io.out(text + "\n");
  }
  return 0;
};
