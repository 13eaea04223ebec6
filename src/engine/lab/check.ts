// Exercise checks on a host state and an answer's command list: pure, so graders can call them
// through the library as well as `mockdocker lab check` does. Each result says why.
import { loadHeavy } from "../heavy.js";
import type { HostState } from "../model.js";
import { findImage } from "../images/resolve.js";
import { checkKind, type AnswerExpectation, type CheckSpec, type CountExpectation, type NetworkExpectation } from "./exercise.js";
import { checkContainer, describeContainer } from "./check-container.js";

export interface CheckInput {
  state: HostState;
  /** Simulated now (ms), for reading container files. */
  now: number;
  /** The answer's command lines; absent when checking a learner's current host. */
  commands?: string[];
  /** The answer script's exit code. */
  exitCode?: number;
  /** What the answer printed on stdout. */
  output?: string;
}

export interface CheckResult {
  name: string;
  status: "pass" | "fail" | "skip";
  /** What was found: why it passed, failed or was skipped. */
  detail: string;
  hint?: string;
}

type Outcome = { ok: boolean | "skip"; detail: string };

export async function evaluateChecks(checks: CheckSpec[], input: CheckInput): Promise<CheckResult[]> {
  await loadHeavy();
  return checks.map((c) => {
    let outcome: Outcome;
    try {
      outcome = evaluate(c, input);
    } catch (error) {
      outcome = { ok: false, detail: (error as Error).message };
    }
    const result: CheckResult = { name: c.name ?? describe(c), status: outcome.ok === "skip" ? "skip" : outcome.ok ? "pass" : "fail", detail: outcome.detail };
    if (c.hint !== undefined) result.hint = c.hint;
    return result;
  });
}

function evaluate(c: CheckSpec, input: CheckInput): Outcome {
  const { state } = input;
  switch (checkKind(c)) {
    case "container":
      return checkContainer(c as Parameters<typeof checkContainer>[0], input.state, input.now);
    case "image": {
      const { image, absent } = c as { image: string; absent?: boolean };
      let found = false;
      try {
        found = findImage(state, String(image)) !== undefined;
      } catch {
        found = false;
      }
      return found === !absent
        ? { ok: true, detail: found ? `image ${image} is on the host` : `no image ${image} on the host` }
        : { ok: false, detail: found ? `image ${image} is still on the host` : `no image ${image} on the host` };
    }
    case "volume": {
      const { volume, absent } = c as { volume: string; absent?: boolean };
      const found = String(volume) in state.volumes;
      return { ok: found === !absent, detail: found ? `volume ${volume} exists` : `no volume named ${volume}` };
    }
    case "network":
      return checkNetwork(c as NetworkExpectation, state);
    case "count":
      return checkCount(c as CountExpectation, state);
    default:
      return checkAnswer(c as AnswerExpectation, input);
  }
}

function checkNetwork(c: NetworkExpectation, state: HostState): Outcome {
  const n = Object.values(state.networks).find((x) => x.name === String(c.network));
  if (!n) return { ok: c.absent === true, detail: `no network named ${c.network}` };
  if (c.absent) return { ok: false, detail: `network ${c.network} still exists` };
  if (c.driver !== undefined && n.driver !== c.driver) return { ok: false, detail: `network ${c.network} uses the ${n.driver} driver, not ${c.driver}` };
  return { ok: true, detail: `network ${c.network} exists (driver ${n.driver})` };
}

const DEFAULT_NETWORKS = ["bridge", "host", "none"];

function checkCount(c: CountExpectation, state: HostState): Outcome {
  let what: string;
  let n: number;
  if (c.containers) {
    const { status, image } = c.containers;
    const imageId = image === undefined ? undefined : safeImageId(state, image);
    n = Object.values(state.containers).filter((x) => (status === undefined || x.state.status === status) && (image === undefined || x.image === imageId)).length;
    what = `${status ?? ""} containers${image ? ` of ${image}` : ""}`.trim();
  } else if (c.images) {
    const tagged = new Set(Object.values(state.references));
    n = Object.values(state.images).filter((i) => c.images!.dangling === undefined || !tagged.has(i.id) === c.images!.dangling).length;
    what = c.images.dangling === true ? "dangling images" : c.images.dangling === false ? "tagged images" : "images";
  } else if (c.volumes) {
    n = Object.keys(state.volumes).length;
    what = "volumes";
  } else {
    const custom = c.networks?.custom;
    n = Object.values(state.networks).filter((x) => custom === undefined || !DEFAULT_NETWORKS.includes(x.name) === custom).length;
    what = custom ? "user-defined networks" : "networks";
  }
  return { ok: n === c.count, detail: `${n} ${what} (expected ${c.count})` };
}

function safeImageId(state: HostState, ref: string): string | undefined {
  try {
    return findImage(state, ref)?.id;
  } catch {
    return undefined;
  }
}

function checkAnswer(c: AnswerExpectation, input: CheckInput): Outcome {
  if (c.used !== undefined || c.avoid !== undefined) {
    if (!input.commands) return { ok: "skip", detail: "needs an answer script (not checked with --current)" };
    const re = new RegExp(String(c.used ?? c.avoid));
    const hit = input.commands.find((line) => re.test(line));
    if (c.used !== undefined) return hit ? { ok: true, detail: `used: ${hit}` } : { ok: false, detail: `no command matches /${c.used}/` };
    return hit ? { ok: false, detail: `the answer uses ${hit}` } : { ok: true, detail: `no command matches /${c.avoid}/` };
  }
  if (c.exitCode !== undefined) {
    if (input.exitCode === undefined) return { ok: "skip", detail: "needs an answer script (not checked with --current)" };
    return { ok: input.exitCode === c.exitCode, detail: `the answer exited with ${input.exitCode}` };
  }
  if (input.output === undefined) return { ok: "skip", detail: "needs an answer script (not checked with --current)" };
  const found = input.output.includes(String(c.output));
  return { ok: found, detail: found ? `the output contains "${c.output}"` : `the output does not contain "${c.output}"` };
}

/** A default name for a check without one. */
export function describe(c: CheckSpec): string {
  const a = c as Record<string, unknown>;
  switch (checkKind(c)) {
    case "container":
      return describeContainer(c as Parameters<typeof describeContainer>[0]);
    case "image":
      return a.absent ? `image ${a.image} is gone` : `image ${a.image} exists`;
    case "volume":
      return a.absent ? `volume ${a.volume} is gone` : `volume ${a.volume} exists`;
    case "network":
      return a.absent ? `network ${a.network} is gone` : `network ${a.network} exists${a.driver ? ` (${a.driver})` : ""}`;
    case "count": {
      const k = ["containers", "images", "volumes", "networks"].find((x) => x in a) ?? "objects";
      return `${a.count} ${k}${k in a && Object.keys(a[k] as object).length ? ` (${Object.entries(a[k] as object).map(([x, y]) => `${x}=${y}`).join(", ")})` : ""}`;
    }
    default:
      if (a.used !== undefined) return `uses a command matching /${a.used}/`;
      if (a.avoid !== undefined) return `does not use /${a.avoid}/`;
      if (a.exitCode !== undefined) return `the answer exits with ${a.exitCode}`;
      return `the output contains "${a.output}"`;
  }
}
