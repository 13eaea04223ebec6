// --network's value (docker/cli v28: opts/network.go NetworkOpt.Set): a name, or the long
// CSV syntax "name=x,alias=y,ip=z,...". Docker lower-cases each whole field, values too.
import { splitCsv } from "./validators.js";

export interface NetworkAttachment {
  target: string;
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
  macAddress?: string;
  linkLocalIps: string[];
  driverOpts: Record<string, string>;
}

const LONG_SYNTAX = /\w+=\w+(,\w+=\w+)*/;

/** Throws Error with NetworkOpt.Set's text. */
export function parseNetworkAttachment(value: string): NetworkAttachment {
  const a: NetworkAttachment = { target: "", aliases: [], linkLocalIps: [], driverOpts: {} };
  if (!LONG_SYNTAX.test(value)) return { ...a, target: value };
  for (const field of splitCsv(value)) {
    const lower = field.toLowerCase();
    const eq = lower.indexOf("=");
    if (eq <= 0) throw new Error(`invalid field ${field}`);
    const key = lower.slice(0, eq).trim();
    const val = lower.slice(eq + 1);
    switch (key) {
      case "name":
        a.target = val;
        break;
      case "alias":
        a.aliases.push(val);
        break;
      case "ip":
        a.ipv4Address = val;
        break;
      case "ip6":
        a.ipv6Address = val;
        break;
      case "mac-address":
        a.macAddress = val;
        break;
      case "link-local-ip":
        a.linkLocalIps.push(val);
        break;
      case "driver-opt": {
        const deq = val.indexOf("=");
        const k = (deq < 0 ? val : val.slice(0, deq)).trim();
        if (deq < 0 || k === "") throw new Error("invalid key value pair format in driver options");
        a.driverOpts[k] = val.slice(deq + 1).trim();
        break;
      }
      case "gw-priority":
        if (!/^[+-]?\d+$/.test(val)) throw new Error(`invalid gw-priority (${val}): invalid syntax`);
        break;
      default:
        throw new Error(`invalid field key ${key}`);
    }
  }
  if (a.target === "") throw new Error("network name/id is not specified");
  return a;
}

/** The flag's validator: fails at parse time as pflag reports Set errors. */
export function validateNetworkOpt(value: string): string {
  parseNetworkAttachment(value);
  return value;
}
