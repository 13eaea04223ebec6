// Runs one docker command line against a Cli and turns what it throws into docker's output
// and exit code (docker/cli: cmd/docker/docker.go).
import { dispatch } from "./program.js";
import { reportError } from "./report-error.js";
import type { Cli } from "./types.js";

export async function runCli(argv: string[], cli: Cli): Promise<number> {
  try {
    await dispatch(argv, cli);
    return 0;
  } catch (error) {
    return reportError(error, cli);
  }
}

export { reportError };
