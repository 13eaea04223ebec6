// docker push (docker/cli v28: cli/command/image/push.go RunPush). The progress stream goes to
// stdout through jsonmessage's rendering; with -q only the canonical reference is printed.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { familiarString, fullString, isNameOnly, parseNormalizedNamed, tagNameOnly } from "../../client/reference.js";
import { JsonMessageDisplay, JsonMessageError } from "../../formatter/jsonmessage.js";
import { platformParseError } from "../platform.js";
import { authForDomain } from "../registry/auth.js";

export interface PushOptions {
  remote: string;
  all: boolean;
  quiet: boolean;
  platform: string;
}

export async function runPush(cli: Cli, opts: PushOptions): Promise<void> {
  if (opts.platform !== "") {
    const bad = platformParseError(opts.platform);
    if (bad) {
      cli.err.write(`Invalid platform ${opts.platform}`);
      throw new StatusError(bad);
    }
    cli.out.write(
      "\n Info -> Using --platform pushes only the specified platform manifest of a multi-platform image index.\n" +
        "         Other components, like attestations, will not be included.\n" +
        "         To push the complete multi-platform image, remove the --platform flag.\n" +
        "         \n",
    );
  }
  let ref;
  try {
    ref = parseNormalizedNamed(opts.remote);
  } catch (e) {
    throw new StatusError((e as Error).message, 1);
  }
  if (opts.all && !isNameOnly(ref)) throw new StatusError("tag can't be used with --all-tags/-a");
  if (!opts.all && isNameOnly(ref)) {
    ref = tagNameOnly(ref);
    if (!opts.quiet) cli.out.write(`Using default tag: ${ref.tag}\n`);
  }
  const out = opts.quiet ? { write: () => {} } : cli.out;
  const display = new JsonMessageDisplay(out, !opts.quiet && cli.out.isTTY, cli.out.columns ?? 80);
  const auth = authForDomain(cli.config, ref.domain);
  try {
    const pushOpts = { ...(auth ? { auth } : {}), ...(opts.platform !== "" ? { platform: opts.platform } : {}) };
    await cli.client.imagePush(familiarString(ref), pushOpts, (m) => display.display(m));
  } catch (e) {
    if (e instanceof JsonMessageError) throw new StatusError(e.message, 1);
    throw e;
  }
  if (opts.quiet) cli.out.write(`${fullString(ref)}\n`);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  await runPush(cli, {
    remote: args[0]!,
    all: v["all-tags"] === true,
    quiet: v.quiet === true,
    platform: String(v.platform ?? ""),
  });
}
