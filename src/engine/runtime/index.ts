// The container runtime: finds executables in a container's filesystem and runs them as
// simulated processes against a virtual clock.
import type { ProcessContext } from "./types.js";
import { installLauncher, runProcess, withHome, type RuntimeResult } from "./programs.js";
import { createShellSession as createSession, type InteractiveShell, type ShellMemory } from "./shell/interactive.js";
import type { ShellFlavor } from "./shell/messages.js";

export { programs, resolveExecutable, DEFAULT_PATH, type Resolution, type RuntimeResult } from "./programs.js";
export { LIMITS, type SentSignal } from "./applets/context.js";
export { ShellSession, type Fds } from "./shell/session.js";
export type { InteractiveShell, LineResult, ShellMemory } from "./shell/interactive.js";
export { interactiveShellFlavor } from "./shell/detect.js";

/**
 * Runs argv[0] (already known to resolve) as PID 1 or an exec'd process. The result has the
 * output with virtual times, the exit (null while it keeps running, see LIMITS), the reaction
 * to SIGTERM, and `signals`: what `kill` sent to other pids (pid 1 from an exec ends the container).
 */
export function startProcess(ctx: ProcessContext): RuntimeResult {
  return runProcess(ctx);
}

/** An interactive shell for `run -it`/`exec -it`: feed it lines, print its prompt. */
export function createShellSession(ctx: ProcessContext, flavor: ShellFlavor = "ash", opts: { memory?: ShellMemory; prompt?: boolean } = {}): InteractiveShell {
  return createSession(withHome(ctx), flavor, installLauncher, opts);
}
