// docker/cli opts validators that run while flags are parsed (their errors become 125 flag
// errors). Sources: docker/cli opts/{opts.go,env.go,hosts.go,parse.go,throttledevice.go,
// weightdevice.go,gpus.go,ulimit.go}, go-units ulimit.go, docker/cli cli/command/container/opts.go.
import { isIP } from "node:net";
import type { FlagContext } from "../spec.js";
import { goQuote, parseInt0, ramInBytes } from "./go-parse.js";

export function validateEnv(val: string, ctx: FlagContext): string {
  const eq = val.indexOf("=");
  const key = eq < 0 ? val : val.slice(0, eq);
  if (key === "") throw new Error(`invalid environment variable: ${val}`);
  if (eq >= 0) return val;
  const fromEnv = ctx.env[key];
  return fromEnv !== undefined ? `${key}=${fromEnv}` : val;
}

export function validateLabel(val: string): string {
  const key = (val.split("=", 1)[0] ?? "").trim();
  if (key === "") throw new Error(`invalid label '${val}': empty name`);
  if (/[ \t\n\v\f\r]/.test(key)) throw new Error(`label '${key}' contains whitespaces`);
  return val;
}

export function validateIPAddress(val: string): string {
  const ip = val.trim();
  if (isIP(ip) === 0) throw new Error(`IP address is not correctly formatted: ${val}`);
  return ip;
}

export function validateExtraHost(val: string): string {
  let sep = val.indexOf("=");
  if (sep < 0) sep = val.indexOf(":");
  const k = sep < 0 ? "" : val.slice(0, sep);
  let v = sep < 0 ? "" : val.slice(sep + 1);
  if (sep < 0 || k === "" || k.includes(":")) throw new Error(`bad format for add-host: ${goQuote(val)}`);
  if (v !== "host-gateway") {
    if (v.length > 2 && v.startsWith("[") && v.endsWith("]")) v = v.slice(1, -1);
    if (isIP(v.trim()) === 0) throw new Error(`invalid IP address in add-host: ${goQuote(v)}`);
  }
  return val;
}

const domainRe =
  /^(:?(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))(:?\.(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])))*)\.?\s*$/;

export function validateDNSSearch(val: string): string {
  if (val.trim() === ".") return val;
  if (!domainRe.test(val) || val.length > 255) throw new Error(`${val} is not a valid domain`);
  return val;
}

const sysctls = new Set([
  "kernel.msgmax",
  "kernel.msgmnb",
  "kernel.msgmni",
  "kernel.sem",
  "kernel.shmall",
  "kernel.shmmax",
  "kernel.shmmni",
  "kernel.shm_rmid_forced",
]);

export function validateSysctl(val: string): string {
  const parts = val.split("=");
  const key = parts[0]!;
  if (parts.length >= 2 && (sysctls.has(key) || key.startsWith("net.") || key.startsWith("fs.mqueue."))) return val;
  throw new Error(`sysctl '${val}' is not allowed`);
}

export function validateLink(val: string): string {
  if (val === "") throw new Error("empty string specified for links");
  if (val.split(":").length > 2) throw new Error(`bad format for links: ${val}`);
  return val;
}

export function validateAttach(val: string): string {
  const s = val.toLowerCase();
  if (s === "stdin" || s === "stdout" || s === "stderr") return s;
  throw new Error("valid streams are STDIN, STDOUT and STDERR");
}

function splitDevice(val: string): [string, string] {
  const i = val.indexOf(":");
  if (i <= 0) throw new Error(`bad format: ${val}`);
  const path = val.slice(0, i);
  if (!path.startsWith("/dev/")) throw new Error(`bad format for device path: ${val}`);
  return [path, val.slice(i + 1)];
}

export function validateThrottleBps(val: string): string {
  const [, rate] = splitDevice(val);
  let n: number;
  try {
    n = ramInBytes(rate);
  } catch {
    n = -1;
  }
  if (n < 0) {
    throw new Error(
      `invalid rate for device: ${val}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`,
    );
  }
  return val;
}

export function validateThrottleIops(val: string): string {
  const [, rate] = splitDevice(val);
  if (!/^\d+$/.test(rate) || BigInt(rate) >= 1n << 64n) {
    throw new Error(
      `invalid rate for device: ${val}. The correct format is <device-path>:<number>. Number must be a positive integer`,
    );
  }
  return val;
}

export function validateWeightDevice(val: string): string {
  const [, w] = splitDevice(val);
  const n = /^\d+$/.test(w) ? Number(w) : NaN;
  if (!(n <= 65535) || (n > 0 && (n < 10 || n > 1000))) throw new Error(`invalid weight for device: ${val}`);
  return val;
}

const ulimitNames = new Set([
  "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice",
  "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack",
]);

function parseInt10(s: string): number {
  const why = !/^[+-]?\d+$/.test(s)
    ? "invalid syntax"
    : BigInt(s) > 9223372036854775807n || BigInt(s) < -9223372036854775808n
      ? "value out of range"
      : "";
  if (why) throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: ${why}`);
  return Number(s);
}

export function validateUlimit(val: string): string {
  const eq = val.indexOf("=");
  if (eq < 0) throw new Error(`invalid ulimit argument: ${val}`);
  const name = val.slice(0, eq);
  const limits = val.slice(eq + 1);
  if (!ulimitNames.has(name)) throw new Error(`invalid ulimit type: ${name}`);
  const parts = limits.split(":");
  if (parts.length > 2) {
    throw new Error(`too many limit value arguments - ${limits}, can only have up to two, \`soft[:hard]\``);
  }
  const hard = parts.length === 2 ? parseInt10(parts[1]!) : undefined;
  const soft = parseInt10(parts[0]!);
  if (hard !== undefined && hard !== -1 && soft > hard) {
    throw new Error(`ulimit soft limit must be less than or equal to hard limit: ${soft} > ${hard}`);
  }
  return val;
}

/** Splits one CSV record (encoding/csv with default settings). */
export function splitCsv(value: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= value.length) {
    if (value[i] === '"') {
      let field = "";
      i++;
      while (i < value.length) {
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += value[i++];
      }
      const end = value.indexOf(",", i);
      field += end < 0 ? value.slice(i) : value.slice(i, end);
      out.push(field);
      i = end < 0 ? value.length + 1 : end + 1;
    } else {
      const end = value.indexOf(",", i);
      out.push(end < 0 ? value.slice(i) : value.slice(i, end));
      i = end < 0 ? value.length + 1 : end + 1;
    }
  }
  return out;
}

export function validateGpus(val: string): string {
  const fields = splitCsv(val);
  for (const field of fields) {
    const eq = field.indexOf("=");
    const key = eq < 0 ? "" : field.slice(0, eq);
    const v = eq < 0 ? field : field.slice(eq + 1);
    if (eq < 0 && fields.length !== 1) throw new Error(`invalid field '${field}' must be a key=value pair`);
    if (eq < 0 || key === "count") {
      if (v !== "all") {
        try {
          parseInt0(v);
        } catch {
          throw new Error(`invalid count (${v}): value must be either "all" or an integer: invalid syntax`);
        }
      }
    } else if (!["driver", "capabilities", "device", "options"].includes(key)) {
      throw new Error(`unexpected key '${key}' in '${field}'`);
    }
  }
  return val;
}
