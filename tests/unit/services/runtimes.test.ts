import { afterEach, describe, expect, it } from "vitest";
import { servicePrograms, setProgramLookup } from "../../../src/engine/runtime/services/index.js";
import { resolveCommand } from "../../../src/engine/runtime/services/exec.js";
import { runProgram } from "../../../src/engine/runtime/services/mini-eval.js";
import type { Program } from "../../../src/engine/runtime/types.js";
import { makeCtx, MemFs, network, stderr, stdout } from "./helpers.js";

const run = (name: string, ...args: Parameters<typeof makeCtx>) => servicePrograms[name]!.run(makeCtx(...args));

describe("node", () => {
  it("-v follows NODE_VERSION, npm -v matches that line", () => {
    expect(stdout(run("node", ["node", "-v"], { env: ["NODE_VERSION=22.16.0"] }))).toBe("v22.16.0\n");
    expect(stdout(run("node", ["node", "--version"], { env: ["NODE_VERSION=20.19.2"] }))).toBe("v20.19.2\n");
    expect(stdout(run("npm", ["npm", "-v"], { env: ["NODE_VERSION=22.16.0"] }))).toBe("10.9.2\n");
  });
  it("-e evaluates console.log of literals and arithmetic", () => {
    const r = run("node", ["node", "-e", "console.log(1+1); console.log('a' + 2, [1, 'x'], 7 / 2)"]);
    expect(stdout(r)).toBe("2\na2 [ 1, 'x' ] 3.5\n");
    expect(r.exit).toEqual({ code: 0, at: 2 });
    const bad = run("node", ["node", "-e", "console.log(nope)"], { env: ["NODE_VERSION=22.16.0"] });
    expect(stderr(bad)).toContain("ReferenceError: nope is not defined\n");
    expect(stderr(bad).endsWith("Node.js v22.16.0\n")).toBe(true);
    expect(bad.exit?.code).toBe(1);
  });
  it("bare node without a tty or stdin exits 0; with a tty it waits at the prompt", () => {
    expect(run("node", ["node"]).exit).toEqual({ code: 0, at: 1 });
    const repl = run("node", ["node"], { tty: true });
    expect(repl.exit).toBeNull();
    expect(stdout(repl).endsWith("> ")).toBe(true);
  });
  it("the entrypoint sends options and scripts to node", () => {
    expect(stdout(run("node-entrypoint", ["docker-entrypoint.sh", "-v"], { env: ["NODE_VERSION=22.1.0"] }))).toBe("v22.1.0\n");
    const fs = new MemFs({ "/app/server.js": "const http = require('http');\nconsole.log('listening on 3000')\nhttp.createServer(() => {}).listen(3000)\n" });
    const server = run("node-entrypoint", ["docker-entrypoint.sh", "server.js"], { fs, workdir: "/app" });
    expect(stdout(server)).toBe("listening on 3000\n");
    expect(server.exit).toBeNull();
    expect(server.onTerm).toEqual({ kind: "ignore" });
    const missing = run("node", ["node", "nope.js"], { workdir: "/app" });
    expect(stderr(missing)).toContain("Error: Cannot find module '/app/nope.js'");
    expect(missing.exit?.code).toBe(1);
  });
});

describe("python", () => {
  it("--version, -c print with Python formatting", () => {
    expect(stdout(run("python", ["python3", "--version"], { env: ["PYTHON_VERSION=3.12.11"] }))).toBe("Python 3.12.11\n");
    expect(stdout(run("python", ["python3", "-c", "print(1+1, 7/2, 4/2, 7//2, True, None, 'hi')"]))).toBe("2 3.5 2.0 3 True None hi\n");
    const bad = run("python", ["python3", "-c", "print(x)"]);
    expect(stderr(bad)).toContain("NameError: name 'x' is not defined\n");
    expect(bad.exit?.code).toBe(1);
  });
  it("-m http.server runs on; its banner waits in the buffer without a tty", () => {
    const quiet = run("python", ["python3", "-m", "http.server"]);
    expect(quiet.exit).toBeNull();
    expect(stdout(quiet)).toBe("");
    const shown = run("python", ["python3", "-m", "http.server", "8080"], { env: ["PYTHONUNBUFFERED=1"] });
    expect(stdout(shown)).toBe("Serving HTTP on 0.0.0.0 port 8080 (http://0.0.0.0:8080/) ...\n");
  });
  it("a missing script exits 2", () => {
    const r = run("python", ["python3", "app.py"], { workdir: "/srv" });
    expect(stderr(r)).toBe("python3: can't open file '/srv/app.py': [Errno 2] No such file or directory\n");
    expect(r.exit?.code).toBe(2);
  });
});

