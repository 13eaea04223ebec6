// The client's config.json (docker's ~/.docker/config.json): psFormat, imagesFormat, logins.
// Read directly on every command (cheap); written through conf by the commands that change it.
import fs from "node:fs";
import path from "node:path";
import type { ClientConfig } from "./types.js";

export function clientConfigDir(dataDir: string, env: Record<string, string | undefined>): string {
  return env.DOCKER_CONFIG ? path.resolve(env.DOCKER_CONFIG) : path.join(dataDir, "client");
}

export function readClientConfig(dataDir: string, env: Record<string, string | undefined>): ClientConfig {
  try {
    return JSON.parse(fs.readFileSync(path.join(clientConfigDir(dataDir, env), "config.json"), "utf8")) as ClientConfig;
  } catch {
    return {};
  }
}
