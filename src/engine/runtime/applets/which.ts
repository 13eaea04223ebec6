// PATH lookup shared by `which`, `command -v`, `type` and `source`.
import type { ContainerFs } from "../../fs/types.js";

export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** First PATH entry holding an executable file called `name`. */
export function findOnPath(fs: ContainerFs, name: string, path: string | undefined): string | undefined {
  for (const dir of (path ?? DEFAULT_PATH).split(":")) {
    if (dir === "") continue;
    const p = dir === "/" ? `/${name}` : `${dir.replace(/\/$/, "")}/${name}`;
    const e = fs.stat(p);
    if (e?.type === "file" && (e.mode & 0o111) !== 0) return p;
  }
  return undefined;
}
