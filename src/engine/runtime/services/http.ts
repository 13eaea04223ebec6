// HTTP answers of the static-file servers (nginx, httpd, python -m http.server), for the
// simulated network: given a container's fs and a request path, what the server replies.
import type { ContainerFs, FsEntry } from "../../fs/types.js";
import { httpDate } from "./timefmt.js";

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface HttpOptions {
  /** ms since the epoch, for the Date header. */
  now?: number;
  method?: "GET" | "HEAD";
  /** Host header the client sent (for absolute redirects). */
  host?: string;
  /** Server version to announce (nginx 1.27.5, httpd 2.4.63, Python 3.13.5). */
  version?: string;
  /** Document root; each server has its default. */
  root?: string;
}

export const STATUS_TEXT: Record<number, string> = {
  200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found",
  304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
  405: "Not Allowed", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
};

const MIME: Record<string, string> = {
  html: "text/html", htm: "text/html", shtml: "text/html", css: "text/css", xml: "text/xml",
  txt: "text/plain", js: "application/javascript", json: "application/json", png: "image/png",
  jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", svg: "image/svg+xml", ico: "image/x-icon",
  webp: "image/webp", pdf: "application/pdf", wasm: "application/wasm", md: "text/markdown",
};

export function contentType(path: string, fallback = "application/octet-stream"): string {
  const dot = path.lastIndexOf(".");
  const ext = dot > path.lastIndexOf("/") ? path.slice(dot + 1).toLowerCase() : "";
  return MIME[ext] ?? fallback;
}

