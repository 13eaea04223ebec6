// The simulated registry: reference grammar and the built-in catalogue.
export * from "./reference.js";
export * from "./catalogue/index.js";
