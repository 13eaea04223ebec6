// The heavy parts as one module: what loadHeavy() brings in (a separate bundle for the CLI).
export * as runtime from "./runtime/index.js";
export * as services from "./runtime/services/index.js";
export * as catalogue from "./registry/catalogue.js";
export * as overlay from "./fs/overlay.js";
