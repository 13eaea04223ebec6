// docker pull (docker/cli v28: cli/command/image/pull.go RunPull, imagePullPrivileged).
// The progress stream goes to stdout through jsonmessage's rendering; the last line is the
// canonical reference.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { fullString, isNameOnly, parseNormalizedNamed, tagNameOnly, type NamedReference } from "../../client/reference.js";
import type { AuthConfig } from "../../client/api.js";
import { JsonMessageDisplay, JsonMessageError } from "../../formatter/jsonmessage.js";
import { authForDomain } from "../registry/auth.js";

export interface PullOptions {
  remote: string;
  all: boolean;
  quiet: boolean;
  platform: string;
}

/** reference.ParseNormalizedNamed, its error reported as the CLI would (exit 1). */
export function parseReference(s: string): NamedReference {
  try {
    return parseNormalizedNamed(s);
  } catch (e) {
    throw new StatusError((e as Error).message, 1);
  }
}

export async function runPull(cli: Cli, opts: PullOptions): Promise<void> {
  let ref = parseReference(opts.remote);
  if (opts.all && !isNameOnly(ref)) throw new StatusError("tag can't be used with --all-tags/-a");
  if (!opts.all && isNameOnly(ref)) {
    ref = tagNameOnly(ref);
    if (!opts.quiet) cli.out.write(`Using default tag: ${ref.tag}\n`);
  }

  const out = opts.quiet ? { write: () => {} } : cli.out;
  const terminal = !opts.quiet && cli.out.isTTY;
  const display = new JsonMessageDisplay(out, terminal, cli.out.columns ?? 80);
  const pullOpts: { allTags?: boolean; platform?: string; auth?: AuthConfig } = {};
  if (opts.all) pullOpts.allTags = true;
  const auth = authForDomain(cli.config, ref.domain);
  if (auth) pullOpts.auth = auth;
  if (opts.platform !== "") pullOpts.platform = opts.platform.toLowerCase();
  try {
    await cli.client.imagePull(fullString(ref), pullOpts, (m) => display.display(m));
  } catch (e) {
    // An error inside the stream (after progress started) prints bare, as jsonmessage.JSONError.
    if (e instanceof JsonMessageError) throw new StatusError(e.message, 1);
    throw e;
  }
  cli.out.write(`${fullString(ref)}\n`);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  await runPull(cli, {
    remote: args[0]!,
    all: v["all-tags"] === true,
    quiet: v.quiet === true,
    platform: String(v.platform ?? ""),
  });
}
