#!/usr/bin/env -S node --
"use strict";
// Loads a bundled entry from dist/ and runs it: for `ps`, first ps.cjs (the listing from the view
// kept beside the state); for `ps` and `images`, fast.cjs, the lean entry; else, or when those
// hand the command line back, cli.cjs. Compiled code is kept in V8 code caches beside the bundles
// (or in the temp directory when dist/ is read-only), one a command (`run`, `network ls`, ...), so
// later starts skip compiling exactly what that command runs. CommonJS (see bin/package.json):
// Node starts a CommonJS file faster than a module.
const fs = require("node:fs");
const { createRequire } = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

const dist = path.join(__dirname, "..", "dist");
// The temp directory is only worked out when dist/.cache cannot be used (os.userInfo costs time).
// It is used only when it is this user's own and nobody else can write to it.
const cacheDirs = {
  *[Symbol.iterator]() {
    yield path.join(dist, ".cache");
    const os = require("node:os");
    const dir = path.join(os.tmpdir(), `mockdocker-cache-${os.userInfo().uid}`);
    try {
      fs.mkdirSync(dir, { mode: 0o700 });
    } catch {}
    try {
      const st = fs.lstatSync(dir);
      if (st.isDirectory() && st.uid === process.getuid?.() && (st.mode & 0o022) === 0) yield dir;
    } catch {}
  },
};
const pending = [];

// The docker command line, without mockdocker's own --data-dir before it.
const words = process.argv.slice(2);
while (words[0] === "--data-dir" || words[0]?.startsWith("--data-dir=")) words.splice(0, words[0] === "--data-dir" ? 2 : 1);
const [verb, subVerb] = words;

// Which cache a command uses: its verb, and for an object's commands the subcommand too.
const GROUPS = new Set(["builder", "container", "context", "image", "lab", "network", "system", "volume"]);
const commandKey = [verb, GROUPS.has(verb) ? subVerb : undefined]
  .filter((w) => w !== undefined)
  .map((w) => (/^[a-z][a-z0-9-]{0,19}$/.test(w) ? w : "other"))
  .join("-") || "none";

const loaded = new Map();

function load(name) {
  if (!loaded.has(name)) loaded.set(name, compile(name));
  return loaded.get(name);
}

function compile(name) {
  const file = path.join(dist, name);
  const source = fs.readFileSync(file, "utf8");
  // V8 checks a cache only against the source's length: the name also carries the file's times,
  // and ctime changes whenever the file is written, so another build never takes this one's cache.
  const st = fs.statSync(file);
  const cacheName = `${name}-${commandKey}-${st.mtimeMs}-${st.ctimeMs}-${source.length}.v8`;
  let cachedData;
  for (const dir of cacheDirs) {
    try {
      cachedData = fs.readFileSync(path.join(dir, cacheName));
      break;
    } catch {}
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const bundle = { exports: {} };
  // A bundle's own bundles (cli.cjs loads heavy.cjs) come through here too, with their cache.
  const nodeRequire = createRequire(file);
  const bundleRequire = (id) => (id.startsWith("./") && id.endsWith(".cjs") ? load(id.slice(2)) : nodeRequire(id));
  script.runInThisContext()(bundle.exports, bundleRequire, bundle, file, path.dirname(file));
  if (cachedData === undefined || script.cachedDataRejected) pending.push({ script, name, cacheName });
  return bundle.exports;
}

// Written after the command ran, so the cache holds the functions it compiled; only after a
// command that worked, so a mistyped verb leaves no cache behind.
function saveCaches() {
  for (const { script, name, cacheName } of pending) {
    const data = script.createCachedData();
    for (const dir of cacheDirs) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        const tmp = path.join(dir, `.${cacheName}-${process.pid}.tmp`);
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, path.join(dir, cacheName));
        // The same command's caches of other builds are of no more use.
        // (A build's part starts with a digit, a longer command's key with a letter.)
        const stem = `${name}-${commandKey}-`;
        for (const old of fs.readdirSync(dir)) {
          if (old.startsWith(stem) && /^\d/.test(old.slice(stem.length)) && old !== cacheName) fs.rmSync(path.join(dir, old), { force: true });
        }
        break;
      } catch {}
    }
  }
}

async function run() {
  if (verb === "ps" || (verb === "container" && (subVerb === "ls" || subVerb === "list" || subVerb === "ps"))) {
    const code = await load("ps.cjs").psMain();
    if (code !== undefined) return code;
  }
  if (verb === "ps" || verb === "images") {
    const code = await load("fast.cjs").fastMain();
    if (code !== undefined) return code;
  }
  return load("cli.cjs").main();
}

// The command has flushed its output: exit now rather than wait for Node's own shutdown, which
// on a large host idles for milliseconds (and would also wait on anything a command left open).
run().then((code) => {
  if (code === 0) saveCaches();
  process.exit(code);
});
