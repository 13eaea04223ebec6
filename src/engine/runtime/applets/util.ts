// Helpers shared by the applets: messages, reading operands, the host identity they report.
import { FsError } from "../../fs/types.js";
import { type CommandContext, abs, errText } from "./context.js";

export { KERNEL } from "../../kernel.js";

export function fail(ctx: CommandContext, text: string): void {
  ctx.io.err(`${ctx.name}: ${text}\n`);
}

/** GNU's second line after a usage error. */
export function tryHelp(ctx: CommandContext): void {
  if (ctx.flavor === "gnu" && !ctx.shell) ctx.io.err(`Try '${ctx.name} --help' for more information.\n`);
}

export function badOption(ctx: CommandContext, opt: string, code = 1): number {
  if (ctx.flavor === "busybox") fail(ctx, `unrecognized option: ${opt}`);
  else {
    fail(ctx, `invalid option -- '${opt}'`);
    tryHelp(ctx);
  }
  return code;
}

/** Checks parsed flags against the allowed letters; returns the offending one. */
export function unknownFlag(flags: Set<string>, allowed: string): string | undefined {
  for (const f of flags) if (!allowed.includes(f)) return f;
  return undefined;
}

/**
 * Contents of each operand ("-" or none: stdin). Unreadable files get the applet's message;
 * `bb`/`gnu` word it ("can't open '%s': %s" style for busybox).
 */
export function readInputs(
  ctx: CommandContext,
  files: string[],
  words: { bb: (f: string, why: string) => string; gnu: (f: string, why: string) => string },
): { texts: Array<{ name: string; text: string }>; failed: boolean } {
  const texts: Array<{ name: string; text: string }> = [];
  let failed = false;
  if (files.length === 0) files = ["-"];
  for (const f of files) {
    if (f === "-" || f === "/dev/stdin") {
      texts.push({ name: "-", text: ctx.stdin.readAll() });
      continue;
    }
    if (f === "/dev/null" || f === "/dev/zero") {
      texts.push({ name: f, text: "" });
      continue;
    }
    try {
      texts.push({ name: f, text: ctx.state.fs.readFile(abs(ctx, f)) });
    } catch (e) {
      const why = errText(e, ctx.flavor);
      fail(ctx, ctx.flavor === "busybox" ? words.bb(f, why) : words.gnu(f, why));
      failed = true;
    }
  }
  return { texts, failed };
}

/** libbb open_or_warn(): cat, tail, uniq. */
export const CANT_OPEN = {
  bb: (f: string, why: string) => `can't open '${f}': ${why}`,
  gnu: (f: string, why: string) => `${f}: ${why}`,
};

/** libbb fopen_or_warn() is bb_simple_perror_msg(path): head, wc, cut, sort, sed. */
export const PERROR_PATH = {
  bb: (f: string, why: string) => `${f}: ${why}`,
  gnu: (f: string, why: string) => `${f}: ${why}`,
};

export function lines(text: string): string[] {
  if (text === "") return [];
  const ls = text.split("\n");
  if (ls[ls.length - 1] === "") ls.pop();
  return ls;
}

export function fsCode(e: unknown): string | undefined {
  return e instanceof FsError ? e.code : undefined;
}

/** Backslash escapes of echo -e and printf. Returns the text and whether \c stopped output. */
export function unescape(s: string, octalNeedsZero = true): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== "\\" || i === s.length - 1) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", f: "\f", v: "\v", e: "\x1b", "\\": "\\" };
    if (n in simple) out += simple[n];
    else if (n === "c") return { text: out, stop: true };
    else if (n === "x") {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += "\\x";
    } else if (n === "0" || (!octalNeedsZero && /[1-7]/.test(n))) {
      const m = /^[0-7]{0,3}/.exec(s.slice(n === "0" ? i + 1 : i))!;
      out += String.fromCharCode(parseInt(m[0] || "0", 8));
      i += n === "0" ? m[0].length : m[0].length - 1;
    } else out += "\\" + n;
  }
  return { text: out, stop: false };
}

/** Wall-clock ms of the virtual "now" for this process. */
export function wallNow(ctx: CommandContext): number {
  return ctx.state.proc.startTime + ctx.state.now;
}
