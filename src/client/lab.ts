// LabApi: what `mockdocker lab` asks of the simulated host (clock, reset, snapshots, grading),
// outside the Engine API. localLab serves it in-process; a LabError becomes mockdocker's own
// message ("mockdocker: ...", exit 1).
import { StatusError } from "../cli/errors.js";
import type { Engine } from "../engine/host.js";
import type { ClockInfo } from "../engine/lab/clock.js";
import { LabError } from "../engine/lab/errors.js";
import type { CheckResult } from "../engine/lab/check.js";
import type { CheckSpec, Exercise } from "../engine/lab/exercise.js";
import { Lab } from "../engine/lab/lab.js";
import type { SnapshotInfo } from "../engine/store.js";
import type { GradeReport } from "../lab/grade.js";
import type { Sandbox } from "../sandbox.js";

export type { CheckResult, CheckSpec, ClockInfo, Exercise, GradeReport, Sandbox, SnapshotInfo };

export interface LabApi {
  clock(): Promise<ClockInfo>;
  clockAdvance(ms: number): Promise<ClockInfo>;
  clockSet(t: number, mode?: "keep" | "freeze"): Promise<ClockInfo>;
  clockReal(): Promise<ClockInfo>;
  /** Parses "5m", "1h30m", "2d" (undefined when malformed). */
  parseDuration(text: string): Promise<number | undefined>;
  reset(): Promise<{ keptAs?: string }>;
  snapshotSave(name: string): Promise<SnapshotInfo>;
  snapshotRestore(name: string): Promise<SnapshotInfo>;
  snapshotList(): Promise<SnapshotInfo[]>;
  snapshotRemove(name: string): Promise<void>;
  /** Checks an exercise's shape (after YAML parsing). */
  validateExercise(data: unknown): Promise<Exercise>;
  /** Runs setup and the answer script on a fresh host, then the checks. */
  gradeAnswer(exercise: Exercise, script: string): Promise<GradeReport>;
  /** The checks on this host as it is now. */
  gradeCurrent(exercise: Exercise): Promise<GradeReport>;
  /** A fresh in-memory host in deterministic mode (lab replay). */
  sandbox(opts: { seed: string; clock: number }): Promise<Sandbox>;
}

export function localLab(engine: Engine): LabApi {
  const lab = new Lab(engine);
  const api: LabApi = {
    clock: () => lab.clock(),
    clockAdvance: (ms) => lab.clockAdvance(ms),
    clockSet: (t, mode) => lab.clockSet(t, mode),
    clockReal: () => lab.clockReal(),
    parseDuration: async (text) => (await import("../engine/lab/clock.js")).parseDuration(text),
    reset: () => lab.reset(),
    snapshotSave: (name) => lab.snapshotSave(name),
    snapshotRestore: (name) => lab.snapshotRestore(name),
    snapshotList: () => lab.snapshotList(),
    snapshotRemove: (name) => lab.snapshotRemove(name),
    validateExercise: async (data) => (await import("../engine/lab/exercise.js")).validateExercise(data),
    gradeAnswer: async (exercise, script) => (await import("../lab/grade.js")).gradeAnswer(exercise, script),
    gradeCurrent: async (exercise) => {
      const { gradeState } = await import("../lab/grade.js");
      const { state, now } = await lab.hostState();
      return gradeState(exercise, { state, now });
    },
    sandbox: async (opts) => (await import("../sandbox.js")).createSandbox(opts),
  };
  return new Proxy(api, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>)(...args);
        } catch (error) {
          if (error instanceof LabError) throw new StatusError(`mockdocker: ${error.message}`, 1);
          throw error;
        }
      };
    },
  });
}
