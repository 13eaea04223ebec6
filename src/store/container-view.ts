// container-view.json: the listing `docker ps` reads (made by the formatter from the engine's
// container list view), written beside each state.json. Its first line names the state file it
// was made from by inode, size and modification time, so a reader trusts it only while that
// very file is the state: a crash between the two renames, a `lab reset` or a state written
// without a view leaves it unused, never wrong.
import { readFileSync, statSync, type Stats } from "node:fs";
import { join as joinPath } from "node:path";
import { SCHEMA_VERSION } from "../engine/model.js";

export const CONTAINER_VIEW_FILE = "container-view.json";

/** Which state file a view was made from, and the state's schema (a newer one is not read). */
interface StateFingerprint {
  ino: number;
  size: number;
  mtimeMs: number;
  schemaVersion?: number;
}

const fingerprintOf = (st: Stats): StateFingerprint => ({ ino: st.ino, size: st.size, mtimeMs: st.mtimeMs });

/** The file's text for a view made from the state file `written`. */
export function containerViewFileText(written: Stats, schemaVersion: number, view: string): string {
  return JSON.stringify({ ...fingerprintOf(written), schemaVersion }) + "\n" + view;
}

/** The view of the current state.json in `dir`; undefined when there is none that matches it. */
export function readContainerView(dir: string): string | undefined {
  let current: Stats;
  let text: string;
  try {
    current = statSync(joinPath(dir, "state.json"));
    text = readFileSync(joinPath(dir, CONTAINER_VIEW_FILE), "utf8");
  } catch {
    return undefined;
  }
  const end = text.indexOf("\n");
  if (end < 0) return undefined;
  try {
    const made = JSON.parse(text.slice(0, end)) as StateFingerprint;
    const now = fingerprintOf(current);
    if (made.ino !== now.ino || made.size !== now.size || made.mtimeMs !== now.mtimeMs) return undefined;
    // A state this version cannot read must give the full path's error, not a listing.
    if (made.schemaVersion !== SCHEMA_VERSION) return undefined;
  } catch {
    return undefined;
  }
  return text.slice(end + 1);
}
