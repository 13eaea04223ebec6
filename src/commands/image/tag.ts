// docker tag (docker/cli v28: cli/command/image/tag.go; the reference checks are the API
// client's, moby client/image_tag.go ImageTag).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { parseAnyReference, parseNormalizedNamed } from "../../client/reference.js";
import { goQuote } from "../../formatter/strings.js";

export interface TagOptions {
  image: string;
  name: string;
}

function parseError(ref: string, e: unknown): StatusError {
  return new StatusError(`Error parsing reference: ${goQuote(ref)} is not a valid repository/tag: ${(e as Error).message}`);
}

export async function runTag(cli: Cli, opts: TagOptions): Promise<void> {
  try {
    parseAnyReference(opts.image);
  } catch (e) {
    throw parseError(opts.image, e);
  }
  let target;
  try {
    target = parseNormalizedNamed(opts.name);
  } catch (e) {
    throw parseError(opts.name, e);
  }
  if (target.digest) throw new StatusError("refusing to create a tag with a digest reference");
  await cli.client.imageTag(opts.image, opts.name);
}

export async function action(cli: Cli, _flags: ParsedFlags, args: string[]): Promise<void> {
  await runTag(cli, { image: args[0]!, name: args[1]! });
}
