// mockdocker lab check FILE [--answer SCRIPT | --current] [--reporter text|json|junit] [-o FILE]
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import type { Exercise, GradeReport } from "../../client/lab.js";
import { colours, labOf } from "./common.js";
import { jsonReport, junitReport, textReport } from "./check-report.js";

export interface CheckOptions {
  file: string;
  answer?: string;
  current: boolean;
  reporter: string;
  output?: string;
}

function readFile(cli: Cli, file: string, what: string): string {
  try {
    return cli.files.readText(file);
  } catch (error) {
    throw new StatusError(`mockdocker: cannot read the ${what} ${file}: ${(error as Error).message}`, 1);
  }
}

export async function loadExercise(cli: Cli, file: string): Promise<Exercise> {
  const text = readFile(cli, file, "exercise");
  const { parse } = await import("yaml");
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new StatusError(`mockdocker: ${file} is not valid YAML: ${(error as Error).message.split("\n")[0]}`, 1);
  }
  try {
    return await labOf(cli).validateExercise(data);
  } catch (error) {
    if (error instanceof StatusError) throw new StatusError(error.message.replace(/^mockdocker: /, `mockdocker: ${file}: `), 1);
    throw error;
  }
}

export async function runCheck(cli: Cli, opts: CheckOptions): Promise<void> {
  if (!["text", "json", "junit"].includes(opts.reporter)) {
    throw new StatusError(`mockdocker: unknown reporter "${opts.reporter}": use text, json or junit`, 1);
  }
  if (opts.current === (opts.answer !== undefined)) {
    throw new StatusError("mockdocker: give the answer to check: --answer SCRIPT, or --current for the current host", 1);
  }
  const lab = labOf(cli);
  const exercise = await loadExercise(cli, opts.file);
  const report: GradeReport = opts.answer !== undefined
    ? await lab.gradeAnswer(exercise, readFile(cli, opts.answer, "answer script"))
    : await lab.gradeCurrent(exercise);
  const text = opts.reporter === "json" ? jsonReport(report) : opts.reporter === "junit" ? junitReport(report) : textReport(report, colours(cli));
  if (opts.output !== undefined) writeReport(cli, opts.output, text);
  else cli.out.write(text);
  if (!report.passed) throw new StatusError("", 1);
}

function writeReport(cli: Cli, file: string, text: string): void {
  try {
    if (cli.files.writeBytes) cli.files.writeBytes(file, new TextEncoder().encode(text));
    else {
      if (cli.files.exists(file)) cli.files.remove(file);
      cli.files.writeNew(file, text);
    }
  } catch (error) {
    throw new StatusError(`mockdocker: cannot write ${file}: ${(error as Error).message}`, 1);
  }
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  await runCheck(cli, {
    file: args[0]!,
    ...(flags.changed.has("answer") ? { answer: String(v.answer) } : {}),
    current: v.current === true,
    reporter: String(v.reporter ?? "text"),
    ...(flags.changed.has("output") ? { output: String(v.output) } : {}),
  });
}
