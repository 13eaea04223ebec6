// Entry point of the built-in catalogue (see catalogue/).
export * from "./catalogue/index.js";
