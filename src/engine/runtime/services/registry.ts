// The registry image (Distribution): /entrypoint.sh and `registry serve`.
import type { ContainerFs } from "../../fs/types.js";
import { MEDIA_MANIFEST } from "../../registry/manifest.js";
import { fsStorage } from "../../registry/storage.js";
import type { Program, ProcessResult } from "../types.js";
import { byteLength, type HttpOptions, type HttpResponse } from "./http.js";
import { dashNotFound, execInto } from "./exec.js";
import { httpDate, isoNano } from "./timefmt.js";
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

// The registry's HTTP API as other containers and the host reach it (distribution:
// registry/handlers/app.go, catalog.go, tags.go, manifests.go; errors from registry/api/v2).
const JSON_TYPE = "application/json; charset=utf-8";

function apiResponse(status: number, body: string, type = JSON_TYPE, extra: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { "Content-Type": type, "Docker-Distribution-Api-Version": "registry/2.0", ...extra, "Content-Length": String(byteLength(body)) },
    body,
  };
}

function apiError(status: number, code: string, message: string, detail: unknown): HttpResponse {
  return apiResponse(status, JSON.stringify({ errors: [{ code, message, detail }] }) + "\n");
}

export function registryHttp(fs: ContainerFs, rawPath: string, opts: HttpOptions = {}): HttpResponse {
  const path = rawPath.split("?")[0]!;
  const query = new URLSearchParams(rawPath.includes("?") ? rawPath.slice(rawPath.indexOf("?") + 1) : "");
  const storage = fsStorage(fs);
  const res = (() => {
    if (path === "/v2" || path === "/v2/") return apiResponse(200, "{}");
    if (path === "/v2/_catalog") {
      let repos = storage.repositories();
      const n = Number(query.get("n") ?? "");
      if (Number.isInteger(n) && n > 0) repos = repos.slice(0, n);
      return apiResponse(200, JSON.stringify({ repositories: repos }) + "\n", "application/json");
    }
    const tags = /^\/v2\/(.+)\/tags\/list$/.exec(path);
    if (tags) {
      const name = tags[1]!;
      const list = storage.tags(name);
      if (list.length === 0 && !storage.repositories().includes(name)) {
        return apiError(404, "NAME_UNKNOWN", "repository name not known to registry", { name });
      }
      return apiResponse(200, JSON.stringify({ name, tags: list }) + "\n", "application/json");
    }
    const manifest = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(path);
    if (manifest) {
      const [, name, reference] = manifest as unknown as [string, string, string];
      const digest = reference.startsWith("sha256:") ? reference : storage.tag(name, reference);
      const body = digest && storage.hasManifest(name, digest) ? storage.getBlob(digest) : undefined;
      if (!body || !digest) return apiError(404, "MANIFEST_UNKNOWN", "manifest unknown", { Tag: reference });
      return apiResponse(200, body, MEDIA_MANIFEST, { "Docker-Content-Digest": digest, Etag: `"${digest}"` });
    }
    const blob = /^\/v2\/(.+)\/blobs\/(sha256:[a-f0-9]{64})$/.exec(path);
    if (blob) {
      const data = storage.hasLayer(blob[1]!, blob[2]!) ? storage.getBlob(blob[2]!) : undefined;
      if (data === undefined) return apiError(404, "BLOB_UNKNOWN", "blob unknown to registry", blob[2]);
      return apiResponse(200, data, "application/octet-stream", { "Docker-Content-Digest": blob[2]! });
    }
    return { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Content-Length": "19" }, body: "404 page not found\n" };
  })();
  if (opts.now !== undefined) res.headers = { ...res.headers, Date: httpDate(opts.now) };
  return opts.method === "HEAD" ? { ...res, body: "" } : res;
}
