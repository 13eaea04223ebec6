// The shell interpreter. A ShellSession keeps variables, functions, cwd and traps between
// runs, so an interactive shell can feed it one line at a time.
import { FsError } from "../../fs/types.js";
import { normalizePath } from "../../fs/path.js";
import type { SignalReaction } from "../types.js";
import { Input, NeverExits, type ProcessState } from "../applets/context.js";
import { ShellSyntaxError, type Node, type Redir } from "./ast.js";
import { parseScript } from "./parser.js";
import { ExpansionError, expandPattern, expandWord, expandWords, type ExpandHost } from "./expand.js";
import * as msg from "./messages.js";
import type { ShellFlavor, ShellMode } from "./messages.js";
import { BUILTINS, SPECIAL_BUILTINS } from "./builtins.js";

export interface Fds {
  in: Input;
  out: (text: string) => void;
  err: (text: string) => void;
  /** stdout goes into a pipe or a capture rather than the terminal/log. */
  piped?: boolean;
}

export class ExitSignal {
  constructor(readonly code: number) {}
}
export class ReturnSignal {
  constructor(readonly code: number) {}
}
export class LoopSignal {
  constructor(
    readonly kind: "break" | "continue",
    public levels: number,
  ) {}
}

export interface SessionInit {
  flavor: ShellFlavor;
  arg0: string;
  mode: ShellMode;
  /** Exported environment. */
  env: Record<string, string>;
  cwd: string;
  positional?: string[];
  state: ProcessState;
  pid: number;
  /** basename of the shell binary as run (busybox's applet_name: "sh", "ash"). */
  shellName?: string;
}

export class ShellSession {
  readonly flavor: ShellFlavor;
  arg0: string;
  /** Names busybox builtins' own messages ("sh: a: bad number"). */
  readonly shellName: string;
  mode: ShellMode;
  vars = new Map<string, string>();
  exported = new Set<string>();
  functions = new Map<string, Node>();
  traps = new Map<string, string>();
  cwd: string;
  positional: string[];
  status = 0;
  errexit = false;
  line = 1;
  state: ProcessState;
  readonly pid: number;
  lastBg?: number;
  /** Background jobs: when they end (virtual ms) or that they never do. */
  jobs: Array<{ pid: number; end: number; forever: boolean; status: number }> = [];
  /** >0 while running a condition, where set -e does not apply. */
  private checked = 0;
  private locals: Array<Map<string, string | undefined>> = [];
  exitedWith?: number;

  constructor(init: SessionInit) {
    this.flavor = init.flavor;
    this.arg0 = init.arg0;
    this.shellName = init.shellName ?? (init.arg0.split("/").pop() || "sh");
    this.mode = init.mode;
    this.cwd = init.cwd;
    this.positional = init.positional ?? [];
    this.state = init.state;
    this.pid = init.pid;
    for (const [k, v] of Object.entries(init.env)) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
    if (!this.vars.has("PWD")) this.vars.set("PWD", this.cwd);
    if (!this.vars.has("IFS")) this.vars.set("IFS", " \t\n");
    if (this.flavor === "bash") this.vars.set("BASH", "/bin/bash");
  }

  get messages(): msg.MessageContext {
    return { flavor: this.flavor, arg0: this.arg0, mode: this.mode, line: this.line };
  }

  /** A copy for subshells, pipelines and command substitution: changes do not flow back. */
  fork(): ShellSession {
    const s = Object.create(ShellSession.prototype) as ShellSession;
    Object.assign(s, this);
    s.vars = new Map(this.vars);
    s.exported = new Set(this.exported);
    s.functions = new Map(this.functions);
    s.traps = new Map(this.traps);
    s.positional = [...this.positional];
    s.jobs = [];
    s.locals = [];
    return s;
  }

  exportedEnv(extra?: Record<string, string>): Record<string, string> {
    const env: Record<string, string> = {};
    for (const k of this.exported) {
      const v = this.vars.get(k);
      if (v !== undefined) env[k] = v;
    }
    return { ...env, ...extra };
  }

  setVar(name: string, value: string): void {
    this.vars.set(name, value);
  }

