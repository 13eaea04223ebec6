// The wordpress image's docker-entrypoint.sh, and apache2/php of the php:apache images.
import type { Program, ProcessContext, ProcessResult } from "../types.js";
import { bashNotFound, execInto } from "./exec.js";
import { runApache, type ApacheFlavour } from "./httpd.js";
import { runProgram } from "./mini-eval.js";
import { getenv, Output } from "./util.js";

export const PHP_VERSION = "8.2.28";
const HTML = "/var/www/html";

function phpVersion(ctx: Pick<ProcessContext, "env">): string {
  return getenv(ctx, "PHP_VERSION") ?? PHP_VERSION;
}

function exists(ctx: ProcessContext, path: string): boolean {
  try {
    return ctx.fs.stat(path) !== undefined;
  } catch {
    return false;
  }
}

export const wordpressEntrypoint: Program = {
  run(ctx): ProcessResult {
    const args = ctx.argv.slice(1);
    const out = new Output();
    const notFound = bashNotFound(ctx.argv[0] ?? "/usr/local/bin/docker-entrypoint.sh", 160);
    if (!(args[0]?.startsWith("apache2") || args[0] === "php-fpm")) return execInto(ctx, args, out, 0, { notFound });
    if (!exists(ctx, `${HTML}/index.php`) && !exists(ctx, `${HTML}/wp-includes/version.php`)) {
      out.err(0, `WordPress not found in ${HTML} - copying now...`);
      let entries: string[] = [];
      try {
        entries = ctx.fs.readdir(HTML);
      } catch {
        entries = [];
      }
      if (entries.length > 0) out.err(0, `WARNING: ${HTML} is not empty! (copying anyway)`);
      try {
        ctx.fs.mkdir(`${HTML}/wp-includes`, { parents: true });
        ctx.fs.writeFile(`${HTML}/index.php`, "<?php\ndefine( 'WP_USE_THEMES', true );\nrequire __DIR__ . '/wp-blog-header.php';\n");
        ctx.fs.writeFile(`${HTML}/wp-includes/version.php`, "<?php\n$wp_version = '6.8.1';\n");
        ctx.fs.writeFile(`${HTML}/wp-config-docker.php`, "<?php\n// settings read from WORDPRESS_* environment variables\n");
      } catch {
        // a read-only mount: the copy fails quietly in the simulation
      }
      out.err(400, `Complete! WordPress has been successfully copied to ${HTML}`);
    }
    const wpVars = ctx.env.map((e) => e.split("=")[0]!).filter((k) => k.startsWith("WORDPRESS_") && !k.endsWith("_FILE")).sort();
    if (!exists(ctx, `${HTML}/wp-config.php`) && wpVars.length > 0) {
      out.err(410, `No 'wp-config.php' found in ${HTML}, but 'WORDPRESS_...' variables supplied; copying 'wp-config-docker.php' (${wpVars.join(" ")})`);
      try {
        ctx.fs.writeFile(`${HTML}/wp-config.php`, "<?php\n// settings read from WORDPRESS_* environment variables\n");
      } catch {
        // read-only
      }
    }
    const dbHost = (getenv(ctx, "WORDPRESS_DB_HOST") || "mysql").split(":")[0]!;
    if (ctx.network?.resolve(dbHost) === undefined) {
      out.err(420, `Warning: database host "${dbHost}" (WORDPRESS_DB_HOST) cannot be reached; pages will show a database connection error until it can.`);
    }
    return execInto(ctx, args, out, 430, { notFound });
  },
};

function apache2Flavour(ctx: ProcessContext): ApacheFlavour {
  return {
    bin: "apache2", conf: "/etc/apache2/apache2.conf", mpm: "prefork", children: 5, childUser: "www-data",
    banner: `Apache/2.4.62 (Debian) PHP/${phpVersion(ctx)}`,
  };
}

export const apache2: Program = {
  run(ctx) {
    return runApache(ctx, apache2Flavour(ctx), ctx.argv.slice(1));
  },
};

/** apache2-foreground: clears the pid file and runs apache2 in the foreground. */
export const apache2Foreground: Program = {
  run(ctx) {
    try {
      ctx.fs.remove("/var/run/apache2/apache2.pid");
    } catch {
      // not there
    }
    return runApache(ctx, apache2Flavour(ctx), ["-DFOREGROUND", ...ctx.argv.slice(1)]);
  },
};

export const php: Program = {
  run(ctx): ProcessResult {
    const version = phpVersion(ctx);
    const args = ctx.argv.slice(1);
    const out = new Output();
    const a0 = args[0];
    if (a0 === "-v" || a0 === "--version") {
      out.out(0, `PHP ${version} (cli) (built: Jun  3 2025 21:13:15) (NTS)`, "Copyright (c) The PHP Group", `Zend Engine v4.2.28, Copyright (c) Zend Technologies`);
      return { output: out.chunks, exit: { code: 0, at: 1 } };
    }
    const run = (src: string): ProcessResult => {
      const res = runProgram(src, "php");
      out.write(0, "stdout", res.stdout);
      if (res.error) {
        out.out(0, `PHP Parse error:  syntax error, unexpected token in Command line code on line 1`);
        return { output: out.chunks, exit: { code: 255, at: 2 } };
      }
      return { output: out.chunks, exit: { code: res.exitCode ?? 0, at: 2 } };
    };
    if (a0 === "-r") return run(args[1] ?? "");
    if (a0 === "-S") {
      const addr = args[1] ?? "localhost:8000";
      const d = new Date(ctx.startTime);
      const stamp = d.toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, (_, wd: string, day: string, mon: string, y: string, t: string) => `${wd} ${mon} ${day.replace(/^0/, " ")} ${t} ${y}`);
      out.err(0, `[${stamp}] PHP ${version} Development Server (http://${addr}) started`);
      return { output: out.chunks, exit: null, onTerm: { kind: "ignore" }, processes: [{ pid: ctx.pid, ppid: 0, user: "root", command: ["php", ...args].join(" "), startedAt: 0 }] };
    }
    if (a0 !== undefined && !a0.startsWith("-")) {
      const path = ctx.fs.resolve(a0, ctx.workdir);
      let src: string | undefined;
      try {
        src = ctx.fs.readFile(path);
      } catch {
        src = undefined;
      }
      if (src === undefined) {
        out.out(0, `Could not open input file: ${a0}`);
        return { output: out.chunks, exit: { code: 1, at: 1 } };
      }
      // Text outside <?php ... ?> is printed as is.
      const parts = src.split(/(<\?php[\s\S]*?(?:\?>\n?|$))/);
      let text = "";
      for (const p of parts) {
        if (p.startsWith("<?php")) text += runProgram(p.replace(/^<\?php/, "").replace(/\?>\n?$/, ""), "php").stdout;
        else text += p;
      }
      out.write(0, "stdout", text);
      return { output: out.chunks, exit: { code: 0, at: 2 } };
    }
    if (ctx.stdin !== undefined) return run(ctx.stdin.replace(/^<\?php/, ""));
    return { output: [], exit: { code: 0, at: 1 } };
  },
};
