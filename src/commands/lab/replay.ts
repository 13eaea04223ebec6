// mockdocker lab replay FILE [--update]: runs a transcript on a fresh in-memory host in
// deterministic mode and compares every command's output with what the file expects.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { colours, labOf } from "./common.js";
import { lineDiff } from "./diff.js";
import { transcriptBlocks } from "./sources.js";
import { parseTranscript, renderStep } from "./transcript.js";

export interface ReplayOptions {
  file: string;
  update: boolean;
  seed: string;
  clock: string;
}

const split = (s: string) => s.replace(/\n$/, "").split("\n");

export async function runReplay(cli: Cli, opts: ReplayOptions): Promise<void> {
  const lab = labOf(cli);
  let text: string;
  try {
    text = cli.files.readText(opts.file);
  } catch (error) {
    throw new StatusError(`mockdocker: cannot read ${opts.file}: ${(error as Error).message}`, 1);
  }
  const clock = /^[0-9]+$/.test(opts.clock) ? Number(opts.clock) * 1000 : Date.parse(opts.clock);
  if (Number.isNaN(clock)) throw new StatusError(`mockdocker: cannot read "${opts.clock}" as a time`, 1);
  const markdown = /\.(md|markdown)$/i.test(opts.file);
  const sandbox = await lab.sandbox({ seed: opts.seed, clock });
  const c = colours(cli);
  const lines = text.split("\n");
  /** Replacements of line ranges, applied from the end so earlier indexes stay valid. */
  const edits: Array<{ from: number; to: number; text: string[] }> = [];
  let total = 0;
  let mismatches = 0;
  for (const block of transcriptBlocks(text, markdown)) {
    let steps;
    try {
      steps = parseTranscript(block.lines.join("\n"));
    } catch (error) {
      throw new StatusError(`mockdocker: ${opts.file}: ${(error as Error).message.replace(/^line (\d+)/, (_, n) => `line ${block.start + Number(n)}`)}`, 1);
    }
    steps.forEach((step, k) => {
      step.line += block.start;
      (step as { end?: number }).end = k + 1 < steps.length ? block.start + steps[k + 1]!.line - 1 : block.start + block.lines.length;
    });
    for (const step of steps) {
      const end = (step as { end?: number }).end!;
      if (!/^(docker|mockdocker)(\s|$)/.test(step.command)) continue;
      total++;
      const r = await sandbox.run(step.command, step.stdin !== undefined ? { stdin: step.stdin } : undefined);
      const expected = renderStep(step.command, step.stdout, step.stderr, step.exitCode, step.stdin);
      const actual = renderStep(step.command, r.stdout, r.stderr, r.exitCode, step.stdin);
      if (expected === actual) continue;
      mismatches++;
      if (opts.update) {
        edits.push({ from: step.line - 1, to: end, text: split(actual) });
        continue;
      }
      let out = `${c.bold(`--- ${opts.file}:${step.line} (expected)`)}\n${c.bold("+++ actual")}\n`;
      for (const d of lineDiff(split(expected), split(actual))) {
        const line = `${d.op}${d.line}`;
        out += `${d.op === "-" ? c.red(line) : d.op === "+" ? c.green(line) : line}\n`;
      }
      cli.out.write(out + "\n");
    }
  }
  if (opts.update) {
    for (const e of edits.sort((a, b) => b.from - a.from)) lines.splice(e.from, e.to - e.from, ...e.text);
    if (mismatches > 0) writeBack(cli, opts.file, lines.join("\n"));
    cli.out.write(`${total} commands replayed, ${mismatches} updated in ${opts.file}\n`);
    return;
  }
  if (total === 0) throw new StatusError(`mockdocker: ${opts.file} holds no '$ docker' or '$ mockdocker' commands`, 1);
  cli.out.write(mismatches === 0 ? `${c.green(`${total} commands replayed, all outputs match.`)}\n` : `${c.red(`${mismatches} of ${total} commands printed something else.`)}\n`);
  if (mismatches > 0) throw new StatusError("", 1);
}

function writeBack(cli: Cli, file: string, text: string): void {
  if (cli.files.writeBytes) cli.files.writeBytes(file, new TextEncoder().encode(text));
  else {
    cli.files.remove(file);
    cli.files.writeNew(file, text);
  }
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runReplay(cli, {
    file: args[0]!,
    update: flags.values.update === true,
    seed: String(flags.values.seed ?? "transcript"),
    clock: String(flags.values.clock ?? "2025-06-01T10:00:00Z"),
  });
}
