// Text filters: wc grep head tail tr cut sort uniq tee.
import { type Applet, type CommandContext, NeverExits, abs, errText, parseFlags } from "./context.js";
import { CANT_OPEN, PERROR_PATH, badOption, fail, lines, readInputs, tryHelp, unescape, unknownFlag } from "./util.js";

const wc: Applet = (ctx) => {
  const { flags, operands } = parseFlags(ctx.argv.slice(1));
  const bad = unknownFlag(flags, "lwcmL");
  if (bad) return badOption(ctx, bad);
  const { texts, failed } = readInputs(ctx, operands, PERROR_PATH);
  const show = flags.size ? flags : new Set(["l", "w", "c"]);
  const rows = texts.map((t) => ({
    l: (t.text.match(/\n/g) ?? []).length,
    w: t.text.split(/\s+/).filter(Boolean).length,
    c: new TextEncoder().encode(t.text).length,
    m: [...t.text].length,
    name: t.name === "-" ? "" : t.name,
  }));
  if (rows.length > 1) rows.push({ l: sum(rows, "l"), w: sum(rows, "w"), c: sum(rows, "c"), m: sum(rows, "m"), name: "total" });
  const keys = (["l", "w", "m", "c"] as const).filter((k) => show.has(k));
  const single = keys.length === 1 && operands.length === 0;
  // GNU pads to the widest count (minimum 7 when reading stdin); busybox uses width 7 for several columns.
  const width = single ? 0 : ctx.flavor === "gnu" ? Math.max(operands.length === 0 ? 7 : 1, ...rows.flatMap((r) => keys.map((k) => String(r[k]).length))) : 7;
  for (const r of rows) {
    const nums = keys.map((k) => String(r[k]).padStart(ctx.flavor === "busybox" && keys.length === 1 && r.name === "" ? 0 : width));
    ctx.io.out(nums.join(ctx.flavor === "busybox" ? " " : " ") + (r.name ? ` ${r.name}` : "") + "\n");
  }
  return failed ? 1 : 0;
};

function sum<T extends Record<string, unknown>>(rows: T[], k: keyof T): number {
  return rows.reduce((a, r) => a + (r[k] as number), 0);
}

function toRegex(pattern: string, extended: boolean, fixed: boolean, ignoreCase: boolean, word: boolean, whole: boolean): RegExp {
  let src: string;
  if (fixed) src = pattern.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  else if (extended) src = pattern;
  else src = basicToJs(pattern);
  if (word) src = `\\b(?:${src})\\b`;
  if (whole) src = `^(?:${src})$`;
  return new RegExp(src, ignoreCase ? "i" : "");
}

/** POSIX basic regex to JS: \( \) \{ \} \| are the operators, bare ( ) { } | + ? are literals. */
export function basicToJs(p: string): string {
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === "\\" && i + 1 < p.length) {
      const n = p[++i]!;
      if ("(){}|+?".includes(n)) out += n;
      else out += "\\" + n;
    } else if ("(){}|+?".includes(c)) out += "\\" + c;
    else if (c === "[") {
      const end = p.indexOf("]", i + 2);
      if (end < 0) out += "\\[";
      else {
        out += p.slice(i, end + 1).replace(/\[:(\w+):\]/g, (_m, cls: string) => POSIX_CLASSES[cls] ?? "");
        i = end;
      }
    } else out += c;
  }
  return out;
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
};

