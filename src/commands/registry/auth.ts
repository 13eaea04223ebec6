// Credentials in the client config (docker/cli: cli/config/credentials/file_store.go,
// cli/command/registry.go ResolveAuthConfig): `auths` maps a server address to base64
// "user:password". Docker Hub's key is https://index.docker.io/v1/.
import type { AuthConfig } from "../../client/api.js";
import type { ClientConfig } from "../../cli/types.js";

export const INDEX_SERVER = "https://index.docker.io/v1/";
export const DEFAULT_DOMAIN = "docker.io";

/** registry.ConvertToHostname. */
export function convertToHostname(address: string): string {
  let s = address;
  if (s.startsWith("http://")) s = s.slice(7);
  else if (s.startsWith("https://")) s = s.slice(8);
  return s.split("/")[0]!;
}

function toBase64(text: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

function fromBase64(b64: string): string | undefined {
  try {
    const bin = atob(b64);
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

export function encodeAuth(username: string, password: string): string {
  return toBase64(`${username}:${password}`);
}

/** The stored credentials for a server address (exact key first, then by host name). */
export function storedAuth(config: ClientConfig, serverAddress: string): AuthConfig | undefined {
  const auths = config.auths ?? {};
  let entry = Object.hasOwn(auths, serverAddress) ? auths[serverAddress] : undefined;
  if (!entry && serverAddress !== INDEX_SERVER) {
    const host = convertToHostname(serverAddress);
    const key = Object.keys(auths).find((k) => convertToHostname(k) === host);
    if (key) entry = auths[key];
  }
  const decoded = entry?.auth ? fromBase64(entry.auth) : undefined;
  if (decoded === undefined) return undefined;
  const i = decoded.indexOf(":");
  if (i < 0) return undefined;
  return { username: decoded.slice(0, i), password: decoded.slice(i + 1), serveraddress: serverAddress };
}

/** The auth config key for a reference's registry domain. */
export function serverAddressOf(domain: string): string {
  return domain === DEFAULT_DOMAIN ? INDEX_SERVER : domain;
}

/** command.ResolveAuthConfig for a reference's domain. */
export function authForDomain(config: ClientConfig, domain: string): AuthConfig | undefined {
  return storedAuth(config, serverAddressOf(domain));
}
