import { describe, expect, it } from "vitest";
import "../../../src/engine/runtime/services/index.js";
import { dockerinactionHello, hello } from "../../../src/engine/runtime/services/hello.js";
import { httpd, httpdForeground } from "../../../src/engine/runtime/services/httpd.js";
import { httpResponder, nginx, nginxEntrypoint } from "../../../src/engine/runtime/services/nginx.js";
import { httpdHttp, pythonHttp } from "../../../src/engine/runtime/services/http.js";
import { shiftLogTimestamps } from "../../../src/engine/runtime/services/timefmt.js";
import { makeCtx, MemFs, stderr, stdout } from "./helpers.js";

const DEFAULT_CONF = "server {\n    listen       80;\n    server_name  localhost;\n    location / {\n        root   /usr/share/nginx/html;\n    }\n}\n";

function nginxFs(extra: Record<string, string> = {}) {
  return new MemFs({
    "/etc/nginx/nginx.conf": "events {}\nhttp {\n  include /etc/nginx/conf.d/*.conf;\n}\n",
    "/etc/nginx/conf.d/default.conf": DEFAULT_CONF,
    "/usr/share/nginx/html/index.html": "<h1>Welcome to nginx!</h1>\n",
    ...extra,
  });
}

describe("hello", () => {
  it("prints the identifying lines and exits 0 at once", () => {
    const r = hello.run(makeCtx(["/hello"]));
    const text = stdout(r);
    expect(text.startsWith("\nHello from Docker!\nThis message shows that your installation appears to be working correctly.\n")).toBe(true);
    expect(text).toContain(" $ docker run -it ubuntu bash\n");
    expect(stderr(r)).toBe("");
    expect(r.exit?.code).toBe(0);
    expect(r.exit!.at).toBeLessThan(10);
  });
  it("dockerinaction hello prints hello world", () => {
    const r = dockerinactionHello.run(makeCtx(["/hello"]));
    expect(stdout(r)).toBe("hello world\n");
    expect(r.exit).toEqual({ code: 0, at: 1 });
  });
});

