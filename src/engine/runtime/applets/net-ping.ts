// busybox ping (networking/ping.c): one echo request a second, a line per reply, statistics
// at the end (-c COUNT sent, -w DEADLINE passed, or -W seconds without the last reply).
import type { Applet, CommandContext } from "./context.js";
import { bbUsage, errnoText, lookup, netOf } from "./net-common.js";

const USAGE = "ping [OPTIONS] HOST";
/** Seconds to wait for the last reply when none came (MAXWAIT). */
const MAXWAIT = 10;

interface PingOptions {
  count: number;
  deadline: number;
  timeout: number;
  size: number;
  quiet: boolean;
  interval: number;
  host?: string;
}

function parse(args: string[]): PingOptions | { bad: string } | { badNumber: string } {
  const o: PingOptions = { count: 0, deadline: 0, timeout: MAXWAIT, size: 56, quiet: false, interval: 1 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("-") || a === "-") {
      if (o.host !== undefined) return { bad: "" };
      o.host = a;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if ("cwWsitIpm".includes(f)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) return { bad: f };
        const n = Number(value);
        if (f !== "I" && f !== "p" && (!/^\d+(\.\d+)?$/.test(value) || (f !== "i" && !Number.isInteger(n)))) return { badNumber: value };
        if (f === "c") o.count = n;
        else if (f === "w") o.deadline = n;
        else if (f === "W") o.timeout = n;
        else if (f === "s") o.size = n;
        else if (f === "i") o.interval = n;
        break;
      }
      if (f === "q") o.quiet = true;
      else if (!"46nAv".includes(f)) return { bad: f };
    }
  }
  return o;
}

export const ping: Applet = (ctx: CommandContext) => {
  const o = parse(ctx.argv.slice(1));
  if ("badNumber" in o) {
    ctx.io.err(`ping: invalid number '${o.badNumber}'\n`);
    return 1;
  }
  if ("bad" in o || o.host === undefined) {
    if ("bad" in o && o.bad !== "") ctx.io.err(`ping: invalid option -- '${o.bad}'\n`);
    return bbUsage(ctx, USAGE);
  }
  const host = o.host;
  const ip = lookup(ctx, host);
  if (!ip) {
    ctx.io.err(`ping: bad address '${host}'\n`);
    return 1;
  }
  const net = netOf(ctx);
  ctx.io.out(`PING ${host} (${ip}): ${o.size} data bytes\n`);
  let sent = 0;
  let received = 0;
  const times: number[] = [];
  const stats = () => {
    const loss = sent === 0 ? 0 : Math.floor(((sent - received) * 100) / sent);
    let text = `\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`;
    if (times.length > 0) {
      const us = (n: number) => `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, "0")}`;
      const avg = Math.floor(times.reduce((a, b) => a + b, 0) / times.length);
      text += `round-trip min/avg/max = ${us(Math.min(...times))}/${us(avg)}/${us(Math.max(...times))} ms\n`;
    }
    ctx.io.out(text);
  };
  const deadlineMs = o.deadline * 1000;
  const start = ctx.state.now;
  const intervalMs = Math.max(1, Math.round(o.interval * 1000));
  for (;;) {
    ctx.state.tick();
    const reply = net.ping ? net.ping(ip) : { ok: false as const };
    if (!reply.ok && reply.error === "netunreach") {
      ctx.io.err(`ping: sendto: ${errnoText(ctx, "netunreach")}\n`);
      return 1;
    }
    sent++;
    if (reply.ok) {
      received++;
      const us = Math.max(1, Math.round(reply.rttMs * (0.9 + ctx.state.proc.random() * 0.25) * 1000));
      times.push(us);
      if (!o.quiet) {
        ctx.io.out(`${o.size + 8} bytes from ${ip}: seq=${sent - 1} ttl=${reply.ttl} time=${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, "0")} ms\n`);
      }
      if (o.count > 0 && received >= o.count) break;
    }
    const elapsed = ctx.state.now - start;
    if (o.count > 0 && sent >= o.count) {
      // All sent: wait -W seconds for a reply that never comes, or the deadline, whichever is first.
      let wait = o.timeout * 1000;
      if (deadlineMs > 0) wait = Math.min(wait, Math.max(0, deadlineMs - elapsed));
      ctx.state.advance(wait);
      break;
    }
    if (deadlineMs > 0 && elapsed + intervalMs >= deadlineMs) {
      ctx.state.advance(deadlineMs - elapsed);
      break;
    }
    ctx.state.advance(intervalMs);
  }
  stats();
  if (received === 0) return 1;
  return deadlineMs > 0 && o.count > 0 && received < o.count ? 1 : 0;
};
