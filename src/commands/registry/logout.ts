// docker logout (docker/cli v28: cli/command/registry/logout.go): removes the server's
// credentials from the client config, under each spelling login may have stored.
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli, ClientConfig } from "../../cli/types.js";
import { convertToHostname, INDEX_SERVER } from "./auth.js";

export async function runLogout(cli: Cli, server: string): Promise<void> {
  const isDefault = server === "";
  const serverAddress = isDefault ? INDEX_SERVER : server;
  const hostname = isDefault ? serverAddress : convertToHostname(serverAddress);
  const keys = isDefault ? [serverAddress] : [serverAddress, hostname, `http://${hostname}`, `https://${hostname}`];
  cli.out.write(`Removing login credentials for ${hostname}\n`);
  const auths = cli.config.auths ?? {};
  if (!keys.some((k) => Object.hasOwn(auths, k))) return;
  const change = (c: ClientConfig): ClientConfig => {
    const next = { ...(c.auths ?? {}) };
    for (const k of keys) delete next[k];
    return { ...c, auths: next };
  };
  if (cli.configFile) await cli.configFile.update(change);
  else Object.assign(cli.config, change(cli.config));
}

export async function action(cli: Cli, _flags: ParsedFlags, args: string[]): Promise<void> {
  await runLogout(cli, args[0] ?? "");
}
