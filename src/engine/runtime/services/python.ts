// python / python3 of the python image.
import type { Program, ProcessContext, ProcessResult } from "../types.js";
import { PYTHON_VERSION } from "./http.js";
import { runProgram, type RunResult } from "./mini-eval.js";
import { getenv, Output, readScript } from "./util.js";

export function pythonVersion(ctx: Pick<ProcessContext, "env">): string {
  return getenv(ctx, "PYTHON_VERSION") ?? PYTHON_VERSION;
}

function report(out: Output, res: RunResult, file: string): ProcessResult {
  out.write(0, "stdout", res.stdout);
  out.write(0, "stderr", res.stderr);
  if (res.error) {
    const kind = res.error.kind === "NameError" ? "NameError" : "SyntaxError";
    out.err(0, "Traceback (most recent call last):", `  File "${file}", line 1, in <module>`, `    ${res.failed ?? ""}`, `${kind}: ${res.error.message}`);
    return { output: out.chunks, exit: { code: 1, at: 2 } };
  }
  return { output: out.chunks, exit: { code: res.exitCode ?? 0, at: 2 } };
}

function httpServer(ctx: ProcessContext, args: string[], out: Output): ProcessResult {
  let port = 8000;
  let bind = "0.0.0.0";
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-b" || a === "--bind") bind = args[++i] ?? bind;
    else if (a === "-d" || a === "--directory") i++;
    else if (/^\d+$/.test(a)) port = Number(a);
  }
  const shown = bind === "::" ? "::" : bind;
  const url = bind.includes(":") ? `http://[${shown}]:${port}/` : `http://${shown}:${port}/`;
  // Without a tty stdout is block-buffered: the line stays in the buffer (set PYTHONUNBUFFERED to see it).
  if (ctx.tty || getenv(ctx, "PYTHONUNBUFFERED")) out.out(0, `Serving HTTP on ${shown} port ${port} (${url}) ...`);
  return {
    output: out.chunks,
    exit: null,
    onTerm: { kind: "ignore" },
    processes: [{ pid: ctx.pid, ppid: 0, user: ctx.user && ctx.user !== "0" ? ctx.user : "root", command: ctx.argv.join(" "), startedAt: 0 }],
  };
}

export const python: Program = {
  run(ctx): ProcessResult {
    const version = pythonVersion(ctx);
    const args = ctx.argv.slice(1);
    const out = new Output();
    const a0 = args[0];
    if (a0 === "--version" || a0 === "-V") {
      out.out(0, `Python ${version}`);
      return { output: out.chunks, exit: { code: 0, at: 1 } };
    }
    if (a0 === "-c") {
      if (args[1] === undefined) {
        out.err(0, "Argument expected for the -c option", "usage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...", "Try `python -h' for more information.");
        return { output: out.chunks, exit: { code: 2, at: 1 } };
      }
      return report(out, runProgram(args[1], "py"), "<string>");
    }
    if (a0 === "-m") {
      if (args[1] === "http.server") return httpServer(ctx, args.slice(2), out);
      out.err(0, `${ctx.argv[0] ?? "python3"}: No module named ${args[1] ?? ""}`);
      return { output: out.chunks, exit: { code: 1, at: 1 } };
    }
    if (a0 !== undefined && a0 !== "-") {
      const { path, src } = readScript(ctx, a0);
      if (src === undefined) {
        out.err(0, `${ctx.argv[0] ?? "python3"}: can't open file '${path}': [Errno 2] No such file or directory`);
        return { output: out.chunks, exit: { code: 2, at: 1 } };
      }
      const prints = src.split("\n").filter((l) => /^(print|import|from|sys\.exit)\b/.test(l.trim()) && !/^\s/.test(l)).join("\n");
      return report(out, runProgram(prints, "py"), path);
    }
    if (ctx.stdin !== undefined) return report(out, runProgram(ctx.stdin, "py"), "<stdin>");
    if (ctx.tty) {
      out.out(0, `Python ${version} (main, Jun  4 2025, 17:37:32) [GCC 12.2.0] on linux`, 'Type "help", "copyright", "credits" or "license" for more information.');
      out.write(0, "stdout", ">>> ");
      return { output: out.chunks, exit: null, onTerm: { kind: "ignore" }, processes: [{ pid: ctx.pid, ppid: 0, user: "root", command: ctx.argv[0] ?? "python3", startedAt: 0 }] };
    }
    return { output: [], exit: { code: 0, at: 1 } };
  },
};
