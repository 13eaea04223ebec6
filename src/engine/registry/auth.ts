// Registry credentials as the daemon receives them (X-Registry-Auth, POST /auth) and the
// simulated Docker Hub's accounts: a username is registered by its first login, with that
// password; later logins and pushes must give the same password.
import { EngineError, invalidParameter } from "../errors.js";
import { sha256Hex } from "../ids.js";
import type { HostState } from "../model.js";
import { registryContainer, unreachableRegistry, hubOf } from "./endpoint.js";

/** api/types/registry AuthConfig (the fields mockdocker uses). */
export interface AuthConfig {
  username?: string;
  password?: string;
  serveraddress?: string;
}

export const INDEX_SERVER = "https://index.docker.io/v1/";
const HUB_V2 = "https://registry-1.docker.io/v2/";

const incorrect = (url: string, method = "Get") => new EngineError(`${method} "${url}": unauthorized: incorrect username or password`, 401);

/** registry.ConvertToHostname: the host[:port] of a server address. */
export function convertToHostname(address: string): string {
  let s = address;
  if (s.startsWith("http://")) s = s.slice(7);
  else if (s.startsWith("https://")) s = s.slice(8);
  return s.split("/")[0]!;
}

export function isHubAddress(address: string | undefined): boolean {
  if (!address) return true;
  const h = convertToHostname(address);
  return h === "index.docker.io" || h === "docker.io" || h === "registry-1.docker.io";
}

/** The hub account the credentials prove, undefined without credentials; throws when they are wrong. */
export function hubUser(state: HostState, auth: AuthConfig | undefined, url = HUB_V2, method = "Get"): string | undefined {
  if (!auth?.username) return undefined;
  const known = state.hub?.accounts[auth.username];
  if (known === undefined || known !== sha256Hex(auth.password ?? "")) throw incorrect(url, method);
  return auth.username;
}

/** POST /auth (daemon/auth.go, registry/auth.go loginV2): "Login Succeeded" or an error. */
export function registryLogin(state: HostState, auth: AuthConfig): { Status: string } {
  const address = auth.serveraddress ?? INDEX_SERVER;
  if (isHubAddress(address)) {
    const user = auth.username ?? "";
    if (user === "") throw invalidParameter("Username is required");
    const hub = hubOf(state);
    const hash = sha256Hex(auth.password ?? "");
    const known = hub.accounts[user];
    if (known === undefined) hub.accounts[user] = hash;
    else if (known !== hash) throw incorrect(HUB_V2);
    return { Status: "Login Succeeded" };
  }
  // registry:2 as the image configures it has no authentication: any credentials pass.
  const domain = convertToHostname(address);
  if (!registryContainer(state, domain)) throw unreachableRegistry(domain);
  return { Status: "Login Succeeded" };
}
