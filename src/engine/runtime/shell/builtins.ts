// Shell builtins. Those shared with coreutils (echo, printf, test, kill, sleep) run the applet
// code with the shell's flavour of messages.
import { normalizePath } from "../../fs/path.js";
import { APPLETS } from "../applets/index.js";
import type { CommandContext } from "../applets/context.js";
import { ExitSignal, LoopSignal, ReturnSignal, type Fds, type ShellSession } from "./session.js";
import { cdError, prefix } from "./messages.js";
import { parseScript } from "./parser.js";
import { findOnPath } from "../applets/which.js";

export type Builtin = (sh: ShellSession, argv: string[], fds: Fds) => number;

/** POSIX special builtins: assignments before them persist, and they win over functions. */
export const SPECIAL_BUILTINS = new Set([":", ".", "break", "continue", "eval", "exec", "exit", "export", "readonly", "return", "set", "shift", "trap", "unset"]);

const SIGNALS: Record<string, string> = { "0": "EXIT", "1": "HUP", "2": "INT", "3": "QUIT", "9": "KILL", "10": "USR1", "12": "USR2", "15": "TERM" };

export function appletContext(sh: ShellSession, argv: string[], fds: Fds): CommandContext {
  return {
    argv,
    name: argv[0]!,
    env: sh.exportedEnv(),
    cwd: sh.cwd,
    stdin: fds.in,
    io: { out: fds.out, err: fds.err },
    flavor: sh.flavor === "ash" ? "busybox" : "gnu",
    state: sh.state,
    exec: (a, o) => sh.state.launch(a, o),
    piped: fds.piped,
    shellPid: sh.pid,
  };
}

/**
 * Runs the applet as the shell's builtin. Its "name: " message prefix becomes the shell's:
 * busybox's builtins print applet_name ("sh: a: bad number"), bash and dash name the builtin
 * after their usual prefix ("bash: line 1: [: a: integer expression expected").
 */
const viaApplet =
  (name: string): Builtin =>
  (sh, argv, fds) => {
    const own = `${argv[0]}: `;
    const head = sh.flavor === "ash" ? `${sh.shellName}: ` : prefix(sh.messages, argv[0]);
    const err = (text: string) =>
      fds.err(
        text
          .split(/(?<=\n)/)
          .map((l) => (l.startsWith(own) ? head + l.slice(own.length) : l))
          .join(""),
      );
    const ctx = appletContext(sh, argv, fds);
    return APPLETS[name]!({ ...ctx, io: { out: fds.out, err }, shell: sh.flavor });
  };

function err(sh: ShellSession, fds: Fds, builtin: string, text: string): void {
  fds.err(`${prefix(sh.messages, builtin)}${text}\n`);
}

function isName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

function numericArg(sh: ShellSession, fds: Fds, builtin: string, arg: string | undefined, dflt: number): number | undefined {
  if (arg === undefined) return dflt;
  if (/^-?\d+$/.test(arg)) return Number(arg);
  if (sh.flavor === "bash") err(sh, fds, builtin, `${arg}: numeric argument required`);
  else err(sh, fds, builtin, `Illegal number: ${arg}`);
  return undefined;
}

function sourceFile(sh: ShellSession, argv: string[], fds: Fds): number {
  const file = argv[1];
  if (file === undefined) return 0;
  const path = file.includes("/") ? normalizePath(file, sh.cwd) : findOnPath(sh.state.fs, file, sh.vars.get("PATH")) ?? normalizePath(file, sh.cwd);
  let text: string;
  try {
    text = sh.state.fs.readFile(path);
  } catch {
    if (sh.flavor === "bash") err(sh, fds, argv[0]!, `${file}: No such file or directory`);
    else if (sh.flavor === "dash") err(sh, fds, argv[0]!, `cannot open ${file}: No such file`);
    else fds.err(`${prefix(sh.messages)}${argv[0]}: line ${sh.line}: can't open '${file}': No such file or directory\n`);
    if (sh.flavor !== "bash") throw new ExitSignal(sh.flavor === "dash" ? 2 : 1);
    return 1;
  }
  const saved = sh.positional;
  if (argv.length > 2) sh.positional = argv.slice(2);
  try {
    sh.exec(parseScript(text), fds);
    return sh.status;
  } catch (e) {
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    sh.positional = saved;
  }
}