  unsetVar(name: string): void {
    this.vars.delete(name);
    this.exported.delete(name);
  }

  declareLocal(name: string): void {
    const frame = this.locals[this.locals.length - 1];
    if (frame && !frame.has(name)) frame.set(name, this.vars.get(name));
  }

  /** Parses and runs a whole script; syntax errors print the shell's message and give 2. */
  runScript(src: string, fds: Fds): number {
    let tree: Node;
    try {
      tree = parseScript(src);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      fds.err(msg.syntaxError(this.messages, e));
      this.status = 2;
      return 2;
    }
    try {
      this.exec(tree, fds);
    } catch (e) {
      if (e instanceof ExitSignal) this.status = e.code;
      else if (e instanceof ReturnSignal) this.status = e.code;
      else if (e instanceof LoopSignal) this.status = 0;
      else throw e;
    }
    this.runExitTrap(fds);
    return this.status;
  }

  /** Interactive use: one line, session kept; `exit` sets `exitedWith`. */
  runLine(line: string, fds: Fds): number {
    try {
      this.exec(parseScript(line), fds);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        fds.err(msg.syntaxError(this.messages, e));
        this.status = 2;
      } else if (e instanceof ExitSignal) {
        this.status = e.code;
        this.exitedWith = e.code;
      } else if (e instanceof ReturnSignal || e instanceof LoopSignal) {
        /* ignored at top level */
      } else throw e;
    }
    return this.status;
  }

  runExitTrap(fds: Fds): void {
    const action = this.traps.get("EXIT");
    if (action === undefined || action === "") return;
    this.traps.delete("EXIT");
    const saved = this.status;
    try {
      this.runScript(action, fds);
      this.status = saved;
    } catch (e) {
      if (e instanceof ExitSignal) this.status = e.code;
      else throw e;
    }
  }

  /** How this shell reacts to SIGTERM while it still runs (docker stop); `fresh` records the handler's output. */
  termReaction(fresh: ProcessState): SignalReaction {
    const action = this.traps.get("TERM");
    if (action === undefined) return this.pid === 1 ? { kind: "ignore" } : { kind: "exit", code: 143 };
    if (action === "") return { kind: "ignore" };
    const s = this.fork();
    s.state = fresh;
    const fds: Fds = { in: new Input(""), out: fresh.sink("stdout"), err: fresh.sink("stderr") };
    try {
      s.exec(parseScript(action), fds);
      // The handler returned: the shell goes back to what it was waiting for.
      return { kind: "ignore" };
    } catch (e) {
      if (e instanceof ExitSignal) {
        s.status = e.code;
        s.runExitTrap(fds);
        return { kind: "exit", code: s.status, log: fresh.output };
      }
      if (e instanceof NeverExits || e instanceof ShellSyntaxError) return { kind: "ignore" };
      throw e;
    }
  }

  private expandHost(fds: Fds): ExpandHost {
    return {
      getVar: (n) => this.vars.get(n),
      setVar: (n, v) => this.setVar(n, v),
      special: (n) => this.special(n),
      positional: () => this.positional,
      commandSubst: (script) => this.commandSubst(script, fds),
      fs: this.state.fs,
      cwd: this.cwd,
    };
  }

  special(n: string): string | undefined {
    switch (n) {
      case "?":
        return String(this.status);
      case "$":
        return String(this.pid);
      case "#":
        return String(this.positional.length);
      case "!":
        return this.lastBg === undefined ? "" : String(this.lastBg);
      case "-":
        return this.errexit ? "e" : "";
      case "0":
        return this.arg0;
    }
    return /^\d$/.test(n) ? this.positional[Number(n) - 1] : undefined;
  }

  private commandSubst(script: string, fds: Fds): string {
    const sub = this.fork();
    let out = "";
    const subFds: Fds = { in: fds.in, out: (t) => (out += t), err: fds.err, piped: true };
    try {
      sub.runScript(script, subFds);
    } catch (e) {
      if (e instanceof ExitSignal) sub.status = e.code;
      else throw e;
    }
    this.substStatus = sub.status;
    return out;
  }
  private substStatus?: number;

  expand(raws: string[], fds: Fds): string[] {
    return expandWords(raws, this.expandHost(fds));
  }

  expandOne(raw: string, fds: Fds): string {
    return expandWord(raw, this.expandHost(fds));
  }

  exec(node: Node, fds: Fds): number {
    switch (node.k) {
      case "list": {
        let st = this.status;
        for (const item of node.items) {
          if (item.bg) this.background(item.node, fds);
          else st = this.exec(item.node, fds);
        }
        this.status = st;
        return st;
      }
      case "andor": {
        let st = this.conditional(node.first, fds, node.rest.length > 0);
        for (let i = 0; i < node.rest.length; i++) {
          const { op, node: next } = node.rest[i]!;
          if ((op === "&&" && st !== 0) || (op === "||" && st === 0)) continue;
          st = this.conditional(next, fds, i < node.rest.length - 1);
        }
        this.status = st;
        return this.checkErrexit(st);
      }
      case "pipeline":
        return this.checkErrexit(this.pipeline(node.cmds, node.bang, fds));
      case "simple":
        return this.checkErrexit(this.simple(node, fds));
      case "func":
        this.functions.set(node.name, node.body);
        return (this.status = 0);
      default:
        return this.withRedirs(node.redirs, fds, (f) => this.compound(node, f));
    }
  }

  private conditional(node: Node, fds: Fds, checked: boolean): number {
    if (checked) this.checked++;
    try {
      return this.exec(node, fds);
    } finally {
      if (checked) this.checked--;
    }
  }

  private checkErrexit(st: number): number {
    this.status = st;
    if (st !== 0 && this.errexit && this.checked === 0) throw new ExitSignal(st);
    return st;
  }

  private compound(node: Node, fds: Fds): number {
    switch (node.k) {
      case "if": {
        for (const c of node.clauses) {
          if (this.conditional(c.cond, fds, true) === 0) return this.exec(c.body, fds);
        }
        return node.otherwise ? this.exec(node.otherwise, fds) : (this.status = 0);
      }
      case "loop": {
        let st = 0;
        for (;;) {
          this.state.tick();
          const c = this.conditional(node.cond, fds, true);
          if ((c === 0) === node.until) break;
          const r = this.loopBody(node.body, fds);
          st = r.status;
          if (r.stop) break;
        }
        return (this.status = st);
      }
      case "for": {
        const items = node.words === null ? [...this.positional] : this.expand(node.words, fds);
        let st = 0;
        for (const item of items) {
          this.state.tick();
          this.setVar(node.name, item);
          const r = this.loopBody(node.body, fds);
          st = r.status;
          if (r.stop) break;
        }
        return (this.status = st);
      }
      case "case": {
        const word = this.expandOne(node.word, fds);
        for (const arm of node.arms) {
          if (arm.patterns.some((p) => expandPattern(p, this.expandHost(fds)).test(word))) {
            return arm.body ? this.exec(arm.body, fds) : (this.status = 0);
          }
        }
        return (this.status = 0);
      }
      case "group": {
        if (!node.subshell) return this.exec(node.body, fds);
        const sub = this.fork();
        try {
          return (this.status = sub.exec(node.body, fds));
        } catch (e) {
          if (e instanceof ExitSignal) return (this.status = e.code);
          throw e;
        }
      }
    }
    return 0;
  }

  private loopBody(body: Node, fds: Fds): { status: number; stop: boolean } {
    try {
      return { status: this.exec(body, fds), stop: false };
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return { status: 0, stop: e.kind === "break" };
    }
  }

  private background(node: Node, fds: Fds): void {
    const start = this.state.now;
    const info = this.state.spawn(this.describe(node), this.pid);
    const sub = this.fork();
    let forever = false;
    let status = 0;
    try {
      status = sub.exec(node, { ...fds, in: new Input("") });
    } catch (e) {
      if (e instanceof NeverExits) forever = true;
      else if (e instanceof ExitSignal) status = e.code;
      else throw e;
    }
    const end = this.state.now;
    this.state.now = start;
    if (!forever) this.state.exited(info.pid);
    this.jobs.push({ pid: info.pid, end, forever, status });
    this.lastBg = info.pid;
    this.status = 0;
  }

  /** `wait`: the clock moves to when the awaited jobs end. */
  waitJobs(pids: number[]): number {
    const jobs = pids.length ? this.jobs.filter((j) => pids.includes(j.pid)) : this.jobs;
    let st = 0;
    for (const j of jobs) {
      if (j.forever) throw new NeverExits();
      this.state.now = Math.max(this.state.now, j.end);
      st = j.status;
    }
    this.jobs = this.jobs.filter((j) => !jobs.includes(j));
    return st;
  }

  private describe(node: Node): string {
    return node.k === "simple" ? node.words.join(" ") : this.arg0;
  }

  private pipeline(cmds: Node[], bang: boolean, fds: Fds): number {
    let input = fds.in;
    let st = 0;
    const start = this.state.now;
    let end = start;
    for (let i = 0; i < cmds.length; i++) {
      const last = i === cmds.length - 1;
      let buf = "";
      const stage: Fds = last ? { ...fds, in: input } : { in: input, out: (t) => (buf += t), err: fds.err, piped: true };
      // Stages run side by side: each starts when the pipeline does.
      this.state.now = start;
      const sub = cmds.length > 1 ? this.fork() : this;
      try {
        st = sub.exec(cmds[i]!, stage);
      } catch (e) {
        if (e instanceof ExitSignal) st = e.code;
        else if (e instanceof NeverExits && !last) st = 0;
        else throw e;
      }
      end = Math.max(end, this.state.now);
      input = new Input(buf);
    }
    this.state.now = end;
    return (this.status = bang ? (st === 0 ? 1 : 0) : st);
  }

  private withRedirs(redirs: Redir[], fds: Fds, body: (f: Fds) => number): number {
    if (redirs.length === 0) return body(fds);
    let f: Fds;
    try {
      f = this.applyRedirs(redirs, fds);
    } catch (e) {
      if (e instanceof RedirError) {
        fds.err(e.text);
        return (this.status = this.flavor === "bash" ? 1 : 2);
      }
      throw e;
    }
    return body(f);
  }

  applyRedirs(redirs: Redir[], fds: Fds): Fds {
    const f: Fds = { ...fds };
    const fs = this.state.fs;
    for (const r of redirs) {
      if (r.here) {
        if (r.fd === 0) f.in = new Input(r.here.expand ? this.expandOne(`"${r.here.body.replace(/"/g, '\\"')}"`, fds) : r.here.body);
        continue;
      }
      const target = this.expandOne(r.target, fds);
      const setFd = (fd: number, sink: (t: string) => void): void => {
        if (fd === 1) {
          f.out = sink;
          f.piped = true;
        } else if (fd === 2) f.err = sink;
      };
      if (r.op === ">&" || r.op === "<&") {
        if (target === "-") setFd(r.fd, () => undefined);
        else if (target === "1") setFd(r.fd, f.out);
        else if (target === "2") setFd(r.fd, f.err);
        continue;
      }
      const path = normalizePath(target, this.cwd);
      if (r.op === "<" || r.op === "<>") {
        if (path === "/dev/null" || path === "/dev/stdin") continue;
        try {
          if (r.fd === 0) f.in = new Input(fs.readFile(path));
        } catch (e) {
          if (e instanceof FsError) throw new RedirError(msg.redirError(this.messages, target, e.code, false));
          throw e;
        }
        continue;
      }
      if (path === "/dev/null") {
        setFd(r.fd, () => undefined);
        continue;
      }
      if (path === "/dev/stdout" || path === "/proc/self/fd/1") {
        setFd(r.fd, fds.out);
        continue;
      }
      if (path === "/dev/stderr" || path === "/proc/self/fd/2") {
        setFd(r.fd, fds.err);
        continue;
      }
      try {
        fs.writeFile(path, "", { append: r.op === ">>" });
      } catch (e) {
        if (e instanceof FsError) throw new RedirError(msg.redirError(this.messages, target, e.code, true));
        throw e;
      }
      setFd(r.fd, (t) => fs.writeFile(path, t, { append: true }));
    }
    return f;
  }

  private simple(node: Extract<Node, { k: "simple" }>, fds: Fds): number {
    this.line = node.line;
    this.state.tick();
    this.substStatus = undefined;
    let argv: string[];
    const assigns: Array<[string, string]> = [];
    try {
      argv = this.expand(node.words, fds);
      for (const a of node.assigns) assigns.push([a.name, this.expandOne(a.raw, fds)]);
    } catch (e) {
      if (e instanceof ExpansionError) {
        fds.err(`${msg.prefix(this.messages)}${e.message}\n`);
        if (this.mode !== "interactive") throw new ExitSignal(this.flavor === "bash" ? 1 : 2);
        return (this.status = 1);
      }
      throw e;
    }
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.setVar(k, v);
      const st = this.substStatus ?? 0;
      return this.withRedirs(node.redirs, fds, () => (this.status = st));
    }
    const name = argv[0]!;
    return this.withRedirs(node.redirs, fds, (f) => this.invoke(name, argv, assigns, f));
  }

  /** Runs a command by name: special builtin, function, builtin, then PATH. */
  invoke(name: string, argv: string[], assigns: Array<[string, string]>, fds: Fds, replace = false): number {
    const special = SPECIAL_BUILTINS.has(name);
    if (special) {
      for (const [k, v] of assigns) this.setVar(k, v);
      return (this.status = BUILTINS[name]!(this, argv, fds));
    }
    const fn = this.functions.get(name);
    if (fn && !replace) return this.callFunction(fn, argv, assigns, fds);
    const builtin = BUILTINS[name];
    if (builtin && !replace) {
      const saved = assigns.map(([k]) => [k, this.vars.get(k)] as const);
      for (const [k, v] of assigns) this.setVar(k, v);
      try {
        return (this.status = builtin(this, argv, fds));
      } finally {
        for (const [k, v] of saved) v === undefined ? this.vars.delete(k) : this.vars.set(k, v);
      }
    }
    return (this.status = this.external(argv, Object.fromEntries(assigns), fds, replace));
  }

  private callFunction(body: Node, argv: string[], assigns: Array<[string, string]>, fds: Fds): number {
    const savedArgs = this.positional;
    this.positional = argv.slice(1);
    for (const [k, v] of assigns) this.setVar(k, v);
    const frame = new Map<string, string | undefined>();
    this.locals.push(frame);
    try {
      return (this.status = this.exec(body, fds));
    } catch (e) {
      if (e instanceof ReturnSignal) return (this.status = e.code);
      throw e;
    } finally {
      this.positional = savedArgs;
      this.locals.pop();
      for (const [k, v] of frame) v === undefined ? this.vars.delete(k) : this.vars.set(k, v);
    }
  }

  /** A program on PATH or by path. With `replace` (exec) the shell becomes that program. */
  external(argv: string[], extraEnv: Record<string, string>, fds: Fds, replace: boolean): number {
    const name = argv[0]!;
    let r;
    try {
      r = this.state.launch(argv, {
        env: this.exportedEnv(extraEnv),
        cwd: this.cwd,
        stdin: fds.in,
        io: { out: fds.out, err: fds.err },
        piped: fds.piped,
        replace,
        ppid: this.pid,
      });
    } catch (e) {
      // A foreground child that never ends keeps the shell waiting; signals reach the shell.
      if (e instanceof NeverExits && !replace) throw new NeverExits();
      throw e;
    }
    if (r.ok) return r.code;
    if (r.reason === "not-found" || r.reason === "no-such-file") {
      fds.err(msg.notFound(this.messages, name));
      return 127;
    }
    fds.err(msg.cannotExecute(this.messages, name, r.reason));
    return 126;
  }

  changeDir(target: string): string | undefined {
    const fs = this.state.fs;
    const path = normalizePath(target, this.cwd);
    const e = fs.stat(path);
    if (!e) return "No such file or directory";
    if (e.type !== "dir") return "Not a directory";
    this.cwd = path;
    return undefined;
  }
}

class RedirError extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}