const grep: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  const patterns: string[] = [];
  const flags = new Set<string>();
  const operands: string[] = [];
  let maxCount = Infinity;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("-") && a.length > 1 && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (f === "e" || f === "m") {
          const v = a.slice(j + 1) || args[++i] || "";
          if (f === "e") patterns.push(v);
          else maxCount = Number(v);
          break;
        }
        if (!"ivnclLrRqsEFwxhoH".includes(f)) return badOption(ctx, f, 2);
        flags.add(f);
      }
    } else operands.push(a);
  }
  if (patterns.length === 0) {
    const p = operands.shift();
    if (p === undefined) {
      if (ctx.flavor === "gnu") ctx.io.err("Usage: grep [OPTION]... PATTERNS [FILE]...\n");
      tryHelp(ctx);
      return 2;
    }
    patterns.push(...p.split("\n"));
  }
  const extended = flags.has("E") || ctx.name === "egrep";
  const res = patterns.map((p) => toRegex(p, extended, flags.has("F"), flags.has("i"), flags.has("w"), flags.has("x")));
  const recursive = flags.has("r") || flags.has("R");
  const fs = ctx.state.fs;
  const inputs: Array<{ name: string; text?: string }> = [];
  let errors = false;
  const collect = (name: string): void => {
    const p = abs(ctx, name);
    const e = fs.stat(p);
    if (e?.type === "dir") {
      if (!recursive) {
        if (!flags.has("s")) fail(ctx, `${name}: Is a directory`);
        errors = ctx.flavor === "gnu" ? true : errors;
        return;
      }
      for (const n of fs.readdir(p)) collect(name.endsWith("/") ? name + n : `${name}/${n}`);
      return;
    }
    try {
      inputs.push({ name, text: fs.readFile(p) });
    } catch (err) {
      if (!flags.has("s")) fail(ctx, `${name}: ${errText(err, ctx.flavor)}`);
      errors = true;
    }
  };
  if (operands.length === 0) {
    if (recursive) collect(".");
    else inputs.push({ name: "(standard input)", text: ctx.stdin.readAll() });
  } else for (const o of operands) collect(o);
  const showNames = (operands.length > 1 || recursive || flags.has("H")) && !flags.has("h");
  let matched = false;
  let out = "";
  for (const input of inputs) {
    let count = 0;
    const ls = lines(input.text ?? "");
    for (let n = 0; n < ls.length && count < maxCount; n++) {
      const line = ls[n]!;
      const hit = res.some((r) => r.test(line)) !== flags.has("v");
      if (!hit) continue;
      count++;
      matched = true;
      if (flags.has("q")) return 0;
      if (flags.has("c") || flags.has("l") || flags.has("L")) continue;
      const pre = (showNames ? `${input.name}:` : "") + (flags.has("n") ? `${n + 1}:` : "");
      if (flags.has("o") && !flags.has("v")) {
        for (const r of res) for (const m of line.matchAll(new RegExp(r.source, r.flags + "g"))) if (m[0]) out += `${pre}${m[0]}\n`;
      } else out += `${pre}${line}\n`;
    }
    if (flags.has("c")) out += (showNames ? `${input.name}:` : "") + `${count}\n`;
    if (flags.has("l") && count > 0) out += `${input.name}\n`;
    if (flags.has("L") && count === 0) out += `${input.name}\n`;
  }
  ctx.io.out(out);
  if (errors && !(flags.has("q") && matched)) return 2;
  return matched ? 0 : 1;
};

function countArg(ctx: CommandContext, args: string[]): { n: number; fromEnd: boolean; follow: boolean; files: string[]; bad?: number } {
  let n = 10;
  let fromEnd = true;
  let follow = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-f" || a === "-F" || a === "--follow") follow = true;
    else if (/^-n/.test(a) || a === "-c") {
      const v = a.length > 2 ? a.slice(2) : args[++i] ?? "";
      if (v.startsWith("+")) fromEnd = false;
      n = Math.abs(Number(v.replace(/^\+/, "")));
      if (v.startsWith("-")) fromEnd = true;
      if (Number.isNaN(n)) {
        fail(ctx, ctx.flavor === "busybox" ? `invalid number '${v}'` : `invalid number of lines: '${v}'`);
        return { n: 0, fromEnd, follow, files, bad: 1 };
      }
    } else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a === "-q" || a === "-v" || a === "-s") continue;
    else files.push(a);
  }
  return { n, fromEnd, follow, files };
}

// busybox head uses fopen_or_warn_stdin (coreutils/head.c), tail open_or_warn_stdin (tail.c).
const OPEN_FOR_READING = {
  bb: (f: string, why: string) => `can't open '${f}': ${why}`,
  gnu: (f: string, why: string) => `cannot open '${f}' for reading: ${why}`,
};
const HEAD_OPEN = { bb: PERROR_PATH.bb, gnu: OPEN_FOR_READING.gnu };

