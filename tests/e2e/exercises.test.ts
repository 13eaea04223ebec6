// Every exercise under fixtures/exercises: its reference solution passes `lab check` and its
// wrong answer fails it (in-process, as `mockdocker lab check FILE --answer SCRIPT` runs them).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gradeAnswer, validateExercise } from "../../src/index.js";

const dir = path.resolve(__dirname, "../../fixtures/exercises");
const exercises = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "exercise.yaml"))).sort();

const failures = (r: Awaited<ReturnType<typeof gradeAnswer>>) =>
  [
    ...r.results.filter((x) => x.status === "fail").map((x) => `${x.name}: ${x.detail}`),
    ...(r.steps ?? []).filter((s) => s.exitCode !== 0).map((s) => `line ${s.line} ${s.command}: ${s.stderr.trim().split("\n")[0]}`),
  ];

describe("exercises", () => {
  it("there are at least ten, with distinct topics", () => {
    const topics = exercises.map((d) => validateExercise(parse(fs.readFileSync(path.join(dir, d, "exercise.yaml"), "utf8"))).topic);
    expect(exercises.length).toBeGreaterThanOrEqual(10);
    expect(new Set(topics).size).toBe(exercises.length);
  });

  for (const name of exercises) {
    describe(name, () => {
      const exercise = validateExercise(parse(fs.readFileSync(path.join(dir, name, "exercise.yaml"), "utf8")));
      const read = (f: string) => fs.readFileSync(path.join(dir, name, f), "utf8");

      it("the reference solution passes", async () => {
        const report = await gradeAnswer(exercise, read("solution.sh"));
        expect(failures(report)).toEqual([]);
        expect(report.passed).toBe(true);
      });

      it("the wrong answer fails", async () => {
        const report = await gradeAnswer(exercise, read("wrong.sh"));
        expect(report.passed).toBe(false);
      });
    });
  }
});
