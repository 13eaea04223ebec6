// Regenerates src/engine/registry/catalogue/digests.ts from the catalogue's content.
// Run with: npx tsx tests/unit/registry/update-digests.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderDigestsModule } from "./digests-module.js";

const target = fileURLToPath(new URL("../../../src/engine/registry/catalogue/digests.ts", import.meta.url));
writeFileSync(target, renderDigestsModule());
console.log(`wrote ${target}`);