export const BUILTINS: Record<string, Builtin> = {
  ":": () => 0,
  true: () => 0,
  false: () => 1,
  echo: (sh, argv, fds) => {
    if (sh.flavor !== "dash") return viaApplet("echo")(sh, argv, fds);
    // dash's echo takes only -n and always interprets backslash escapes.
    const args = argv.slice(1);
    const noNl = args[0] === "-n";
    if (noNl) args.shift();
    return APPLETS.echo!(appletContext(sh, ["echo", ...(noNl ? ["-ne"] : ["-e"]), ...args], fds));
  },
  printf: viaApplet("printf"),
  test: viaApplet("test"),
  "[": viaApplet("["),
  kill: viaApplet("kill"),
  // Only ash has sleep built in; bash and dash run the external one.
  sleep: (sh, argv, fds) => (sh.flavor === "ash" ? viaApplet("sleep")(sh, argv, fds) : APPLETS.sleep!(appletContext(sh, argv, fds))),
  pwd: (sh, _argv, fds) => {
    fds.out(sh.cwd + "\n");
    return 0;
  },
  cd: (sh, argv, fds) => {
    let target: string | undefined = argv[1];
    if (target === "--") target = argv[2];
    let print = false;
    if (target === undefined || target === "") {
      const home = sh.vars.get("HOME");
      if (home === undefined) return 0;
      target = home;
    } else if (target === "-") {
      target = sh.vars.get("OLDPWD") ?? sh.cwd;
      print = true;
    }
    const old = sh.cwd;
    const why = sh.changeDir(target);
    if (why) {
      const e = cdError(sh.messages, target, why);
      fds.err(e.text);
      return e.status;
    }
    sh.setVar("OLDPWD", old);
    sh.setVar("PWD", sh.cwd);
    if (print) fds.out(sh.cwd + "\n");
    return 0;
  },
  export: (sh, argv, fds) => {
    const args = argv.slice(1).filter((a) => a !== "-p");
    if (args.length === 0) {
      const head = sh.flavor === "bash" ? "declare -x " : "export ";
      for (const k of [...sh.exported].sort()) {
        const v = sh.vars.get(k);
        fds.out(v === undefined ? `${head}${k}\n` : `${head}${k}="${v.replace(/(["\\$`])/g, "\\$1")}"\n`);
      }
      return 0;
    }
    for (const a of args) {
      const eq = a.indexOf("=");
      const name = eq < 0 ? a : a.slice(0, eq);
      if (!isName(name)) {
        if (sh.flavor === "bash") {
          err(sh, fds, "export", `\`${a}': not a valid identifier`);
          return 1;
        }
        // ash/dash setvar(): an error in a special builtin ends a non-interactive shell with 2.
        err(sh, fds, "export", `${name}: bad variable name`);
        if (sh.mode === "interactive") return 2;
        throw new ExitSignal(2);
      }
      if (eq >= 0) sh.setVar(name, a.slice(eq + 1));
      sh.exported.add(name);
    }
    return 0;
  },
  readonly: (sh, argv) => {
    for (const a of argv.slice(1)) {
      const eq = a.indexOf("=");
      if (eq > 0) sh.setVar(a.slice(0, eq), a.slice(eq + 1));
    }
    return 0;
  },
  local: (sh, argv) => {
    for (const a of argv.slice(1)) {
      const eq = a.indexOf("=");
      const name = eq < 0 ? a : a.slice(0, eq);
      sh.declareLocal(name);
      sh.setVar(name, eq < 0 ? (sh.vars.get(name) ?? "") : a.slice(eq + 1));
    }
    return 0;
  },
  unset: (sh, argv, fds) => {
    let fn = false;
    for (const a of argv.slice(1)) {
      if (a === "-f") fn = true;
      else if (a === "-v") fn = false;
      else if (fn) sh.functions.delete(a);
      else if (!isName(a) && sh.flavor !== "dash") {
        if (sh.flavor === "bash") {
          err(sh, fds, "unset", `\`${a}': not a valid identifier`);
          return 1;
        }
        // busybox ash: unsetvar() goes through setvar()'s name check, a special builtin's error.
        err(sh, fds, "unset", `${a}: bad variable name`);
        if (sh.mode === "interactive") return 2;
        throw new ExitSignal(2);
      } else sh.unsetVar(a);
    }
    return 0;
  },
  exit: (sh, argv, fds) => {
    const n = numericArg(sh, fds, "exit", argv[1], sh.status);
    throw new ExitSignal(n === undefined ? 2 : n & 255);
  },
  return: (sh, argv, fds) => {
    const n = numericArg(sh, fds, "return", argv[1], sh.status);
    throw new ReturnSignal(n === undefined ? 2 : n & 255);
  },
  break: (_sh, argv) => {
    throw new LoopSignal("break", Math.max(1, Number(argv[1] ?? 1) || 1));
  },
  continue: (_sh, argv) => {
    throw new LoopSignal("continue", Math.max(1, Number(argv[1] ?? 1) || 1));
  },
  shift: (sh, argv, fds) => {
    const n = Number(argv[1] ?? 1);
    if (n > sh.positional.length) {
      if (sh.flavor === "bash") return 1;
      err(sh, fds, "shift", `can't shift that many`);
      throw new ExitSignal(2);
    }
    sh.positional = sh.positional.slice(n);
    return 0;
  },
  set: (sh, argv, fds) => {
    const args = argv.slice(1);
    if (args.length === 0) {
      for (const k of [...sh.vars.keys()].sort()) fds.out(`${k}='${(sh.vars.get(k) ?? "").replace(/'/g, "'\\''")}'\n`);
      return 0;
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === "--") {
        sh.positional = args.slice(i + 1);
        return 0;
      }
      if (a === "-o" || a === "+o") {
        if (args[i + 1] === "errexit") sh.errexit = a === "-o";
        i++;
        continue;
      }
      if (/^[-+][a-zA-Z]+$/.test(a)) {
        if (a.includes("e")) sh.errexit = a.startsWith("-");
        continue;
      }
      sh.positional = args.slice(i);
      return 0;
    }
    return 0;
  },
  trap: (sh, argv, fds) => {
    const args = argv.slice(1);
    if (args.length === 0) {
      for (const [sig, action] of sh.traps) fds.out(`trap -- '${action}' ${sig}\n`);
      return 0;
    }
    const action = args[0]!;
    const sigs = /^\d+$/.test(action) && args.length === 1 ? args : args.slice(1);
    const reset = action === "-" || sigs === args;
    for (const s of sigs) {
      const name = SIGNALS[s] ?? s.toUpperCase().replace(/^SIG/, "");
      if (reset) sh.traps.delete(name);
      else sh.traps.set(name, action);
    }
    return 0;
  },
  wait: (sh, argv) => sh.waitJobs(argv.slice(1).map(Number).filter((n) => !Number.isNaN(n))),
  exec: (sh, argv, fds) => {
    const args = argv.slice(1);
    if (args.length === 0) return 0;
    const code = sh.invoke(args[0]!, args, [], fds, true);
    throw new ExitSignal(code);
  },
  eval: (sh, argv, fds) => {
    const src = argv.slice(1).join(" ");
    sh.exec(parseScript(src), fds);
    return sh.status;
  },
  ".": sourceFile,
  source: sourceFile,
  read: (sh, argv, fds) => {
    const names: string[] = [];
    let raw = false;
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === "-r") raw = true;
      else if (a === "-p") {
        fds.err(argv[++i] ?? "");
      } else names.push(a);
    }
    if (names.length === 0) names.push("REPLY");
    const got = fds.in.readLine();
    if (!got) {
      for (const n of names) sh.setVar(n, "");
      return 1;
    }
    let line = got.line;
    if (!raw) line = line.replace(/\\(.)/g, "$1");
    const ifs = sh.vars.get("IFS") ?? " \t\n";
    const fields: string[] = [];
    let rest = names.length === 1 && names[0] === "REPLY" ? line : line.replace(new RegExp(`^[${escapeClass(ifs)}]+`), "");
    for (let i = 0; i < names.length - 1; i++) {
      const m = new RegExp(`^([^${escapeClass(ifs)}]*)[${escapeClass(ifs)}]*`).exec(rest)!;
      fields.push(m[1]!);
      rest = rest.slice(m[0].length);
    }
    fields.push(rest.replace(new RegExp(`[${escapeClass(ifs.replace(/[^ \t\n]/g, ""))}]+$`), ""));
    names.forEach((n, i) => sh.setVar(n, fields[i] ?? ""));
    return got.partial ? 1 : 0;
  },
  type: (sh, argv, fds) => {
    let st = 0;
    for (const n of argv.slice(1)) {
      const d = describe(sh, n);
      if (d) fds.out(d.long + "\n");
      else {
        if (sh.flavor === "bash") err(sh, fds, "type", `${n}: not found`);
        else fds.out(`${n}: not found\n`);
        st = 1;
      }
    }
    return st;
  },
  command: (sh, argv, fds) => {
    const args = argv.slice(1);
    if (args[0] === "-v" || args[0] === "-V") {
      let st = 0;
      for (const n of args.slice(1)) {
        const d = describe(sh, n);
        if (d) fds.out((args[0] === "-v" ? d.short : d.long) + "\n");
        else st = 1;
      }
      return st;
    }
    if (args.length === 0) return 0;
    const b = BUILTINS[args[0]!];
    return b ? b(sh, args, fds) : sh.external(args, {}, fds, false);
  },
  umask: (_sh, argv, fds) => {
    if (argv.length === 1) fds.out("0022\n");
    return 0;
  },
  hash: () => 0,
  alias: () => 0,
  unalias: () => 0,
  ulimit: (_sh, _argv, fds) => {
    fds.out("unlimited\n");
    return 0;
  },
};

function escapeClass(s: string): string {
  return s.replace(/[\]\\^-]/g, "\\$&").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
}

function describe(sh: ShellSession, n: string): { short: string; long: string } | undefined {
  if (sh.functions.has(n)) return { short: n, long: `${n} is a ${sh.flavor === "bash" ? "function" : "shell function"}` };
  if (BUILTINS[n]) {
    const special = SPECIAL_BUILTINS.has(n) && sh.flavor !== "bash";
    return { short: n, long: `${n} is a ${special ? "special " : ""}shell builtin` };
  }
  const p = findOnPath(sh.state.fs, n, sh.vars.get("PATH"));
  if (p) return { short: p, long: `${n} is ${p}` };
  return undefined;
}
