// Builds dist/:
// - cli.cjs: the command line, one CommonJS file (its dynamic imports become lazy requires, so a
//   command only runs the code it uses); bin/mockdocker.js loads it with a V8 code cache.
// - ps.cjs: `docker ps` from the container view kept beside the state, tried first for ps.
// - fast.cjs: the lean entry for `ps` and `images`, tried next for those command lines.
// - heavy.cjs: the simulated programs and the registry catalogue, required only by operations
//   that run programs or read image contents.
// - index.js (+ chunks/): the library entry point (createSandbox), as ES modules; types in types/.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

// Chunk names change with their content: start from an empty dist/ so stale files do not pile up.
fs.rmSync("dist", { recursive: true, force: true });

// conf only needs ajv (JSON-schema validation) and semver (migrations) for options mockdocker
// never passes; leaving them out saves most of conf's start-up cost.
const confWithoutSchema = {
  name: "conf-without-schema",
  setup(b) {
    b.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (args) => ({ path: args.path, namespace: "unused-by-conf" }));
    b.onLoad({ filter: /.*/, namespace: "unused-by-conf" }, () => ({
      contents: [
        "const unsupported = () => { throw new Error('conf schema validation and migrations are not bundled'); };",
        "export class Ajv2020 { constructor() { unsupported(); } }",
        "export default { default: unsupported, eq: unsupported, clean: unsupported, satisfies: unsupported, lte: unsupported, gt: unsupported };",
      ].join("\n"),
    }));
  },
};

// In the CLI, the engine's heavy parts come from heavy.cjs beside cli.cjs.
const heavyApart = {
  name: "heavy-apart",
  setup(b) {
    b.onResolve({ filter: /^\.\/heavy-parts\.js$/ }, () => ({ path: "./heavy.cjs", external: true }));
  },
};

const node = { bundle: true, platform: "node", target: "node20", logLevel: "warning" };
// One CommonJS file an entry in dist/ (dynamic imports become lazy requires).
const cjs = { ...node, outdir: "dist", outExtension: { ".js": ".cjs" }, format: "cjs", supported: { "dynamic-import": false } };

await build({ ...cjs, entryPoints: { cli: "src/cli/main.ts" }, plugins: [confWithoutSchema, heavyApart] });

// The lean entry for `ps` and `images` (cli/fast-main.ts). Listing takes no lock, and conf is
// needed only when a client config file exists.
await build({ ...cjs, entryPoints: { fast: "src/cli/fast-main.ts" }, external: ["conf", "proper-lockfile"], plugins: [heavyApart] });

// The quickest path, `docker ps` from the stored container view (cli/ps-main.ts).
await build({ ...cjs, entryPoints: { ps: "src/cli/ps-main.ts" }, external: ["conf"] });

await build({ ...cjs, entryPoints: { heavy: "src/engine/heavy-parts.ts" } });

await build({
  ...node,
  entryPoints: { index: "src/index.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  plugins: [confWithoutSchema],
  // CommonJS dependencies bundled into ESM need a require().
  banner: { js: "import { createRequire as __mdCreateRequire } from 'node:module'; const require = __mdCreateRequire(import.meta.url);" },
});

// Type declarations for the library entry point (dist/types), for graders written in TypeScript.
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", "tsconfig.types.json"], { stdio: "inherit" });
