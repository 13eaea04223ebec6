// Bundles the CLI and the library entry point into dist/ with esbuild.
import fs from "node:fs";
import { build } from "esbuild";

// Chunk names change with their content: start from an empty dist/ so stale chunks do not pile up.
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

await build({
  entryPoints: { cli: "src/cli/main.ts", index: "src/index.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  plugins: [confWithoutSchema],
  // CommonJS dependencies bundled into ESM need a require().
  banner: { js: "import { createRequire as __mdCreateRequire } from 'node:module'; const require = __mdCreateRequire(import.meta.url);" },
});