const head: Applet = (ctx) => {
  const o = countArg(ctx, ctx.argv.slice(1));
  if (o.bad) return o.bad;
  const { texts, failed } = readInputs(ctx, o.files, HEAD_OPEN);
  texts.forEach((t, i) => {
    if (texts.length > 1) ctx.io.out(`${i ? "\n" : ""}==> ${t.name === "-" ? "standard input" : t.name} <==\n`);
    const ls = t.text.split(/(?<=\n)/);
    ctx.io.out(ls.slice(0, o.n).join(""));
  });
  return failed ? 1 : 0;
};

const tail: Applet = (ctx) => {
  const o = countArg(ctx, ctx.argv.slice(1));
  if (o.bad) return o.bad;
  const { texts, failed } = readInputs(ctx, o.files, OPEN_FOR_READING);
  // busybox tail gives up when no file opened.
  if (ctx.flavor === "busybox" && texts.length === 0) {
    fail(ctx, "no files");
    return 1;
  }
  texts.forEach((t, i) => {
    if (texts.length > 1) ctx.io.out(`${i ? "\n" : ""}==> ${t.name === "-" ? "standard input" : t.name} <==\n`);
    const ls = t.text.split(/(?<=\n)/).filter((l) => l !== "");
    ctx.io.out((o.fromEnd ? (o.n === 0 ? [] : ls.slice(-o.n)) : ls.slice(Math.max(0, o.n - 1))).join(""));
  });
  // -f waits for more data forever (the classic "keep the container alive").
  if (o.follow && (o.files.length > 0 || texts.length > 0)) throw new NeverExits();
  return failed ? 1 : 0;
};

