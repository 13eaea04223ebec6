// The quickest way through the listing learners type most: `docker ps` (or `docker container
// ls`) with at most -a, -q, -l, -n N and --no-trunc, served from the container view the store
// keeps beside the state (store/container-view.ts), without reading or reconciling the host.
// Anything else (another flag, a format in the client config, a view that is out of date)
// returns undefined and the launcher goes on to the lean entry, which handles every case.
import { readFileSync, writeSync } from "node:fs";
import { join as joinPath } from "node:path";
import { currentTime } from "../engine/clock.js";
import { selectListed } from "../engine/containers/list-select.js";
import { statusFromParts } from "../engine/containers/status.js";
import { decodeContainerView, formatViewedContainers, type ViewedContainer } from "../formatter/container-view.js";
import { readContainerView } from "../store/container-view.js";
import { clientConfigDir } from "./client-config.js";
import { extractDataDir, resolveDataDir } from "./environment.js";

interface ViewedPsOptions {
  all: boolean;
  quiet: boolean;
  latest: boolean;
  last: number;
  noTrunc: boolean;
}

const LIST_VERBS = [["ps"], ["container", "ls"], ["container", "list"], ["container", "ps"]];

export async function psMain(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<number | undefined> {
  const output = viewedPs(argv, env, Date.now());
  return output === undefined ? undefined : writeStdout(output);
}

/** What `docker ps` prints for this command line, from the stored view; undefined when it cannot tell. */
export function viewedPs(argv: string[], env: Record<string, string | undefined>, realNow: number): string | undefined {
  const { argv: words, dataDir: dataDirFlag } = extractDataDir(argv);
  const verb = LIST_VERBS.find((v) => v.every((w, i) => words[i] === w));
  if (verb === undefined) return undefined;
  const opts = parseWords(words.slice(verb.length));
  if (opts === undefined) return undefined;
  const dataDir = resolveDataDir(dataDirFlag, env);
  if (!configLeavesDefaultFormat(dataDir, env)) return undefined;
  const text = readContainerView(dataDir);
  const view = text === undefined ? undefined : decodeContainerView(text);
  if (view === undefined) return undefined;
  // Reconciling would change a container from validUntil on: then the host must be read.
  const now = currentTime(view.clock, realNow);
  if (view.validUntil !== null && now >= view.validUntil) return undefined;
  const containers = selectListed(view.containers, {
    all: opts.all,
    limit: opts.latest && opts.last === -1 ? 1 : opts.last,
    running: (c) => c.running,
    summarize: (c) => c,
  });
  const statusAt = (prefix: string, since: number | null, suffix: string) => statusFromParts(prefix, since, suffix, now);
  const status = (c: ViewedContainer) => c.status(statusAt);
  return formatViewedContainers(containers, { quiet: opts.quiet, trunc: !opts.noTrunc, now, ascii: view.ascii, status });
}

/** The flags this path takes, as pflag reads them; undefined for anything else. */
function parseWords(words: string[]): ViewedPsOptions | undefined {
  const opts: ViewedPsOptions = { all: false, quiet: false, latest: false, last: -1, noTrunc: false };
  const booleans: Record<string, keyof ViewedPsOptions> = { a: "all", q: "quiet", l: "latest", "--all": "all", "--quiet": "quiet", "--latest": "latest", "--no-trunc": "noTrunc" };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let value: string | undefined;
    if (word === "-n" || word === "--last") value = words[++i];
    else if (word.startsWith("--last=")) value = word.slice("--last=".length);
    else if (word.startsWith("--")) {
      const name = booleans[word];
      if (name === undefined) return undefined;
      (opts[name] as boolean) = true;
      continue;
    } else if (/^-[aql]+$/.test(word)) {
      for (const letter of word.slice(1)) (opts[booleans[letter]!] as boolean) = true;
      continue;
    } else return undefined;
    if (value === undefined || !/^-?(0|[1-9][0-9]{0,8})$/.test(value)) return undefined;
    opts.last = Number(value);
  }
  return opts;
}

/** Whether the client config leaves `docker ps` its default table (no psFormat). */
function configLeavesDefaultFormat(dataDir: string, env: Record<string, string | undefined>): boolean {
  let text: string;
  try {
    text = readFileSync(joinPath(clientConfigDir(dataDir, env), "config.json"), "utf8");
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
  try {
    const config = JSON.parse(text) as { psFormat?: unknown };
    return config.psFormat === undefined || config.psFormat === "";
  } catch {
    return false;
  }
}

/**
 * Writes straight to descriptor 1 (no stream machinery). A reader that went away ends the
 * command with 141, as docker dies of SIGPIPE; a non-blocking descriptor falls back to the stream.
 */
async function writeStdout(text: string): Promise<number> {
  const bytes = Buffer.from(text, "utf8");
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EPIPE") return 141;
    if (code !== "EAGAIN") throw error;
    return new Promise<number>((resolve) => {
      process.stdout.on("error", () => resolve(141));
      process.stdout.write(bytes.subarray(done), () => resolve(0));
    });
  }
  return 0;
}
