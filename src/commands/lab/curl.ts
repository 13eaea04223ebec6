// mockdocker lab curl [-i] [-s] URL: an HTTP GET from the host's side. Nothing real listens on
// a published port, so this is how a learner reaches one; it answers as curl 8 would, with
// curl's error texts and exit codes (6 host not resolved, 7 no connection, 52 empty reply,
// 56 connection reset, 1 not HTTP).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";

export interface LabCurlOptions {
  url: string;
  include: boolean;
  silent: boolean;
}

interface Url {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

function splitUrl(text: string): Url | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?([^#]*)/.exec(text);
  if (!m || m[2] === "") return undefined;
  const scheme = (m[1] ?? "http").toLowerCase();
  if (m[3] !== undefined && (m[3] === "" || Number(m[3]) > 65535)) return undefined;
  const port = m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80;
  const path = m[4] === undefined || m[4] === "" ? "/" : m[4].startsWith("?") ? `/${m[4]}` : m[4];
  return { scheme, host: m[2]!, port, path };
}

function fail(opts: LabCurlOptions, code: number, message: string): never {
  throw new StatusError(opts.silent ? "" : `curl: (${code}) ${message}`, code);
}

export async function runLabCurl(cli: Cli, opts: LabCurlOptions): Promise<void> {
  const url = splitUrl(opts.url);
  if (!url) fail(opts, 3, "URL rejected: Malformed input to a URL function");
  if (url.scheme !== "http" && url.scheme !== "https") fail(opts, 1, `Protocol "${url.scheme}" not supported`);
  const shownHost = url.host.replace(/^\[|\]$/g, "");
  const res = await cli.client.hostHttpGet(url.host, url.port, url.path);
  if (!res.ok) {
    if (res.error === "unresolved") fail(opts, 6, `Could not resolve host: ${shownHost}`);
    if (res.error === "reset") fail(opts, 56, "Recv failure: Connection reset by peer");
    if (res.error === "empty") fail(opts, 52, "Empty reply from server");
    if (res.error === "http09") fail(opts, 1, "Received HTTP/0.9 when not allowed");
    fail(opts, 7, `Failed to connect to ${shownHost} port ${url.port} after 0 ms: Couldn't connect to server`);
  }
  // The simulated services speak plain HTTP: a TLS handshake gets an HTTP answer back.
  if (url.scheme === "https") fail(opts, 35, "OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number");
  if (opts.include) {
    const head = [`HTTP/1.1 ${res.status} ${res.statusText ?? ""}`.trimEnd(), ...Object.entries(res.headers).map(([k, v]) => `${k}: ${v}`)];
    cli.out.write(head.map((l) => `${l}\r\n`).join("") + "\r\n");
  }
  cli.out.write(res.body);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runLabCurl(cli, { url: args[0]!, include: flags.values.include === true, silent: flags.values.silent === true });
}
