// The engine's heavy parts — the simulated programs and the registry catalogue — are loaded
// only by operations that run programs or read image contents, so read-only commands such as
// `ps` start fast. Loading is async (a dynamic import); the synchronous engine code reaches
// them through heavy(), after the caller awaited loadHeavy().
import type * as Catalogue from "./registry/catalogue.js";
import type * as Overlay from "./fs/overlay.js";
import type * as Runtime from "./runtime/index.js";
import type * as Services from "./runtime/services/index.js";

export interface HeavyParts {
  runtime: typeof Runtime;
  services: typeof Services;
  catalogue: typeof Catalogue;
  overlay: typeof Overlay;
}

let parts: HeavyParts | undefined;
let loading: Promise<HeavyParts> | undefined;

export function loadHeavy(): Promise<HeavyParts> {
  if (parts) return Promise.resolve(parts);
  // One module, so the CLI build can put all of it in a file of its own.
  return (loading ??= import("./heavy-parts.js").then(({ runtime, services, catalogue, overlay }) => (parts = { runtime, services, catalogue, overlay })));
}

export function heavy(): HeavyParts {
  if (!parts) throw new Error("engine: programs and catalogue used before loadHeavy()");
  return parts;
}
