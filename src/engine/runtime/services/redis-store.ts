// The tiny key space redis-cli and redis-server share, kept in the container's fs so values
// outlive a single `docker exec`. Stored as JSON after an RDB-like header line.
import type { ContainerFs } from "../../fs/types.js";

export const STORE_PATH = "/data/dump.rdb";
const HEADER = "REDIS0012";

export type RedisValue =
  | { type: "string"; value: string }
  | { type: "list"; value: string[] }
  | { type: "hash"; value: Record<string, string> }
  | { type: "set"; value: string[] };

export interface RedisStore {
  data: Record<string, RedisValue>;
  existed: boolean;
}

export function loadStore(fs: ContainerFs, path = STORE_PATH): RedisStore {
  try {
    if (fs.stat(path)?.type !== "file") return { data: {}, existed: false };
    const text = fs.readFile(path);
    const json = text.startsWith(HEADER) ? text.slice(text.indexOf("\n") + 1) : text;
    const parsed = JSON.parse(json) as { keys?: Record<string, RedisValue> };
    return { data: parsed.keys ?? {}, existed: true };
  } catch {
    return { data: {}, existed: false };
  }
}

export function saveStore(fs: ContainerFs, data: Record<string, RedisValue>, path = STORE_PATH): void {
  try {
    const dir = path.slice(0, path.lastIndexOf("/")) || "/";
    if (!fs.stat(dir)) fs.mkdir(dir, { parents: true });
    fs.writeFile(path, `${HEADER}\n${JSON.stringify({ keys: data })}\n`);
  } catch {
    // read-only fs: the values live only for this command, as on a server that cannot save
  }
}