describe("nginx entrypoint and nginx", () => {
  it("configures, then runs nginx in the foreground with a master and two workers", () => {
    const fs = nginxFs();
    const r = nginxEntrypoint.run(makeCtx(["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"], { fs }));
    const out = stdout(r).split("\n");
    expect(out[0]).toBe("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
    expect(out).toContain("10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf");
    expect(out).toContain("/docker-entrypoint.sh: Configuration complete; ready for start up");
    expect(fs.readFile("/etc/nginx/conf.d/default.conf")).toContain("listen  [::]:80;");
    const err = stderr(r).split("\n");
    expect(err[0]).toBe('2025/06/01 10:00:00 [notice] 1#1: using the "epoll" event method');
    expect(err).toContain("2025/06/01 10:00:00 [notice] 1#1: start worker process 2");
    expect(r.exit).toBeNull();
    expect(r.processes?.map((p) => [p.pid, p.user, p.command])).toEqual([
      [1, "root", "nginx: master process nginx -g daemon off;"],
      [2, "nginx", "nginx: worker process"],
      [3, "nginx", "nginx: worker process"],
    ]);
    expect(r.onTerm?.kind).toBe("exit");
    if (r.onTerm?.kind === "exit") {
      expect(r.onTerm.code).toBe(0);
      const log = r.onTerm.log!.map((c) => c.text).join("");
      expect(log).toMatch(/^2025\/06\/01 10:00:00 \[notice\] 1#1: signal 3 \(SIGQUIT\) received, shutting down\n/);
      expect(log.endsWith("[notice] 1#1: exit\n")).toBe(true);
    }
  });

  it("says the IPv6 listen is already there on a restart", () => {
    const fs = nginxFs();
    nginxEntrypoint.run(makeCtx(["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"], { fs }));
    const r = nginxEntrypoint.run(makeCtx(["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"], { fs }));
    expect(stdout(r)).toContain("10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled\n");
  });

  it("skips configuration for an empty /docker-entrypoint.d and stays quiet when asked", () => {
    const fs = nginxFs();
    fs.mkdir("/docker-entrypoint.d");
    const r = nginxEntrypoint.run(makeCtx(["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"], { fs }));
    expect(stdout(r)).toBe("/docker-entrypoint.sh: No files found in /docker-entrypoint.d/, skipping configuration\n");
    const quiet = nginxEntrypoint.run(makeCtx(["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"], { fs: nginxFs(), env: ["NGINX_ENTRYPOINT_QUIET_LOGS=1"] }));
    expect(stdout(quiet)).toBe("");
    expect(quiet.exit).toBeNull();
  });

  it("execs another command without configuration, 127 when it is missing", () => {
    const r = nginxEntrypoint.run(makeCtx(["/docker-entrypoint.sh", "nosuchcmd"], { fs: nginxFs() }));
    expect(stdout(r)).toBe("");
    expect(stderr(r)).toBe("/docker-entrypoint.sh: 47: exec: nosuchcmd: not found\n");
    expect(r.exit?.code).toBe(127);
  });

  it("-v prints the version on stderr, honouring NGINX_VERSION", () => {
    const r = nginx.run(makeCtx(["nginx", "-v"], { env: ["NGINX_VERSION=1.27.4"] }));
    expect(stderr(r)).toBe("nginx version: nginx/1.27.4\n");
    expect(stdout(r)).toBe("");
    expect(r.exit?.code).toBe(0);
  });

  it("-t checks the configuration, and reports an unbalanced brace", () => {
    const ok = nginx.run(makeCtx(["nginx", "-t"], { fs: nginxFs() }));
    expect(stderr(ok)).toBe("nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n");
    expect(ok.exit?.code).toBe(0);
    const fs = nginxFs({ "/etc/nginx/conf.d/default.conf": "server {\n  listen 80;\n}\n}\n" });
    const bad = nginx.run(makeCtx(["nginx", "-t"], { fs }));
    expect(stderr(bad)).toBe('nginx: [emerg] unexpected "}" in /etc/nginx/conf.d/default.conf:4\nnginx: configuration file /etc/nginx/nginx.conf test failed\n');
    expect(bad.exit?.code).toBe(1);
    const run = nginx.run(makeCtx(["nginx", "-g", "daemon off;"], { fs }));
    expect(run.exit?.code).toBe(1);
    expect(stderr(run)).toContain("[emerg] 1#1: unexpected \"}\"");
  });

  it("daemonises without 'daemon off;' and refuses a second master in the same container", () => {
    expect(nginx.run(makeCtx(["nginx"], { fs: nginxFs() })).exit?.code).toBe(0);
    const busy = nginx.run(makeCtx(["nginx", "-g", "daemon off;"], {
      fs: nginxFs(), pid: 40,
      processes: [{ pid: 1, ppid: 0, user: "root", command: "nginx: master process nginx -g daemon off;", startedAt: 0 }],
    }));
    expect(busy.exit?.code).toBe(1);
    expect(stderr(busy)).toContain("[emerg] 40#40: still could not bind()");
  });

  it("-s reload needs a running master", () => {
    const none = nginx.run(makeCtx(["nginx", "-s", "reload"], { pid: 9 }));
    expect(none.exit?.code).toBe(1);
    expect(stderr(none)).toContain('open() "/run/nginx.pid" failed');
    const ok = nginx.run(makeCtx(["nginx", "-s", "reload"], {
      pid: 9, processes: [{ pid: 1, ppid: 0, user: "root", command: "nginx: master process nginx -g daemon off;", startedAt: 0 }],
    }));
    expect(ok.exit?.code).toBe(0);
    expect(stderr(ok)).toBe("2025/06/01 10:00:00 [notice] 9#9: signal process started\n");
  });
});

describe("nginx HTTP answers", () => {
  const fs = nginxFs({ "/usr/share/nginx/html/docs/a.txt": "hi\n" });
  it("serves the index with nginx's headers", () => {
    const r = httpResponder(fs, "/", { now: Date.UTC(2025, 5, 1, 10, 0, 0) });
    expect(r.status).toBe(200);
    expect(r.body).toBe("<h1>Welcome to nginx!</h1>\n");
    expect(r.headers["Server"]).toBe("nginx/1.27.5");
    expect(r.headers["Content-Type"]).toBe("text/html");
    expect(r.headers["Content-Length"]).toBe("27");
    expect(r.headers["Date"]).toBe("Sun, 01 Jun 2025 10:00:00 GMT");
  });
  it("answers 404 with nginx's page, 301 for a directory without slash, 403 without an index", () => {
    const nf = httpResponder(fs, "/missing");
    expect(nf.status).toBe(404);
    expect(nf.body).toBe("<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n");
    expect(nf.headers["Content-Length"]).toBe(String(nf.body.length));
    const moved = httpResponder(fs, "/docs", { host: "web" });
    expect(moved.status).toBe(301);
    expect(moved.headers["Location"]).toBe("http://web/docs/");
    expect(httpResponder(fs, "/docs/").status).toBe(403);
    expect(httpResponder(fs, "/docs/a.txt").headers["Content-Type"]).toBe("text/plain");
    expect(httpResponder(fs, "/docs/../../../etc/nginx/nginx.conf").status).toBe(404);
  });
  it("answers HEAD without a body", () => {
    const r = httpResponder(fs, "/", { method: "HEAD" });
    expect(r.body).toBe("");
    expect(r.headers["Content-Length"]).toBe("27");
  });
});

describe("httpd", () => {
  it("httpd-foreground starts httpd with the AH00558 warning and stops on SIGWINCH", () => {
    const r = httpdForeground.run(makeCtx(["httpd-foreground"]));
    const err = stderr(r).split("\n");
    expect(err[0]).toMatch(/^AH00558: httpd: .*172\.17\.0\.2.*'ServerName'/);
    expect(err[2]).toBe("[Sun Jun 01 10:00:00.012028 2025] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations");
    expect(err[3]).toMatch(/AH00094: Command line: 'httpd -D FOREGROUND'$/);
    expect(r.exit).toBeNull();
    expect(r.processes?.[0]).toMatchObject({ pid: 1, user: "root", command: "httpd -DFOREGROUND" });
    expect(r.processes?.slice(1).every((p) => p.user === "www-data" && p.ppid === 1)).toBe(true);
    expect(r.onTerm).toMatchObject({ kind: "exit", code: 0 });
    if (r.onTerm?.kind === "exit") expect(r.onTerm.log?.[0]?.text).toContain("AH00492: caught SIGWINCH, shutting down gracefully");
  });
  it("has no AH00558 warning once ServerName is set, and -v prints the version", () => {
    const fs = new MemFs({ "/usr/local/apache2/conf/httpd.conf": "ServerName localhost\n" });
    expect(stderr(httpd.run(makeCtx(["httpd", "-DFOREGROUND"], { fs })))).not.toContain("AH00558");
    const v = httpd.run(makeCtx(["httpd", "-v"]));
    expect(stdout(v).split("\n")[0]).toBe("Server version: Apache/2.4.63 (Unix)");
  });
  it("serves htdocs with a listing and Apache's 404 page", () => {
    const fs = new MemFs({ "/usr/local/apache2/htdocs/index.html": "<html><body><h1>It works!</h1></body></html>\n", "/usr/local/apache2/htdocs/pub/x.css": "a{}" });
    expect(httpdHttp(fs, "/").body).toContain("It works!");
    expect(httpdHttp(fs, "/pub/").body).toContain('<li><a href="x.css"> x.css</a></li>');
    const nf = httpdHttp(fs, "/nope");
    expect(nf.status).toBe(404);
    expect(nf.body).toContain("<h1>Not Found</h1>");
    expect(nf.headers["Server"]).toBe("Apache/2.4.63 (Unix)");
  });
});

describe("python http.server answers", () => {
  it("lists directories and answers 404 with its error page", () => {
    const fs = new MemFs({ "/srv/a.txt": "x", "/srv/sub/b": "y" });
    const list = pythonHttp(fs, "/", { root: "/srv" });
    expect(list.body).toContain("<title>Directory listing for /</title>");
    expect(list.body).toContain('<li><a href="sub/">sub/</a></li>');
    const nf = pythonHttp(fs, "/zz", { root: "/srv" });
    expect(nf.status).toBe(404);
    expect(nf.body).toContain("<p>Message: File not found.</p>");
  });
});

describe("shiftLogTimestamps", () => {
  it("moves each service's timestamp format", () => {
    const min = 60_000;
    expect(shiftLogTimestamps("2025/06/01 10:00:00 [notice] 1#1: exit", 5 * min)).toBe("2025/06/01 10:05:00 [notice] 1#1: exit");
    expect(shiftLogTimestamps("1:M 01 Jun 2025 10:00:00.000 * bye", 90_000)).toBe("1:M 01 Jun 2025 10:01:30.000 * bye");
    expect(shiftLogTimestamps("2025-06-01 10:00:00.010 UTC [1] LOG:  x", 1000)).toBe("2025-06-01 10:00:01.010 UTC [1] LOG:  x");
    expect(shiftLogTimestamps("2025-06-01 23:59:59+00:00 [Note]", 1000)).toBe("2025-06-02 00:00:00+00:00 [Note]");
    expect(shiftLogTimestamps("[Sun Jun 01 10:00:00.000000 2025] [x]", 24 * 60 * min)).toMatch(/^\[Mon Jun 02 10:00:00\.000\d{3} 2025\]/);
    expect(shiftLogTimestamps("1:signal-handler (1748772000) Received", 10_000)).toBe("1:signal-handler (1748772010) Received");
    expect(shiftLogTimestamps("2025-06-01T10:00:00.000000Z 0 [System]", 2000)).toMatch(/^2025-06-01T10:00:02\.000\d{3}Z/);
  });
});
