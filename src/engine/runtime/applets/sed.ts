// sed: s///flags, p, d, q, =, line and /regex/ addresses and ranges, -n, -e, -E/-r, -i.
import { type Applet, abs, errText } from "./context.js";
import { fail, lines, readInputs } from "./util.js";
import { basicToJs } from "./text.js";

type Addr = { line: number } | { last: true } | { re: RegExp };
interface Cmd {
  a1?: Addr;
  a2?: Addr;
  neg: boolean;
  op: string;
  re?: RegExp;
  repl?: string;
  global?: boolean;
  print?: boolean;
  text?: string;
  inRange?: boolean;
}

/** A script error in GNU's words and busybox's (editors/sed.c). */
interface ScriptError {
  gnu: string;
  bb: string;
}

function parseScript(src: string, extended: boolean): Cmd[] | ScriptError {
  const cmds: Cmd[] = [];
  let i = 0;
  let delim = "/";
  const toRe = (s: string, flags = ""): RegExp => new RegExp(extended ? s : basicToJs(s), flags);
  const delimited = (d: string): string => {
    delim = d;
    let out = "";
    while (i < src.length && src[i] !== d) {
      if (src[i] === "\\" && src[i + 1] === d) {
        out += d;
        i += 2;
      } else if (src[i] === "\\") {
        out += src[i]! + (src[i + 1] ?? "");
        i += 2;
      } else out += src[i++];
    }
    if (src[i] !== d) throw new Error("unterminated");
    i++;
    return out;
  };
  const addr = (): Addr | undefined => {
    if (/\d/.test(src[i] ?? "")) {
      const m = /^\d+/.exec(src.slice(i))!;
      i += m[0].length;
      return { line: Number(m[0]) };
    }
    if (src[i] === "$") {
      i++;
      return { last: true };
    }
    if (src[i] === "/") {
      i++;
      return { re: toRe(delimited("/")) };
    }
    return undefined;
  };
  try {
    while (i < src.length) {
      while (/[\s;]/.test(src[i] ?? "")) i++;
      if (i >= src.length) break;
      const c: Cmd = { neg: false, op: "" };
      c.a1 = addr();
      if (c.a1 && src[i] === ",") {
        i++;
        c.a2 = addr();
      }
      while (src[i] === " ") i++;
      if (src[i] === "!") {
        c.neg = true;
        i++;
      }
      c.op = src[i++] ?? "";
      if (c.op === "s") {
        const d = src[i++]!;
        const pat = delimited(d);
        c.repl = delimited(d);
        let flags = "";
        while (/[gpiI0-9]/.test(src[i] ?? "")) flags += src[i++];
        c.global = flags.includes("g");
        c.print = flags.includes("p");
        c.re = toRe(pat, flags.includes("i") || flags.includes("I") ? "i" : "");
      } else if ("aic".includes(c.op)) {
        const nl = src.indexOf("\n", i);
        const end = nl < 0 ? src.length : nl;
        c.text = src.slice(i, end).replace(/^\\?\s*/, "");
        i = end;
      } else if (!"pdqP=Nhgxn".includes(c.op) || c.op === "") {
        return { gnu: `unknown command: '${c.op}'`, bb: `unsupported command ${c.op}` };
      }
      cmds.push(c);
    }
  } catch {
    return { gnu: "unterminated `s' command", bb: `unmatched '${delim}'` };
  }
  return cmds;
}

function replacement(repl: string, m: RegExpExecArray | string[]): string {
  return repl.replace(/\\(\d)|&|\\n|\\&|\\\\/g, (t, d: string | undefined) => {
    if (t === "&") return m[0] ?? "";
    if (t === "\\n") return "\n";
    if (t === "\\&") return "&";
    if (t === "\\\\") return "\\";
    return m[Number(d)] ?? "";
  });
}

export const sed: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let inPlace = false;
  let extended = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-n") quiet = true;
    else if (a === "-e") scripts.push(args[++i] ?? "");
    else if (a === "-E" || a === "-r") extended = true;
    else if (a.startsWith("-i")) inPlace = true;
    else if (/^-[nEr]+$/.test(a)) {
      quiet ||= a.includes("n");
      extended ||= a.includes("E") || a.includes("r");
    } else if (scripts.length === 0 && !a.startsWith("-")) scripts.push(a);
    else files.push(a);
  }
  const parsed = parseScript(scripts.join("\n"), extended);
  if (!Array.isArray(parsed)) {
    fail(ctx, ctx.flavor === "busybox" ? parsed.bb : `-e expression #1, char ${scripts.join("\n").length}: ${parsed.gnu}`);
    return 1;
  }
  const run = (text: string): string => {
    const ls = lines(text);
    let out = "";
    const matchAddr = (a: Addr, n: number, line: string): boolean =>
      "line" in a ? a.line === n : "last" in a ? n === ls.length : a.re.test(line);
    for (let n = 1; n <= ls.length; n++) {
      let line = ls[n - 1]!;
      let deleted = false;
      let quit = false;
      let after = "";
      for (const c of parsed) {
        let hit: boolean;
        if (!c.a1) hit = true;
        else if (!c.a2) hit = matchAddr(c.a1, n, line);
        else if (c.inRange) {
          hit = true;
          if (matchAddr(c.a2, n, line) || ("line" in c.a2 && n >= c.a2.line)) c.inRange = false;
        } else if (matchAddr(c.a1, n, line)) {
          hit = true;
          c.inRange = !("line" in c.a2 && c.a2.line <= n);
        } else hit = false;
        if (hit === c.neg) continue;
        switch (c.op) {
          case "s": {
            let did = false;
            if (c.global) {
              const g = new RegExp(c.re!.source, c.re!.flags + "g");
              line = line.replace(g, (...m) => {
                did = true;
                return replacement(c.repl!, m.slice(0, -2) as string[]);
              });
            } else {
              const m = c.re!.exec(line);
              if (m) {
                did = true;
                line = line.slice(0, m.index) + replacement(c.repl!, m) + line.slice(m.index + m[0].length);
              }
            }
            if (did && c.print) out += line + "\n";
            break;
          }
          case "p":
            out += line + "\n";
            break;
          case "d":
            deleted = true;
            break;
          case "q":
            quit = true;
            break;
          case "=":
            out += `${n}\n`;
            break;
          case "a":
            after += c.text + "\n";
            break;
          case "i":
            out += c.text + "\n";
            break;
          case "c":
            out += c.text + "\n";
            deleted = true;
            break;
        }
        if (deleted || quit) break;
      }
      if (!deleted && !quiet) out += line + "\n";
      out += after;
      if (quit) break;
    }
    return out;
  };
  if (inPlace) {
    let st = 0;
    for (const f of files) {
      try {
        const p = abs(ctx, f);
        ctx.state.fs.writeFile(p, run(ctx.state.fs.readFile(p)));
      } catch (e) {
        fail(ctx, `can't read ${f}: ${errText(e, ctx.flavor)}`);
        st = 1;
      }
    }
    return st;
  }
  const { texts, failed } = readInputs(ctx, files, {
    bb: (f, why) => `${f}: ${why}`,
    gnu: (f, why) => `can't read ${f}: ${why}`,
  });
  ctx.io.out(run(texts.map((t) => t.text).join("")));
  // busybox: EXIT_FAILURE; GNU sed: 2 for an unreadable input.
  return failed ? (ctx.flavor === "busybox" ? 1 : 2) : 0;
};

