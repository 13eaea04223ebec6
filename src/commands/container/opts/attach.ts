// Where a container's output goes on the client (docker/cli run.go attachContainer,
// logs.go): stdout entries to stdout, stderr entries to stderr, all to stdout with a TTY.
import type { LogEntry } from "../../../client/api.js";
import type { Cli } from "../../../cli/types.js";

export interface StreamChoice {
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

export function outputSink(cli: Cli, choice: StreamChoice): (e: LogEntry) => void {
  return (e) => {
    if (e.stream === "stdout") {
      if (choice.stdout) cli.out.write(e.text);
    } else if (choice.stderr) {
      (choice.tty ? cli.out : cli.err).write(e.text);
    }
  };
}

/** streams.In.CheckTty: a TTY with stdin attached needs a terminal on the client. */
export function checkTty(cli: Cli, attachStdin: boolean, tty: boolean): void {
  if (tty && attachStdin && !cli.in.isTTY) throw new Error("the input device is not a TTY");
}
