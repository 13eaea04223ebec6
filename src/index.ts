// Library entry point: in-process sandboxes for graders and tests.
export { createSandbox, splitCommandLine } from "./sandbox.js";
export type { CommandResult, Sandbox, SandboxOptions } from "./sandbox.js";
// Exercise grading (what `mockdocker lab check` does), for graders written in vitest or jest.
export { gradeAnswer, gradeState, runScript, exerciseSandbox } from "./lab/grade.js";
export type { GradeReport, StepResult } from "./lab/grade.js";
export { evaluateChecks } from "./engine/lab/check.js";
export type { CheckInput, CheckResult } from "./engine/lab/check.js";
export { validateExercise } from "./engine/lab/exercise.js";
export type { CheckSpec, Exercise } from "./engine/lab/exercise.js";
