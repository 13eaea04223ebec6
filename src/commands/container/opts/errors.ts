// How docker run/create turn errors into exit codes and text
// (docker/cli cli/command/container/run.go withHelp and toStatusError).
import { isHostStateError, DaemonError, StatusError } from "../../../cli/errors.js";

/** The text docker prints for an error: daemon errors carry their prefix. */
export { errorText } from "../../errors.js";
import { errorText } from "../../errors.js";

/** withHelp: "docker: <err>\n\nRun 'docker <cmd> --help' for more information". */
export function withHelp(err: unknown, command: string): string {
  return `docker: ${errorText(err)}\n\nRun 'docker ${command} --help' for more information`;
}

/** A client-side option error of run/create: exit 125 with the help hint. */
export function usageError(err: unknown, command: string): StatusError {
  return new StatusError(withHelp(err, command), 125);
}

/** toStatusError: 127 for a missing executable, 126 for permission problems, else 125. */
export function toStatusError(err: unknown): StatusError {
  if (isHostStateError(err)) throw err;
  const text = errorText(err);
  let status = 125;
  if (
    text.includes("executable file not found") ||
    text.includes("no such file or directory") ||
    text.includes("system cannot find the file specified")
  ) {
    status = 127;
  } else if (text.includes("permission denied") || text.includes("is a directory")) {
    status = 126;
  }
  return new StatusError(withHelp(err, "run"), status);
}

/** An error whose text is already docker's (client-side checks of parse()). */
export class OptionError extends Error {}
