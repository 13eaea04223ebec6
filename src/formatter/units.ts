// docker/go-units v0.5.0 (size.go, duration.go).
import { formatG } from "./gofloat.js";
import { goQuote } from "./strings.js";

export { formatG } from "./gofloat.js";

const DECIMAL_ABBRS = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
const BINARY_ABBRS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];

function sizeAndUnit(size: number, base: number, map: string[]): [number, string] {
  let i = 0;
  while (size >= base && i < map.length - 1) {
    size /= base;
    i++;
  }
  return [size, map[i]!];
}

/** units.HumanSizeWithPrecision: base 1000, `%.<precision>g`, e.g. "7.8MB", "1e+03kB". */
export function humanSizeWithPrecision(size: number, precision: number): string {
  const [n, unit] = sizeAndUnit(size, 1000, DECIMAL_ABBRS);
  return formatG(n, precision) + unit;
}

/** units.HumanSize: HumanSizeWithPrecision(size, 4). */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4);
}

/** units.BytesSize: base 1024, `%.4g`, e.g. "7.667GiB". */
export function bytesSize(size: number): string {
  const [n, unit] = sizeAndUnit(size, 1024, BINARY_ABBRS);
  return formatG(n, 4) + unit;
}

/** units.HumanDuration (duration.go); input in milliseconds. The daemon needs it too (status). */
export { humanDuration } from "../client/units.js";

/** Error thrown by the size parsers; message is go-units' text. */
export class UnitsError extends Error {
  override name = "UnitsError";
}

const DECIMAL_MAP: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15 };
const BINARY_MAP: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };

// strconv.ParseFloat for the decimal forms docker users type.
const FLOAT_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseGoFloat(s: string): number {
  if (!FLOAT_RE.test(s)) {
    throw new UnitsError(`strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax`);
  }
  return Number(s);
}

function parseSize(sizeStr: string, map: Record<string, number>): number {
  let sep = -1;
  for (let i = sizeStr.length - 1; i >= 0; i--) {
    if ("01234567890. ".includes(sizeStr[i]!)) {
      sep = i;
      break;
    }
  }
  if (sep === -1) throw new UnitsError(`invalid size: '${sizeStr}'`);
  let num: string;
  let sfx: string;
  if (sizeStr[sep] !== " ") {
    num = sizeStr.slice(0, sep + 1);
    sfx = sizeStr.slice(sep + 1);
  } else {
    num = sizeStr.slice(0, sep);
    sfx = sizeStr.slice(sep + 1);
  }
  let size = parseGoFloat(num);
  if (size < 0) throw new UnitsError(`invalid size: '${sizeStr}'`);
  if (sfx.length === 0) return Math.trunc(size);
  const bad = (s: string): never => {
    throw new UnitsError(`invalid suffix: '${s}'`);
  };
  if (sfx.length > 3) bad(sfx);
  sfx = sfx.toLowerCase();
  if (sfx[0] === "b") {
    if (sfx.length > 1) bad(sfx);
    return Math.trunc(size);
  }
  const mul = map[sfx[0]!];
  if (mul === undefined) bad(sfx);
  size *= mul!;
  if ((sfx.length === 2 && sfx[1] !== "b") || (sfx.length === 3 && sfx.slice(1) !== "ib")) bad(sfx);
  return Math.trunc(size);
}

/** units.RAMInBytes (binary multiples), as used by `docker run -m`. Throws UnitsError. */
export function ramInBytes(size: string): number {
  return parseSize(size, BINARY_MAP);
}

/** units.FromHumanSize (decimal multiples). Throws UnitsError. */
export function fromHumanSize(size: string): number {
  return parseSize(size, DECIMAL_MAP);
}