describe("wordpress and php", () => {
  it("copies WordPress, warns about an unreachable database and starts apache2", () => {
    const fs = new MemFs();
    fs.mkdir("/var/www/html", { parents: true });
    const r = run("wordpress-entrypoint", ["docker-entrypoint.sh", "apache2-foreground"], { fs, env: ["WORDPRESS_DB_HOST=db", "WORDPRESS_DB_USER=wp"] });
    const err = stderr(r);
    expect(err).toContain("WordPress not found in /var/www/html - copying now...\n");
    expect(err).toContain("Complete! WordPress has been successfully copied to /var/www/html\n");
    expect(err).toContain("(WORDPRESS_DB_HOST WORDPRESS_DB_USER)\n");
    expect(err).toContain('database host "db"');
    expect(err).toMatch(/AH00163: Apache\/2\.4\.62 \(Debian\) PHP\/8\.2\.28 configured -- resuming normal operations/);
    expect(err).toContain("AH00094: Command line: 'apache2 -D FOREGROUND'");
    expect(r.exit).toBeNull();
    expect(r.processes?.filter((p) => p.user === "www-data")).toHaveLength(5);
    expect(fs.stat("/var/www/html/wp-config.php")?.type).toBe("file");
    const reachable = run("wordpress-entrypoint", ["docker-entrypoint.sh", "apache2-foreground"], { fs, env: ["WORDPRESS_DB_HOST=db"], network: network({ db: "172.18.0.2" }) });
    expect(stderr(reachable)).not.toContain("database host");
    expect(stderr(reachable)).not.toContain("copying now");
  });
  it("php -v and -r", () => {
    expect(stdout(run("php", ["php", "-v"])).split("\n")[0]).toMatch(/^PHP 8\.2\.28 \(cli\)/);
    expect(stdout(run("php", ["php", "-r", "echo 1+1, PHP_EOL;"]))).toBe("2\n");
  });
});

describe("curl", () => {
  const web = network({ web: "172.18.0.3" }, (host, port, path): { status: number; headers: Record<string, string>; body: string } | undefined =>
    host === "web" && port === 80
      ? path === "/" ? { status: 200, headers: { Server: "nginx/1.27.5", "Content-Length": "5" }, body: "hello" } : { status: 404, headers: {}, body: "nf" }
      : undefined);
  it("cannot resolve a host without a network", () => {
    const r = run("curl", ["curl", "http://web/"]);
    expect(stderr(r)).toBe("curl: (6) Could not resolve host: web\n");
    expect(r.exit?.code).toBe(6);
  });
  it("reports a refused connection", () => {
    const r = run("curl", ["curl", "-s", "localhost:8080"]);
    expect(stderr(r)).toBe("");
    expect(r.exit?.code).toBe(7);
    const shown = run("curl", ["curl", "-sS", "localhost:8080"]);
    expect(stderr(shown)).toBe("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n");
  });
  it("prints the body, headers with -I, and writes -o files", () => {
    const r = run("curl", ["curl", "-s", "http://web/"], { network: web });
    expect(stdout(r)).toBe("hello");
    expect(r.exit?.code).toBe(0);
    expect(stdout(run("curl", ["curl", "-sI", "web"], { network: web }))).toBe("HTTP/1.1 200 OK\r\nServer: nginx/1.27.5\r\nContent-Length: 5\r\n\r\n");
    const fs = new MemFs();
    expect(run("curl", ["curl", "-so", "/tmp/page", "http://web/"], { network: web, fs }).exit?.code).toBe(23);
    fs.mkdir("/tmp");
    const o = run("curl", ["curl", "-o", "/tmp/page", "http://web/"], { network: web, fs });
    expect(fs.readFile("/tmp/page")).toBe("hello");
    expect(stderr(o)).toContain("% Total    % Received");
    const f = run("curl", ["curl", "-sf", "http://web/x"], { network: web });
    expect(f.exit?.code).toBe(22);
  });
});

describe("exec resolution", () => {
  afterEach(() => setProgramLookup(undefined));
  it("follows PATH and #! lines, and asks the registry's lookup first", () => {
    const echo: Program = { run: (ctx) => ({ output: [{ at: 0, stream: "stdout", text: ctx.argv.join(" ") + "\n" }], exit: { code: 0, at: 0 } }) };
    setProgramLookup((name) => (name === "sh" ? echo : undefined));
    const fs = new MemFs({
      "/bin/sh": { type: "file", mode: 0o755, content: "", program: "sh" },
      "/usr/local/bin/start.sh": { type: "file", mode: 0o755, content: "#!/bin/sh\necho hi\n" },
    });
    const ctx = makeCtx(["x"], { fs });
    const r = resolveCommand(ctx, ["start.sh", "a"]);
    expect(r?.argv).toEqual(["/bin/sh", "/usr/local/bin/start.sh", "a"]);
    expect(r?.program).toBe(echo);
    expect(resolveCommand(ctx, ["nosuch"])).toBeUndefined();
    const viaEntrypoint = run("nginx-entrypoint", ["/docker-entrypoint.sh", "start.sh"], { fs });
    expect(stdout(viaEntrypoint)).toBe("/bin/sh /usr/local/bin/start.sh\n");
  });
});

describe("mini evaluator", () => {
  it("handles precedence, unary minus and exit calls", () => {
    expect(runProgram("console.log(2 + 3 * 4 ** 2, -(1 - 3), 10 % 4)", "js").stdout).toBe("50 2 2\n");
    expect(runProgram("print(-7 // 2, -7 % 3)", "py").stdout).toBe("-4 2\n");
    const r = runProgram("console.log('a'); process.exit(3); console.log('b')", "js");
    expect(r.stdout).toBe("a\n");
    expect(r.exitCode).toBe(3);
  });
});
