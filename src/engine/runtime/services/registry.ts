// The registry image (Distribution): /entrypoint.sh and `registry serve`.
import type { Program, ProcessResult } from "../types.js";
import { dashNotFound, execInto } from "./exec.js";
import { isoNano } from "./timefmt.js";
import { getenv, Output, randomUuid, termAnchor } from "./util.js";

/** /entrypoint.sh: a config path or a registry subcommand gets `registry` in front. */
export const registryEntrypoint: Program = {
  run(ctx) {
    let args = ctx.argv.slice(1);
    const first = args[0] ?? "";
    if (/\.ya?ml$/.test(first)) args = ["registry", "serve", ...args];
    else if (["serve", "garbage-collect", "help"].includes(first) || first.startsWith("-")) args = ["registry", ...args];
    return execInto(ctx, args, new Output(), 0, { notFound: dashNotFound(ctx.argv[0] ?? "/entrypoint.sh", 14) });
  },
};

export const registry: Program = {
  run(ctx): ProcessResult {
    const args = ctx.argv.slice(1);
    const out = new Output();
    const config = args[1] ?? "/etc/docker/registry/config.yml";
    // registry:3 keeps its config under /etc/distribution and stops cleanly on SIGTERM.
    const v3 = config.startsWith("/etc/distribution") || getenv(ctx, "DISTRIBUTION_VERSION")?.startsWith("3") === true;
    const version = v3 ? "3.0.0" : "2.8.3";
    if (args[0] === "--version" || args[0] === "-v") {
      out.out(0, `registry github.com/distribution/distribution/v3 v${version}`);
      return { output: out.chunks, exit: { code: 0, at: 1 } };
    }
    if (args[0] !== "serve") {
      if (args[0] !== undefined && args[0] !== "help" && args[0] !== "--help" && args[0] !== "-h") {
        out.err(0, `Error: unknown command "${args[0]}" for "registry"`, "Run 'registry --help' for usage.");
        return { output: out.chunks, exit: { code: 1, at: 1 } };
      }
      out.out(0, "`registry`", "", "Usage:", "  registry [flags]", "  registry [command]", "", "Available Commands:",
        "  garbage-collect removes blobs that no manifest refers to",
        "  help            Help about any command", "  serve           runs the registry HTTP server");
      return { output: out.chunks, exit: { code: 0, at: 1 } };
    }
    const addr = getenv(ctx, "REGISTRY_HTTP_ADDR") ?? ":5000";
    const listen = addr.startsWith(":") ? `[::]${addr}` : addr;
    const instance = randomUuid(ctx.random);
    const tail = v3
      ? `go.version=go1.23.7 instance.id=${instance} service=registry version=${version}`
      : `go.version=go1.20.8 instance.id=${instance} service=registry version=${version}`;
    const log = (at: number, level: string, msg: string) => out.err(at, `time="${isoNano(ctx.startTime + at)}" level=${level} msg="${msg}" ${tail} `);
    if (!getenv(ctx, "REGISTRY_HTTP_SECRET")) {
      log(0, "warning", "No HTTP secret provided - generated random secret. Uploads may break when several registries sit behind a load balancer; set http.secret in the configuration file or the REGISTRY_HTTP_SECRET environment variable to share one.");
    }
    log(1, "info", "redis not configured");
    log(2, "info", "Starting upload purge in 20m0s");
    log(2, "info", "using inmemory blob descriptor cache");
    log(3, "info", `listening on ${listen}`);
    const stop: ProcessResult["onTerm"] = v3
      ? { kind: "exit", code: 0, log: [{ at: 0, stream: "stderr", text: `time="${isoNano(termAnchor(ctx))}" level=info msg="Stopping server gracefully. Draining connections for 0s" ${tail} \n` }] }
      : { kind: "exit", code: 2 };
    return {
      output: out.chunks,
      exit: null,
      onTerm: stop,
      processes: [{ pid: ctx.pid, ppid: 0, user: "root", command: ["registry", ...args].join(" "), startedAt: 0 }],
    };
  },
};
