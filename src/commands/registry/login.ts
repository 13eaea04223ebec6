// docker login (docker/cli v28.2: cli/command/registry/login.go, cli/command/registry.go
// PromptUserForCredentials, cli/config/credentials/file_store.go). Credentials go to the
// client config's `auths`, base64 "user:password"; the host state never sees them.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli, ClientConfig } from "../../cli/types.js";
import type { AuthConfig } from "../../client/api.js";
import { DaemonError } from "../../cli/errors.js";
import { encodeAuth, INDEX_SERVER, storedAuth } from "./auth.js";

export interface LoginOptions {
  serverAddress: string;
  user: string;
  password: string;
  passwordStdin: boolean;
}

const HUB_INTRO =
  "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\n" +
  "You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/\n\n";

function infoNote(cli: Cli, lines: string[]): string {
  const head = cli.err.isTTY ? "i Info → " : " Info -> ";
  return head + lines.join("\n" + " ".repeat(9)) + "\n";
}

async function saveCredentials(cli: Cli, auth: AuthConfig): Promise<void> {
  const key = auth.serveraddress ?? INDEX_SERVER;
  const change = (c: ClientConfig): ClientConfig => ({ ...c, auths: { ...(c.auths ?? {}), [key]: { auth: encodeAuth(auth.username ?? "", auth.password ?? "") } } });
  if (cli.configFile) await cli.configFile.update(change);
  else Object.assign(cli.config, change(cli.config));
  if (auth.password) {
    const path = cli.configFile?.path ?? "~/.docker/config.json";
    cli.err.write(`\nWARNING! Your credentials are stored unencrypted in '${path}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`);
  }
}

async function prompt(cli: Cli, text: string): Promise<string> {
  cli.out.write(text);
  return ((await cli.in.readLine()) ?? "").trim();
}

async function loginWithUsernameAndPassword(cli: Cli, opts: LoginOptions, defaultUsername: string, serverAddress: string): Promise<string> {
  const isHub = serverAddress === INDEX_SERVER;
  let user = opts.user;
  let password = opts.password;
  if (password === "" && user === "") {
    if (isHub) cli.out.write(HUB_INTRO);
    user = await prompt(cli, defaultUsername ? `Username (${defaultUsername}): ` : "Username: ");
    if (user === "") user = defaultUsername;
    if (user === "") throw new StatusError("Error: Non-null Username Required");
  }
  if (password === "") {
    if (isHub) cli.out.write("\n" + infoNote(cli, ["A Personal Access Token (PAT) can be used instead.", "To create a PAT, visit https://app.docker.com/settings", "", ""]));
    cli.out.write("Password: ");
    if (cli.in.readSecret) {
      const secret = await cli.in.readSecret();
      if (secret === null) throw new StatusError("", 130);
      password = secret;
      cli.out.write("\n");
    } else password = (await cli.in.readLine()) ?? "";
    if (password === "") throw new StatusError("Error: Password Required");
  }
  const auth: AuthConfig = { username: user, password, serveraddress: serverAddress };
  const res = await cli.client.registryLogin(auth);
  await saveCredentials(cli, auth);
  return res.Status;
}

export async function runLogin(cli: Cli, opts: LoginOptions): Promise<void> {
  // Checked in this order by the 28.2 binary: the conflict first, without the warning.
  if (opts.password !== "" && opts.passwordStdin) throw new StatusError("conflicting options: cannot specify both --password and --password-stdin");
  if (opts.password !== "") cli.err.write("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n");
  if (opts.passwordStdin) {
    if (opts.user === "") throw new StatusError("the --password-stdin option requires --username to be set");
    opts.password = (await cli.in.readAll()).replace(/\n$/, "").replace(/\r$/, "");
  }
  const serverAddress = opts.serverAddress !== "" && opts.serverAddress !== "docker.io" ? opts.serverAddress : INDEX_SERVER;

  let msg = "";
  let failed = true;
  const stored = opts.user === "" && opts.password === "" ? storedAuth(cli.config, serverAddress) : undefined;
  if (stored?.username && stored.password) {
    cli.err.write(`Authenticating with existing credentials... [Username: ${stored.username}]\n\n`);
    cli.err.write(infoNote(cli, ["To login with a different account, run 'docker logout' followed by 'docker login'"]) + "\n\n");
    try {
      msg = (await cli.client.registryLogin(stored)).Status;
      failed = false;
      await saveCredentials(cli, stored);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      if (e.httpStatus === 401) cli.err.write("Stored credentials invalid or expired\n");
      else cli.err.write(`Login did not succeed, error: ${e.toString()}\n`);
    }
  }
  if (failed) {
    if ((opts.user === "" || opts.password === "") && !cli.in.isTTY) {
      throw new StatusError("Error: Cannot perform an interactive login from a non TTY device");
    }
    if (serverAddress === INDEX_SERVER && opts.user === "" && opts.password === "") {
      // The simulated host has no browser-based device login to offer.
      cli.err.write("Failed to start web-based login - falling back to command line login...\n\n");
    }
    msg = await loginWithUsernameAndPassword(cli, opts, stored?.username ?? "", serverAddress);
  }
  if (msg !== "") cli.out.write(`${msg}\n`);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  await runLogin(cli, {
    serverAddress: args[0] ?? "",
    user: String(v.username ?? ""),
    password: String(v.password ?? ""),
    passwordStdin: v["password-stdin"] === true,
  });
}