/** Bytes of the UTF-8 encoding (Content-Length). */
export function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The request path without query, decoded, with `.`/`..` resolved; keeps a trailing slash. */
export function cleanUrlPath(raw: string): string {
  let path = raw.split(/[?#]/)[0] || "/";
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it as sent
  }
  if (!path.startsWith("/")) path = "/" + path;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  const trailing = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
  const joined = "/" + out.join("/");
  return trailing && joined !== "/" ? joined + "/" : joined;
}

function stat(fs: ContainerFs, path: string): FsEntry | undefined {
  try {
    return fs.stat(path);
  } catch {
    return undefined;
  }
}

function readable(e: FsEntry): boolean {
  return e.type === "symlink" || (e.mode & 0o004) !== 0;
}

interface Flavour {
  server: string;
  indexFiles: string[];
  page(status: number): { body: string; type: string };
  /** Directory listing when no index file exists; undefined answers 403. */
  listing?(urlPath: string, names: string[], fs: ContainerFs, dir: string): string;
  fileHeaders(e: FsEntry & { type: "file" }, body: string, opts: HttpOptions, filePath: string): Record<string, string>;
  baseHeaders(opts: HttpOptions): Record<string, string>;
}

function finish(res: HttpResponse, opts: HttpOptions): HttpResponse {
  return opts.method === "HEAD" ? { ...res, body: "" } : res;
}

function serve(fs: ContainerFs, root: string, rawPath: string, f: Flavour, opts: HttpOptions): HttpResponse {
  const urlPath = cleanUrlPath(rawPath);
  const error = (status: number, extra: Record<string, string> = {}): HttpResponse => {
    const page = f.page(status);
    return finish({
      status,
      headers: { ...f.baseHeaders(opts), "Content-Type": page.type, "Content-Length": String(byteLength(page.body)), ...extra },
      body: page.body,
    }, opts);
  };
  const fsPath = (root.replace(/\/$/, "") + urlPath).replace(/\/$/, "") || "/";
  let entry = stat(fs, fsPath);
  let filePath = fsPath;
  if (entry?.type === "dir") {
    if (!urlPath.endsWith("/")) {
      return error(301, { Location: `http://${opts.host ?? "localhost"}${urlPath}/` });
    }
    const index = f.indexFiles.map((n) => `${fsPath === "/" ? "" : fsPath}/${n}`).find((p) => stat(fs, p)?.type === "file");
    if (!index) {
      if (!f.listing) return error(403);
      let names: string[];
      try {
        names = fs.readdir(fsPath);
      } catch {
        return error(403);
      }
      const body = f.listing(urlPath, names, fs, fsPath);
      return finish({
        status: 200,
        headers: { ...f.baseHeaders(opts), "Content-Type": "text/html;charset=utf-8", "Content-Length": String(byteLength(body)) },
        body,
      }, opts);
    }
    filePath = index;
    entry = stat(fs, index);
  }
  if (!entry || entry.type !== "file") return error(404);
  if (!readable(entry)) return error(403);
  let body: string;
  try {
    body = fs.readFile(filePath);
  } catch {
    return error(403);
  }
  return finish({ status: 200, headers: { ...f.baseHeaders(opts), ...f.fileHeaders(entry, body, opts, filePath) }, body }, opts);
}

const dateHeader = (opts: HttpOptions): Record<string, string> => (opts.now !== undefined ? { Date: httpDate(opts.now) } : {});

// nginx: src/http/ngx_http_special_response.c builds these pages with CRLF line ends.
function nginxPage(version: string) {
  return (status: number) => {
    const title = `${status} ${STATUS_TEXT[status] ?? ""}`;
    const body = [
      "<html>", `<head><title>${title}</title></head>`, "<body>", `<center><h1>${title}</h1></center>`,
      `<hr><center>nginx/${version}</center>`, "</body>", "</html>", "",
    ].join("\r\n");
    return { body, type: "text/html" };
  };
}

export const NGINX_VERSION = "1.27.5";
export const HTTPD_VERSION = "2.4.63";
export const PYTHON_VERSION = "3.13.5";

/** What nginx with the image's default.conf answers for GET `path`. */
export function nginxHttp(fs: ContainerFs, path: string, opts: HttpOptions = {}): HttpResponse {
  const version = opts.version ?? NGINX_VERSION;
  return serve(fs, opts.root ?? "/usr/share/nginx/html", path, {
    server: `nginx/${version}`,
    indexFiles: ["index.html", "index.htm"],
    page: nginxPage(version),
    baseHeaders: (o) => ({ Server: `nginx/${version}`, ...dateHeader(o) }),
    fileHeaders: (e, body, o, file) => {
      const mtime = e.mtime ?? o.now ?? 0;
      const size = byteLength(body);
      return {
        "Content-Type": contentType(file),
        "Content-Length": String(size),
        "Last-Modified": httpDate(mtime),
        Connection: "keep-alive",
        ETag: `"${Math.floor(mtime / 1000).toString(16)}-${size.toString(16)}"`,
        "Accept-Ranges": "bytes",
      };
    },
  }, opts);
}


function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** What httpd (the httpd image's default httpd.conf) answers for GET `path`. */
export function httpdHttp(fs: ContainerFs, path: string, opts: HttpOptions = {}): HttpResponse {
  const version = opts.version ?? HTTPD_VERSION;
  const server = version.includes("(") ? `Apache/${version}` : `Apache/${version} (Unix)`;
  return serve(fs, opts.root ?? "/usr/local/apache2/htdocs", path, {
    server,
    indexFiles: ["index.html"],
    page: (status) => {
      const title = `${status} ${STATUS_TEXT[status] ?? ""}`;
      const text: Record<number, string> = {
        404: "The requested URL was not found on this server.",
        403: "You don't have permission to access this resource.",
        301: `The document has moved <a href="${escapeHtml(cleanUrlPath(path))}/">here</a>.`,
      };
      const body = [
        '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">', "<html><head>", `<title>${title}</title>`,
        "</head><body>", `<h1>${STATUS_TEXT[status] ?? ""}</h1>`, `<p>${text[status] ?? ""}</p>`, "</body></html>", "",
      ].join("\n");
      return { body, type: "text/html; charset=iso-8859-1" };
    },
    listing: (urlPath, names, fsys, dir) => {
      const items = names.map((n) => {
        const isDir = stat(fsys, `${dir === "/" ? "" : dir}/${n}`)?.type === "dir";
        const name = isDir ? n + "/" : n;
        return `<li><a href="${escapeHtml(name)}"> ${escapeHtml(name)}</a></li>`;
      });
      const parent = urlPath === "/" ? [] : [`<li><a href="${escapeHtml(urlPath.replace(/[^/]+\/$/, ""))}"> Parent Directory</a></li>`];
      const title = `Index of ${escapeHtml(urlPath.replace(/(.)\/$/, "$1"))}`;
      return [
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">', "<html>", " <head>", `  <title>${title}</title>`,
        " </head>", " <body>", `<h1>${title}</h1>`, `<ul>${[...parent, ...items].join("\n")}`, "</ul>", "</body></html>", "",
      ].join("\n");
    },
    baseHeaders: (o) => ({ ...dateHeader(o), Server: server }),
    fileHeaders: (e, body, o, file) => {
      const mtime = e.mtime ?? o.now ?? 0;
      const size = byteLength(body);
      return {
        "Last-Modified": httpDate(mtime),
        ETag: `"${size.toString(16)}-${(mtime * 1000).toString(16)}"`,
        "Accept-Ranges": "bytes",
        "Content-Length": String(size),
        "Content-Type": contentType(file),
      };
    },
  }, opts);
}

/** What `python3 -m http.server` answers for GET `path` (serving `opts.root`, default "/"). */
export function pythonHttp(fs: ContainerFs, path: string, opts: HttpOptions = {}): HttpResponse {
  const version = opts.version ?? PYTHON_VERSION;
  const server = `SimpleHTTP/0.6 Python/${version}`;
  return serve(fs, opts.root ?? "/", path, {
    server,
    indexFiles: ["index.html", "index.htm"],
    page: (status) => {
      const explain: Record<number, [string, string]> = {
        404: ["File not found", "Nothing matches the given URI"],
        403: ["Forbidden", "Request forbidden -- authorization will not help"],
        301: ["Moved Permanently", "Object moved permanently -- see URI list"],
      };
      const [msg, why] = explain[status] ?? [STATUS_TEXT[status] ?? "", ""];
      const body = [
        "<!DOCTYPE HTML>", '<html lang="en">', "    <head>", '        <meta charset="utf-8">',
        "        <title>Error response</title>", "    </head>", "    <body>", "        <h1>Error response</h1>",
        `        <p>Error code: ${status}</p>`, `        <p>Message: ${msg}.</p>`,
        `        <p>Error code explanation: ${status} - ${why}.</p>`, "    </body>", "</html>", "",
      ].join("\n");
      return { body, type: "text/html;charset=utf-8" };
    },
    listing: (urlPath, names, fsys, dir) => {
      const title = `Directory listing for ${escapeHtml(urlPath)}`;
      const items = names.map((n) => {
        const isDir = stat(fsys, `${dir === "/" ? "" : dir}/${n}`)?.type === "dir";
        const name = isDir ? n + "/" : n;
        return `<li><a href="${encodeURI(name)}">${escapeHtml(name)}</a></li>`;
      });
      return [
        "<!DOCTYPE HTML>", '<html lang="en">', "<head>", '<meta charset="utf-8">', `<title>${title}</title>`, "</head>",
        "<body>", `<h1>${title}</h1>`, "<hr>", "<ul>", ...items, "</ul>", "<hr>", "</body>", "</html>", "",
      ].join("\n");
    },
    baseHeaders: (o) => ({ Server: server, ...dateHeader(o) }),
    fileHeaders: (e, body, o, file) => ({
      "Content-type": contentType(file),
      "Content-Length": String(byteLength(body)),
      "Last-Modified": httpDate(e.mtime ?? o.now ?? 0),
    }),
  }, opts);
}
