// The create step shared by run and create (docker/cli cli/command/container/create.go
// createContainer): CID file, client-side reference check, --pull policy, warnings.
import type { ContainerCreateRequest } from "../../../client/api.js";
import { familiarString, fullString, parseAnyReference, tagNameOnly, type NamedReference } from "../../../client/reference.js";
import { DaemonError } from "../../../cli/errors.js";
import type { Cli } from "../../../cli/types.js";
import { pullOutput } from "./pull-output.js";
import { authForDomain } from "../../registry/auth.js";
import { platformParseError } from "../../platform.js";

export const PULL_OPTIONS = ["always", "missing", "never"] as const;

export interface CreateStepOptions {
  pull: string;
  quiet: boolean;
  warnings: string[];
}

/** validatePullOpt. */
export function validatePullOpt(value: string): void {
  if (value === "" || (PULL_OPTIONS as readonly string[]).includes(value)) return;
  throw new Error(`invalid pull option: '${value}': must be one of "always", "missing" or "never"`);
}

async function pullImage(cli: Cli, ref: NamedReference, req: ContainerCreateRequest, quiet: boolean): Promise<void> {
  const auth = authForDomain(cli.config, ref.domain);
  const opts = { ...(req.platform ? { platform: req.platform } : {}), ...(auth ? { auth } : {}) };
  await cli.client.imagePull(fullString(ref), opts, pullOutput(cli, quiet));
}

/** Creates the container and returns its ID; errors are returned as docker's create path raises them. */
export async function createContainer(cli: Cli, req: ContainerCreateRequest, opts: CreateStepOptions): Promise<string> {
  for (const w of opts.warnings) cli.err.write(`${w}\n`);
  const cid = openCidFile(cli, req.hostConfig.containerIdFile);
  try {
    const id = await createWithPull(cli, req, opts);
    cid.write(id);
    return id;
  } finally {
    cid.close();
  }
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory",
  ENOTDIR: "not a directory",
  EROFS: "read-only file system",
  EEXIST: "file exists",
};

/**
 * newCIDFile: refused when the file exists; created (empty) before the container, removed again
 * unless the ID was written (without a newline).
 */
function openCidFile(cli: Cli, path: string): { write(id: string): void; close(): void } {
  if (path === "") return { write: () => undefined, close: () => undefined };
  if (cli.files.exists(path)) throw new Error(`container ID file found, make sure the other container isn't running or delete ${path}`);
  try {
    cli.files.writeNew(path, "");
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    throw new Error(`failed to create the container ID file: open ${path}: ${ERRNO_TEXT[code] ?? (e as Error).message}`);
  }
  let written = false;
  return {
    write(id) {
      cli.files.remove(path);
      cli.files.writeNew(path, id);
      written = true;
    },
    close() {
      if (!written) cli.files.remove(path);
    },
  };
}

async function createWithPull(cli: Cli, req: ContainerCreateRequest, opts: CreateStepOptions): Promise<string> {

  const ref = parseAnyReference(req.image);
  const named = ref.kind === "named" ? tagNameOnly(ref.ref) : undefined;
  const platformError = req.platform ? platformParseError(req.platform) : undefined;
  if (platformError) throw new Error(`error parsing specified platform: ${platformError}`);

  if (opts.pull === "always" && named) await pullImage(cli, named, req, opts.quiet);

  let response: { Id: string; Warnings: string[] };
  try {
    response = await cli.client.containerCreate(req);
  } catch (err) {
    if (!(err instanceof DaemonError && err.isNotFound && named && opts.pull === "missing")) throw err;
    // Only the container ID may go to stdout.
    if (!opts.quiet) cli.err.write(`Unable to find image '${familiarString(named)}' locally\n`);
    await pullImage(cli, named, req, opts.quiet);
    response = await cli.client.containerCreate(req);
  }
  for (const w of response.Warnings ?? []) cli.err.write(`WARNING: ${w}\n`);
  return response.Id;
}
