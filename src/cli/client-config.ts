// The client's config.json (docker's ~/.docker/config.json): psFormat, imagesFormat, logins.
// Kept by conf; conf is only loaded when the file exists, so a fresh host starts fast.
import { existsSync } from "node:fs";
import { join as joinPath, resolve as resolvePath } from "node:path";
import type { ClientConfig, ClientConfigFile } from "./types.js";

export function clientConfigDir(dataDir: string, env: Record<string, string | undefined>): string {
  return env.DOCKER_CONFIG ? resolvePath(env.DOCKER_CONFIG) : joinPath(dataDir, "client");
}

async function openConfig(dir: string) {
  const { default: Conf } = await import("conf");
  return new Conf<ClientConfig>({
    cwd: dir,
    configName: "config",
    projectName: "mockdocker",
    // docker's keys are plain names; image names contain dots.
    accessPropertiesByDotNotation: false,
    // A damaged config file is the user's: report it, never clear it.
    clearInvalidConfig: false,
    configFileMode: 0o600,
    serialize: (value) => JSON.stringify(value, null, "\t") + "\n",
  });
}

export async function readClientConfig(dataDir: string, env: Record<string, string | undefined>): Promise<ClientConfig> {
  const dir = clientConfigDir(dataDir, env);
  if (!existsSync(joinPath(dir, "config.json"))) return {};
  try {
    return { ...(await openConfig(dir)).store };
  } catch {
    // docker warns and carries on with defaults when config.json cannot be read.
    return {};
  }
}

export async function updateClientConfig(dataDir: string, env: Record<string, string | undefined>, change: (config: ClientConfig) => ClientConfig): Promise<ClientConfig> {
  const store = await openConfig(clientConfigDir(dataDir, env));
  const next = change({ ...store.store });
  store.store = next;
  return next;
}

/** The config file a command may change (login, logout); `current` is updated in place. */
export function clientConfigFile(dataDir: string, env: Record<string, string | undefined>, current: ClientConfig): ClientConfigFile {
  return {
    path: joinPath(clientConfigDir(dataDir, env), "config.json"),
    async update(change) {
      const next = await updateClientConfig(dataDir, env, change);
      for (const key of Object.keys(current)) delete (current as Record<string, unknown>)[key];
      Object.assign(current, next);
      return next;
    },
  };
}
