// Library entry point: in-process sandboxes for graders and tests.
export { createSandbox, splitCommandLine } from "./sandbox.js";
export type { CommandResult, Sandbox, SandboxOptions } from "./sandbox.js";
