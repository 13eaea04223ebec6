import { FsError } from "../../../src/engine/fs/types.js";

/** The FsError code `fn` fails with (ENOENT, EROFS, ...); undefined when it does not fail. */
export function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return undefined;
}
