// The implicit pull of run/create: progress goes to stderr (nothing with -q), rendered by
// jsonmessage's rules (moby pkg/jsonmessage DisplayJSONMessagesToStream).
import type { JsonMessage } from "../../../client/api.js";
import type { Cli } from "../../../cli/types.js";
import { JsonMessageDisplay } from "../../../formatter/jsonmessage.js";

/** A message sink for client.imagePull; throws the stream's error message like Display does. */
export function pullOutput(cli: Cli, quiet: boolean): (m: JsonMessage) => void {
  const out = quiet ? { write: () => {} } : cli.err;
  const terminal = !quiet && cli.err.isTTY;
  const display = new JsonMessageDisplay(out, terminal, cli.err.columns ?? 80);
  return (m) => display.display(m);
}
