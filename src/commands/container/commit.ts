// docker commit (docker/cli v28: cli/command/container/commit.go; the reference checks are the
// API client's, client/container_commit.go).
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { parseNormalizedNamed } from "../../client/reference.js";

export interface CommitOptions {
  container: string;
  /** REPOSITORY[:TAG], "" for none. */
  reference: string;
  pause: boolean;
  comment: string;
  author: string;
  changes: string[];
}

export async function runCommit(cli: Cli, opts: CommitOptions): Promise<void> {
  if (opts.reference !== "") {
    let ref;
    try {
      ref = parseNormalizedNamed(opts.reference);
    } catch (e) {
      throw new StatusError((e as Error).message);
    }
    if (ref.digest) throw new StatusError("refusing to create a tag with a digest reference");
  }
  const res = await cli.client.containerCommit(opts.container, {
    reference: opts.reference,
    comment: opts.comment,
    author: opts.author,
    changes: opts.changes,
    pause: opts.pause,
  });
  cli.out.write(`${res.ID}\n`);
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  await runCommit(cli, {
    container: args[0]!,
    reference: args[1] ?? "",
    pause: v.pause !== false,
    comment: String(v.message ?? ""),
    author: String(v.author ?? ""),
    changes: (v.change as string[] | undefined) ?? [],
  });
}
