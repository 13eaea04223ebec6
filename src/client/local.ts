// The in-process client: calls the engine's Daemon directly and turns engine errors into
// the daemon errors an HTTP client would see.
import { Daemon } from "../engine/daemon.js";
import type { Engine } from "../engine/host.js";
import type { DaemonApi } from "./api.js";
import { withDaemonErrors } from "./daemon-errors.js";

export function localClient(engine: Engine): DaemonApi {
  return withDaemonErrors(new Daemon(engine) as unknown as DaemonApi);
}
