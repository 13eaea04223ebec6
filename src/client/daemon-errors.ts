// Engine errors become the daemon errors an HTTP client would see.
import { DaemonError } from "../cli/errors.js";
import { EngineError } from "../engine/errors.js";

export function withDaemonErrors<T extends object>(daemon: T): T {
  return new Proxy(daemon, {
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
