// Grading an exercise: its setup and an answer script run on a fresh in-memory host in
// deterministic mode, then the checks read the resulting host (engine/lab/check.ts).
import { memoryHostFiles } from "../cli/memory-files.js";
import { evaluateChecks, type CheckInput, type CheckResult } from "../engine/lab/check.js";
import type { Exercise } from "../engine/lab/exercise.js";
import { createSandbox, type CommandResult, type Sandbox } from "../sandbox.js";
import { parseScript } from "./script.js";

export interface StepResult extends CommandResult {
  line: number;
  command: string;
}

export interface GradeReport {
  title: string;
  topic?: string;
  results: CheckResult[];
  /** True when no check failed (skipped ones do not count). */
  passed: boolean;
  /** The answer's commands as run (absent when the current host was checked). */
  steps?: StepResult[];
  exitCode?: number;
}

const DEFAULT_CLOCK = Date.UTC(2025, 5, 1, 10, 0, 0);

export function exerciseSandbox(exercise: Pick<Exercise, "seed" | "clock">): { sandbox: Sandbox; files: ReturnType<typeof memoryHostFiles> } {
  const files = memoryHostFiles(new Map());
  const clock = exercise.clock ? Date.parse(exercise.clock) : DEFAULT_CLOCK;
  const sandbox = createSandbox({ seed: exercise.seed ?? "exercise", clock: Number.isNaN(clock) ? DEFAULT_CLOCK : clock, files });
  return { sandbox, files };
}

/** Runs a script's commands in order, as `sh` would: the exit code is the last command's. */
export async function runScript(sandbox: Sandbox, files: ReturnType<typeof memoryHostFiles>, script: string): Promise<{ steps: StepResult[]; exitCode: number }> {
  const steps: StepResult[] = [];
  let exitCode = 0;
  for (const cmd of parseScript(script)) {
    if (cmd.onlyAfterSuccess && exitCode !== 0) continue;
    let r: CommandResult;
    const program = cmd.argv[0] ?? "";
    if (program !== "docker" && program !== "mockdocker") {
      r = { stdout: "", stderr: `${program}: only docker commands run in an answer script\n`, exitCode: 127 };
    } else {
      let stdin: Uint8Array | undefined;
      try {
        stdin = cmd.stdinFrom !== undefined ? files.readBytes!(cmd.stdinFrom) : undefined;
      } catch {
        r = { stdout: "", stderr: `sh: can't open ${cmd.stdinFrom}: no such file\n`, exitCode: 1 };
        steps.push({ ...r, line: cmd.line, command: cmd.text });
        exitCode = r.exitCode;
        continue;
      }
      r = await sandbox.run(cmd.argv, stdin ? { stdin } : {});
      if (cmd.stdoutTo) {
        const bytes = r.stdoutBytes ?? new TextEncoder().encode(r.stdout);
        const before = cmd.stdoutTo.append && files.exists(cmd.stdoutTo.path) ? files.readBytes!(cmd.stdoutTo.path) : new Uint8Array();
        files.writeBytes!(cmd.stdoutTo.path, new Uint8Array([...before, ...bytes]));
        r = { ...r, stdout: "" };
      }
    }
    steps.push({ ...r, line: cmd.line, command: cmd.text });
    exitCode = r.exitCode;
  }
  return { steps, exitCode };
}

function report(exercise: Exercise, results: CheckResult[], more: Partial<GradeReport> = {}): GradeReport {
  return {
    title: exercise.title,
    ...(exercise.topic !== undefined ? { topic: exercise.topic } : {}),
    results,
    passed: results.every((r) => r.status !== "fail"),
    ...more,
  };
}

/** Setup, then the answer script, on a fresh host; then the checks. */
export async function gradeAnswer(exercise: Exercise, script: string): Promise<GradeReport> {
  const { sandbox, files } = exerciseSandbox(exercise);
  const setup = await runScript(sandbox, files, (exercise.setup ?? []).join("\n"));
  const broken = setup.steps.find((s) => s.exitCode !== 0);
  if (broken) {
    const results: CheckResult[] = [{ name: "exercise setup", status: "fail", detail: `setup command failed (${broken.exitCode}): ${broken.command}\n${broken.stderr.trim()}` }];
    return report(exercise, results, { steps: setup.steps, exitCode: broken.exitCode });
  }
  const answer = await runScript(sandbox, files, script);
  const state = sandbox.state();
  if (!state) throw new Error("the sandbox has no host");
  const input: CheckInput = {
    state,
    now: await sandboxNow(sandbox),
    commands: answer.steps.map((s) => s.command),
    exitCode: answer.exitCode,
    output: answer.steps.map((s) => s.stdout).join(""),
  };
  return report(exercise, await evaluateChecks(exercise.checks, input), { steps: answer.steps, exitCode: answer.exitCode });
}

/** The checks on a host state as it is (the learner's own host, `lab check --current`). */
export async function gradeState(exercise: Exercise, input: CheckInput): Promise<GradeReport> {
  return report(exercise, await evaluateChecks(exercise.checks, input));
}

async function sandboxNow(sandbox: Sandbox): Promise<number> {
  const s = sandbox.state();
  return s?.clock.frozenAt ?? Date.now() + (s?.clock.offsetMs ?? 0);
}
