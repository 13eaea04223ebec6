// The exercise file's schema (README "Exercise files"), checked after YAML parsing so an
// author gets one clear message naming the bad field instead of a failing check later.
import { LabError } from "./errors.js";

/** One mount a container should have: a volume name or an absolute host path, at `path`. */
export interface MountExpectation {
  volume?: string;
  bind?: string;
  tmpfs?: boolean;
  path: string;
  readOnly?: boolean;
}

export interface ContainerExpectation {
  container: string;
  absent?: boolean;
  running?: boolean;
  status?: string;
  image?: string;
  exitCode?: number;
  /** "8080:80", "8080:80/udp" (host:container) or "80" (the container port, on any host port). */
  publishes?: string | string[];
  /** "always", "unless-stopped", "on-failure", "on-failure:3", "no". */
  restart?: string;
  /** "data:/data", "/host/dir:/app:ro", or the object form. */
  mounts?: string | MountExpectation | Array<string | MountExpectation>;
  network?: string | string[];
  /** "KEY=VALUE" or "KEY" (set to anything). */
  env?: string | string[];
  readOnly?: boolean;
  /** "db" or "db:alias": a legacy link to the container db. */
  links?: string | string[];
  file?: { path: string; contains?: string; equals?: string };
}

export interface ImageExpectation {
  image: string;
  absent?: boolean;
}

export interface VolumeExpectation {
  volume: string;
  absent?: boolean;
}

export interface NetworkExpectation {
  network: string;
  absent?: boolean;
  driver?: string;
}

/** How many objects of a kind there are, optionally narrowed. */
export interface CountExpectation {
  count: number;
  containers?: { status?: string; image?: string };
  images?: { dangling?: boolean };
  volumes?: Record<string, never>;
  networks?: { custom?: boolean };
}

/** On the answer itself: a command it used (or avoided), its exit code, its output. */
export interface AnswerExpectation {
  used?: string;
  avoid?: string;
  exitCode?: number;
  output?: string;
}

export type CheckSpec = (
  | ContainerExpectation
  | ImageExpectation
  | VolumeExpectation
  | NetworkExpectation
  | CountExpectation
  | AnswerExpectation
) & { name?: string; hint?: string };

export interface Exercise {
  title: string;
  topic?: string;
  description?: string;
  /** Commands run on the fresh host before the answer (their failures stop the check). */
  setup?: string[];
  hints?: string[];
  checks: CheckSpec[];
  /** Deterministic mode for this exercise (defaults: seed "exercise", 2025-06-01T10:00:00Z). */
  seed?: string;
  clock?: string;
}

const KINDS = ["container", "image", "volume", "network", "count", "used", "avoid", "exitCode", "output"] as const;

const FIELDS: Record<string, Record<string, string>> = {
  container: {
    container: "string", absent: "boolean", running: "boolean", status: "string", image: "string", exitCode: "number",
    publishes: "strings", restart: "string", mounts: "any", network: "strings", env: "strings", readOnly: "boolean",
    links: "strings", file: "object",
  },
  image: { image: "string", absent: "boolean" },
  volume: { volume: "string", absent: "boolean" },
  network: { network: "string", absent: "boolean", driver: "string" },
  count: { count: "number", containers: "object", images: "object", volumes: "object", networks: "object" },
  answer: { used: "string", avoid: "string", exitCode: "number", output: "string" },
};

function typeOk(value: unknown, type: string): boolean {
  switch (type) {
    case "any":
      return true;
    case "strings":
      return typeof value === "string" || typeof value === "number" || (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number"));
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "string":
      return typeof value === "string" || typeof value === "number";
    default:
      return typeof value === type;
  }
}

/** Which kind of check an entry is: the first kind key it has. */
export function checkKind(c: CheckSpec): "container" | "image" | "volume" | "network" | "count" | "answer" {
  const key = KINDS.find((k) => k in c);
  if (key === "container" || key === "image" || key === "volume" || key === "network" || key === "count") return key;
  return "answer";
}

export function validateExercise(data: unknown): Exercise {
  const fail = (msg: string): never => {
    throw new LabError(`invalid exercise: ${msg}`);
  };
  if (typeof data !== "object" || data === null || Array.isArray(data)) fail("the file must be a mapping with title and checks");
  const e = data as Record<string, unknown>;
  const known = ["title", "topic", "description", "setup", "hints", "checks", "seed", "clock"];
  for (const k of Object.keys(e)) if (!known.includes(k)) fail(`unknown field "${k}" (known: ${known.join(", ")})`);
  if (typeof e.title !== "string" || e.title === "") fail('"title" must be a non-empty string');
  for (const k of ["setup", "hints"]) {
    if (e[k] !== undefined && !(Array.isArray(e[k]) && (e[k] as unknown[]).every((s) => typeof s === "string"))) fail(`"${k}" must be a list of strings`);
  }
  for (const k of ["topic", "description", "seed", "clock"]) if (e[k] !== undefined && typeof e[k] !== "string") fail(`"${k}" must be a string`);
  if (!Array.isArray(e.checks) || e.checks.length === 0) fail('"checks" must be a non-empty list');
  (e.checks as unknown[]).forEach((c, i) => {
    const where = `checks[${i}]`;
    if (typeof c !== "object" || c === null || Array.isArray(c)) fail(`${where} must be a mapping`);
    const check = c as Record<string, unknown>;
    if (!KINDS.some((k) => k in check)) fail(`${where} says nothing to check (it needs one of ${KINDS.join(", ")})`);
    const fields = FIELDS[checkKind(check as CheckSpec)]!;
    for (const [k, v] of Object.entries(check)) {
      if (k === "name" || k === "hint") {
        if (typeof v !== "string") fail(`${where}.${k} must be a string`);
        continue;
      }
      const type = fields[k];
      if (!type) fail(`${where}: "${k}" does not belong in a ${checkKind(check as CheckSpec)} check`);
      if (!typeOk(v, type!)) fail(`${where}.${k} must be ${type === "strings" ? "a string or a list of strings" : `a ${type}`}`);
    }
    const file = check.file as Record<string, unknown> | undefined;
    if (file !== undefined && (typeof file.path !== "string" || !file.path.startsWith("/"))) fail(`${where}.file needs an absolute "path"`);
    if (typeof check.used === "string" || typeof check.avoid === "string") {
      try {
        new RegExp(String(check.used ?? check.avoid));
      } catch {
        fail(`${where}: not a valid regular expression: ${String(check.used ?? check.avoid)}`);
      }
    }
  });
  return e as unknown as Exercise;
}
