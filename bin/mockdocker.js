#!/usr/bin/env node
"use strict";
// Loads the bundled CLI (dist/cli.cjs) and runs it. The compiled code is kept in a V8 code cache
// beside the bundle (or in the temp directory when dist/ is read-only), so later starts skip
// compiling it. CommonJS (see bin/package.json): Node starts a CommonJS file faster than a module.
const fs = require("node:fs");
const { createRequire } = require("node:module");
const os = require("node:os");
const path = require("node:path");
const vm = require("node:vm");

const file = path.join(__dirname, "..", "dist", "cli.cjs");
const source = fs.readFileSync(file, "utf8");
const stamp = `${fs.statSync(file).mtimeMs}-${source.length}`;
const cacheDirs = [path.join(path.dirname(file), ".cache"), path.join(os.tmpdir(), `mockdocker-cache-${os.userInfo().uid}`)];
let cachedData;
for (const dir of cacheDirs) {
  try {
    cachedData = fs.readFileSync(path.join(dir, `cli-${stamp}.v8`));
    break;
  } catch {}
}
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: file,
  cachedData,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, path.dirname(file));

bundle.exports.main().then((code) => {
  process.exitCode = code;
  if (cachedData !== undefined && !script.cachedDataRejected) return;
  const data = script.createCachedData();
  for (const dir of cacheDirs) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      const tmp = path.join(dir, `.cli-${process.pid}.tmp`);
      fs.writeFileSync(tmp, data);
      fs.renameSync(tmp, path.join(dir, `cli-${stamp}.v8`));
      break;
    } catch {}
  }
});
