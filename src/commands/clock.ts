// The client's clock. docker computes "2 minutes ago" with the client machine's clock; in the
// simulation the client's clock is the simulated host's.
import type { Cli } from "../cli/types.js";

export function clientNow(cli: Cli): Promise<number> {
  return cli.client.now();
}
