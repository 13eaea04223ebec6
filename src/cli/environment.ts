// Where the simulated host lives and how the engine is configured from the environment.
import { createRequire } from "node:module";
import { join as joinPath, resolve as resolvePath } from "node:path";

// node:os is loaded only when the platform's data directory is needed (MOCKDOCKER_HOME unset).
const homedir = () => (createRequire("/")("node:os") as typeof import("node:os")).homedir();

export interface Settings {
  dataDir: string;
  seed?: string;
  frozenStart?: number;
}

/** --data-dir, else MOCKDOCKER_HOME, else the platform's data directory. */
export function resolveDataDir(flag: string | undefined, env: Record<string, string | undefined>): string {
  if (flag) return resolvePath(flag);
  if (env.MOCKDOCKER_HOME) return resolvePath(env.MOCKDOCKER_HOME);
  const home = homedir();
  switch (process.platform) {
    case "darwin":
      return joinPath(home, "Library", "Application Support", "mockdocker");
    case "win32":
      return joinPath(env.LOCALAPPDATA ?? joinPath(home, "AppData", "Local"), "mockdocker", "Data");
    default:
      return joinPath(env.XDG_DATA_HOME ?? joinPath(home, ".local", "share"), "mockdocker");
  }
}

/** MOCKDOCKER_CLOCK: an ISO-8601 instant (or Unix seconds) at which a fresh host's clock stands still. */
export function parseClock(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^[0-9]+$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/** Takes mockdocker's own --data-dir flag out of argv (docker has no such flag). */
export function extractDataDir(argv: string[]): { argv: string[]; dataDir?: string } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === "--data-dir" && i + 1 < argv.length) {
      dataDir = argv[++i];
      continue;
    }
    if (arg.startsWith("--data-dir=")) {
      dataDir = arg.slice("--data-dir=".length);
      continue;
    }
    // Only flags before the command name belong to mockdocker itself.
    if (!arg.startsWith("-")) {
      rest.push(...argv.slice(i));
      break;
    }
    rest.push(arg);
  }
  return { argv: rest, ...(dataDir !== undefined ? { dataDir } : {}) };
}
