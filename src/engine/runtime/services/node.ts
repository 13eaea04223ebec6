// The node image: docker-entrypoint.sh, node and npm.
import type { Program, ProcessContext, ProcessResult } from "../types.js";
import { dashNotFound, execInto, resolveCommand } from "./exec.js";
import { printValue, runProgram, type Globals, type RunResult } from "./mini-eval.js";
import { getenv, Output, readScript } from "./util.js";

export const NODE_VERSION = "22.16.0";

export function nodeVersion(ctx: Pick<ProcessContext, "env">): string {
  return getenv(ctx, "NODE_VERSION") ?? NODE_VERSION;
}

/** The npm each Node.js line ships with. */
function npmVersion(node: string): string {
  const major = Number(node.split(".")[0]);
  if (major >= 24) return "11.3.0";
  if (major >= 22) return "10.9.2";
  if (major >= 20) return "10.8.2";
  if (major >= 18) return "10.8.2";
  return "8.19.4";
}

/** docker-entrypoint.sh: options, or a first word that is no command, go to node. */
export const nodeEntrypoint: Program = {
  run(ctx) {
    let args = ctx.argv.slice(1);
    const first = args[0];
    if (first === undefined || first.startsWith("-") || !resolveCommand(ctx, [first])) args = ["node", ...args];
    return execInto(ctx, args, new Output(), 0, { notFound: dashNotFound(ctx.argv[0] ?? "docker-entrypoint.sh", 11) });
  },
};

function report(out: Output, res: RunResult, version: string, where: string): ProcessResult {
  out.write(0, "stdout", res.stdout);
  out.write(0, "stderr", res.stderr);
  if (res.error) {
    out.err(0, `${where}:1`, res.failed ?? "", "^", "", `${res.error.kind}: ${res.error.message}`, `    at ${where}:1:1`, "", `Node.js v${version}`);
    return { output: out.chunks, exit: { code: 1, at: 2 } };
  }
  return { output: out.chunks, exit: { code: res.exitCode ?? 0, at: 2 } };
}

export const node: Program = {
  run(ctx): ProcessResult {
    const version = nodeVersion(ctx);
    const args = ctx.argv.slice(1);
    const out = new Output();
    const vars: Globals = { process: { members: { version: `v${version}`, platform: "linux", arch: "x64" } } };
    const a0 = args[0];
    if (a0 === "-v" || a0 === "--version") {
      out.out(0, `v${version}`);
      return { output: out.chunks, exit: { code: 0, at: 1 } };
    }
    if (a0 === "-e" || a0 === "--eval" || a0 === "-p" || a0 === "--print") {
      const src = args[1];
      if (src === undefined) {
        out.err(0, `${ctx.argv[0] ?? "node"}: ${a0} requires an argument`);
        return { output: out.chunks, exit: { code: 9, at: 1 } };
      }
      const print = a0 === "-p" || a0 === "--print";
      return report(out, print ? printValue(src, "js", vars) : runProgram(src, "js", vars), version, "[eval]");
    }
    if (a0 !== undefined && !a0.startsWith("-")) {
      const { path, src } = readScript(ctx, a0);
      if (src === undefined) {
        out.err(0, "node:internal/modules/cjs/loader:1404", "  throw err;", "  ^", "", `Error: Cannot find module '${path}'`,
          "    at Function._resolveFilename (node:internal/modules/cjs/loader:1401:15)", "    at node:internal/main/run_main_module:36:49 {",
          "  code: 'MODULE_NOT_FOUND',", "  requireStack: []", "}", "", `Node.js v${version}`);
        return { output: out.chunks, exit: { code: 1, at: 2 } };
      }
      // A script that listens keeps running; only its logging calls with literals are shown.
      const logs = src.split("\n").filter((l) => /^\s*console\.(log|error|info|warn)\(/.test(l)).join("\n");
      const res = runProgram(logs, "js", vars);
      if (/\.listen\s*\(/.test(src)) {
        out.write(0, "stdout", res.stdout);
        out.write(0, "stderr", res.stderr);
        return {
          output: out.chunks,
          exit: null,
          onTerm: { kind: "ignore" },
          processes: [{ pid: ctx.pid, ppid: 0, user: ctx.user && ctx.user !== "0" ? ctx.user : "root", command: ["node", ...args].join(" "), startedAt: 0 }],
        };
      }
      return report(out, { ...res, error: undefined }, version, path);
    }
    if (ctx.stdin !== undefined) return report(out, runProgram(ctx.stdin, "js", vars), version, "[stdin]");
    if (ctx.tty) {
      out.out(0, `Welcome to Node.js v${version}.`, 'Type ".help" for more information.');
      out.write(0, "stdout", "> ");
      return { output: out.chunks, exit: null, onTerm: { kind: "ignore" }, processes: [{ pid: ctx.pid, ppid: 0, user: "root", command: "node", startedAt: 0 }] };
    }
    return { output: [], exit: { code: 0, at: 1 } };
  },
};

export const npm: Program = {
  run(ctx): ProcessResult {
    const args = ctx.argv.slice(1);
    const out = new Output();
    const version = npmVersion(nodeVersion(ctx));
    if (args[0] === "-v" || args[0] === "--version") {
      out.out(0, version);
      return { output: out.chunks, exit: { code: 0, at: 1 } };
    }
    if (args[0] === "start" || (args[0] === "run" && args[1])) {
      const script = args[0] === "start" ? "start" : args[1]!;
      let pkg: { name?: string; version?: string; scripts?: Record<string, string> } | undefined;
      try {
        pkg = JSON.parse(ctx.fs.readFile(ctx.fs.resolve("package.json", ctx.workdir))) as typeof pkg;
      } catch {
        pkg = undefined;
      }
      if (!pkg) {
        out.err(0, "npm error code ENOENT", "npm error syscall open", `npm error path ${ctx.workdir.replace(/\/$/, "")}/package.json`,
          `npm error errno -2`, `npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${ctx.workdir.replace(/\/$/, "")}/package.json'`);
        return { output: out.chunks, exit: { code: 254, at: 100 } };
      }
      const cmd = pkg.scripts?.[script] ?? (script === "start" ? "node server.js" : undefined);
      if (!cmd) {
        out.err(0, `npm error Missing script: "${script}"`, "npm error", "npm error To see a list of scripts, run:", "npm error   npm run");
        return { output: out.chunks, exit: { code: 1, at: 100 } };
      }
      out.out(100, "", `> ${pkg.name ?? ""}${pkg.version ? "@" + pkg.version : ""} ${script}`, `> ${cmd}`, "");
      return execInto(ctx, ["sh", "-c", cmd], out, 150);
    }
    out.out(0, "npm <command>", "", "Usage:", "", "npm install        install all the dependencies in your project", "npm run <foo>      run the script named <foo>", "", `npm@${version} /usr/local/lib/node_modules/npm`);
    return { output: out.chunks, exit: { code: args.length === 0 ? 1 : 0, at: 1 } };
  },
};