function expandSet(s: string): string {
  const u = unescape(s).text.replace(/\[:(\w+):\]/g, (_m, c: string) => {
    const map: Record<string, string> = { lower: "a-z", upper: "A-Z", digit: "0-9", alpha: "a-zA-Z", alnum: "a-zA-Z0-9", space: " \t\n\r\f\v", blank: " \t", punct: "!-/:-@[-`{-~" };
    return map[c] ?? "";
  });
  let out = "";
  for (let i = 0; i < u.length; i++) {
    if (u[i + 1] === "-" && i + 2 < u.length) {
      for (let c = u.charCodeAt(i); c <= u.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
      i += 2;
    } else out += u[i];
  }
  return out;
}

const tr: Applet = (ctx) => {
  const { flags, operands } = parseFlags(ctx.argv.slice(1));
  const text = ctx.stdin.readAll();
  if (operands.length === 0) {
    fail(ctx, "missing operand");
    tryHelp(ctx);
    return 1;
  }
  let set1 = expandSet(operands[0]!);
  const set2 = operands[1] !== undefined ? expandSet(operands[1]) : "";
  if (flags.has("c")) {
    let all = "";
    for (let c = 0; c < 256; c++) if (!set1.includes(String.fromCharCode(c))) all += String.fromCharCode(c);
    set1 = all;
  }
  let out = "";
  let prev = "";
  for (const ch of text) {
    const idx = set1.indexOf(ch);
    let c = ch;
    if (flags.has("d")) {
      if (idx >= 0) continue;
    } else if (idx >= 0 && set2) c = set2[Math.min(idx, set2.length - 1)]!;
    const squeezeSet = flags.has("d") ? set2 : set2 || set1;
    if (flags.has("s") && c === prev && squeezeSet.includes(c)) continue;
    out += c;
    prev = c;
  }
  ctx.io.out(out);
  return 0;
};

/** Ranges like "1,3-5,7-" as a membership test (1-based). */
function ranges(spec: string): ((i: number) => boolean) | undefined {
  const parts = spec.split(",").map((p) => {
    const m = /^(\d*)(-?)(\d*)$/.exec(p);
    if (!m || (m[1] === "" && m[3] === "")) return undefined;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    return [a, b] as const;
  });
  if (parts.some((p) => !p)) return undefined;
  return (i) => parts.some((p) => i >= p![0] && i <= p![1]);
}

const cut: Applet = (ctx) => {
  const { flags, values, operands } = parseFlags(ctx.argv.slice(1), "dfcb");
  const spec = values.f ?? values.c ?? values.b;
  if (!spec) {
    fail(ctx, "you must specify a list of bytes, characters, or fields");
    tryHelp(ctx);
    return 1;
  }
  const inRange = ranges(spec);
  if (!inRange) {
    fail(ctx, ctx.flavor === "gnu" ? "invalid field value" : "invalid range");
    return 1;
  }
  const delim = values.d ?? "\t";
  const { texts, failed } = readInputs(ctx, operands, PERROR_PATH);
  let out = "";
  for (const t of texts) {
    for (const line of lines(t.text)) {
      if (values.f !== undefined) {
        if (!line.includes(delim)) {
          if (!flags.has("s")) out += line + "\n";
          continue;
        }
        out += line.split(delim).filter((_f, i) => inRange(i + 1)).join(delim) + "\n";
      } else out += [...line].filter((_c, i) => inRange(i + 1)).join("") + "\n";
    }
  }
  ctx.io.out(out);
  return failed ? 1 : 0;
};

const sort: Applet = (ctx) => {
  const { flags, values, operands } = parseFlags(ctx.argv.slice(1), "ktTo");
  const { texts, failed } = readInputs(ctx, operands, {
    bb: PERROR_PATH.bb,
    gnu: (f, why) => `cannot read: ${f}: ${why}`,
  });
  let all = texts.flatMap((t) => lines(t.text));
  const keyOf = (l: string): string => {
    if (!values.k) return l;
    const k = Number(values.k.split(",")[0]!.split(".")[0]);
    const fields = values.t !== undefined ? l.split(values.t) : l.trim().split(/\s+/);
    return fields.slice(k - 1).join(values.t ?? " ");
  };
  const cmp = (a: string, b: string): number => {
    let ka = keyOf(a);
    let kb = keyOf(b);
    if (flags.has("f")) {
      ka = ka.toUpperCase();
      kb = kb.toUpperCase();
    }
    if (flags.has("n") || flags.has("h")) {
      const d = (parseFloat(ka) || 0) - (parseFloat(kb) || 0);
      if (d !== 0) return d;
    } else if (ka !== kb) return ka < kb ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  all.sort(cmp);
  if (flags.has("r")) all.reverse();
  if (flags.has("u")) all = all.filter((l, i) => i === 0 || cmp(all[i - 1]!, l) !== 0);
  const text = all.map((l) => l + "\n").join("");
  if (values.o) ctx.state.fs.writeFile(abs(ctx, values.o), text);
  else ctx.io.out(text);
  return failed ? 2 : 0;
};

const uniq: Applet = (ctx) => {
  const { flags, operands } = parseFlags(ctx.argv.slice(1));
  const { texts, failed } = readInputs(ctx, operands.slice(0, 1), CANT_OPEN);
  const ls = texts.flatMap((t) => lines(t.text));
  const groups: Array<{ line: string; n: number }> = [];
  for (const l of ls) {
    const last = groups[groups.length - 1];
    const same = last && (flags.has("i") ? last.line.toLowerCase() === l.toLowerCase() : last.line === l);
    if (same) last.n++;
    else groups.push({ line: l, n: 1 });
  }
  let out = "";
  for (const g of groups) {
    if (flags.has("d") && g.n < 2) continue;
    if (flags.has("u") && g.n > 1) continue;
    out += (flags.has("c") ? `${String(g.n).padStart(7)} ` : "") + g.line + "\n";
  }
  ctx.io.out(out);
  return failed ? 1 : 0;
};

const tee: Applet = (ctx) => {
  const { flags, operands } = parseFlags(ctx.argv.slice(1));
  const text = ctx.stdin.readAll();
  let st = 0;
  for (const f of operands) {
    try {
      ctx.state.fs.writeFile(abs(ctx, f), text, { append: flags.has("a") });
    } catch (e) {
      fail(ctx, ctx.flavor === "busybox" ? `${f}: ${errText(e, ctx.flavor)}` : `${f}: ${errText(e, ctx.flavor)}`);
      st = 1;
    }
  }
  ctx.io.out(text);
  return st;
};

export const TEXT: Record<string, Applet> = { wc, grep, egrep: grep, head, tail, tr, cut, sort, uniq, tee };
