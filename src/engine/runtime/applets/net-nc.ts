// busybox nc with netcat 1.10 compatibility (networking/nc_bloaty.c): connect, send stdin,
// print what the server answers; -z only probes; -v reports; -l waits for a caller.
import type { Applet, CommandContext } from "./context.js";
import { NeverExits } from "./context.js";
import { bbUsage, errnoText, lookup, netOf, nowAt } from "./net-common.js";

const USAGE = "nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen";

/** /etc/services names busybox's bb_lookup_port knows without a file. */
const SERVICES: Record<string, number> = { http: 80, https: 443, ftp: 21, ssh: 22, telnet: 23, smtp: 25, domain: 53, mysql: 3306, postgresql: 5432 };

interface NcOptions {
  verbose: number;
  zero: boolean;
  listen: boolean;
  udp: boolean;
  wait?: number;
  operands: string[];
}

function parse(args: string[]): NcOptions | { bad: string } {
  const o: NcOptions = { verbose: 0, zero: false, listen: false, udp: false, operands: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("-") || a === "-") {
      o.operands.push(a);
      continue;
    }
    if (a === "-e") break;
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if ("pswio".includes(f)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) return { bad: f };
        if (f === "w") o.wait = Number(value);
        break;
      }
      if (f === "v") o.verbose++;
      else if (f === "z") o.zero = true;
      else if (f === "l") o.listen = true;
      else if (f === "u") o.udp = true;
      else if (f !== "n" && f !== "k") return { bad: f };
    }
  }
  return o;
}

function port(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) <= 65535 ? Number(text) : undefined;
  return SERVICES[text];
}

export const nc: Applet = (ctx: CommandContext) => {
  const o = parse(ctx.argv.slice(1));
  if ("bad" in o) {
    ctx.io.err(`nc: invalid option -- '${o.bad}'\n`);
    return bbUsage(ctx, USAGE);
  }
  // Listening, it waits; what a caller sends reaches its output from the server side (network/talk.ts).
  if (o.listen) throw new NeverExits();
  if (o.operands.length !== 2) return bbUsage(ctx, USAGE);
  const [host, portText] = o.operands as [string, string];
  const p = port(portText);
  if (p === undefined) {
    ctx.io.err(`nc: bad port '${portText}'\n`);
    return 1;
  }
  const ip = lookup(ctx, host);
  if (!ip) {
    ctx.io.err(`nc: bad address '${host}'\n`);
    return 1;
  }
  const dotted = `${ip}:${p}`;
  if (o.udp) {
    // Nothing answers a datagram here; without -w nc keeps listening for one.
    if (o.verbose) ctx.io.err(`${host} (${dotted}) open\n`);
    if (o.zero) return 0;
    ctx.stdin.readAll();
    if (o.wait === undefined) throw new NeverExits();
    ctx.state.advance(o.wait * 1000);
    return 0;
  }
  const net = netOf(ctx);
  // Connecting has no effect on the server; what is sent (even nothing, with -z) does.
  const probe = net.connect?.(ip, p) ?? { ok: false as const, error: "refused" as const, afterMs: 0 };
  if (!probe.ok) {
    let error = probe.error;
    let after = probe.afterMs;
    if (o.wait !== undefined && o.wait > 0 && after > o.wait * 1000) {
      after = o.wait * 1000;
      error = "timeout";
    }
    ctx.state.advance(after);
    if (o.verbose > 1 || (o.verbose === 1 && error !== "refused")) ctx.io.err(`nc: ${host} (${dotted}): ${errnoText(ctx, error)}\n`);
    return 1;
  }
  if (o.verbose) ctx.io.err(`${host} (${dotted}) open\n`);
  if (o.zero) {
    net.exchange?.(ip, p, "", nowAt(ctx));
    return 0;
  }
  // Send all of stdin, half-close, print the answer until the server closes.
  const input = ctx.stdin.readAll();
  const conn = net.exchange?.(ip, p, input, nowAt(ctx));
  if (conn?.ok) ctx.io.out(conn.reply);
  return 0;
};
