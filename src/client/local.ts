// The in-process client: calls the engine's Daemon directly and turns engine errors into
// the daemon errors an HTTP client would see.
import { DaemonError } from "../cli/errors.js";
import { Daemon } from "../engine/daemon.js";
import { EngineError } from "../engine/errors.js";
import type { Engine } from "../engine/host.js";
import type { DaemonApi } from "./api.js";

export function localClient(engine: Engine): DaemonApi {
  const daemon = new Daemon(engine);
  return new Proxy(daemon as unknown as DaemonApi, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          if (error instanceof EngineError) throw new DaemonError(error.message, error.httpStatus);
          throw error;
        }
      };
    },
  });
}
