// state.json leaves out what a container record repeats from docker's defaults (most of a
// HostConfig is zero values): about a third of a busy host's state, and reading the state is
// most of what a command costs there. A part is compacted only when expanding it gives back
// exactly the same keys, values and key order; anything else is stored as it is.
import type { ContainerRecord } from "../engine/model.js";

type Json = Record<string, unknown>;

/** Marks the parts of a stored record that were compacted. */
const COMPACT = "~compact";

// Each part's usual keys in the engine's order, defaults filled in, the others undefined until
// the stored values are assigned over them: an object literal is the fastest way to make them.
const parts: ReadonlyArray<readonly [key: "config" | "hostConfig" | "state", make: () => Json]> = [
  [
    "config",
    () => ({
      Hostname: undefined,
      Domainname: "",
      User: "",
      AttachStdin: false,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: undefined,
      Cmd: undefined,
      Image: undefined,
      Volumes: null,
      WorkingDir: "",
      Entrypoint: null,
      OnBuild: null,
      Labels: {},
    }),
  ],
  [
    "hostConfig",
    () => ({
      Binds: null,
      ContainerIDFile: "",
      LogConfig: { Type: "json-file", Config: {} },
      NetworkMode: "default",
      PortBindings: {},
      RestartPolicy: { Name: "no", MaximumRetryCount: 0 },
      AutoRemove: false,
      VolumesFrom: null,
      CapAdd: null,
      CapDrop: null,
      Dns: [],
      DnsOptions: [],
      DnsSearch: [],
      ExtraHosts: null,
      Links: null,
      Privileged: false,
      PublishAllPorts: false,
      ReadonlyRootfs: false,
      ShmSize: 67108864,
      CpuShares: 0,
      Memory: 0,
      NanoCpus: 0,
      MemoryReservation: 0,
      MemorySwap: 0,
      PidsLimit: null,
      CpusetCpus: "",
    }),
  ],
  [
    "state",
    () => ({
      status: undefined,
      running: undefined,
      paused: false,
      restarting: false,
      oomKilled: false,
      dead: false,
      pid: undefined,
      exitCode: 0,
      error: "",
      startedAt: undefined,
      finishedAt: 0,
      manuallyStopped: false,
    }),
  ],
];

/** Equal as JSON: primitives compare directly (most values), objects by their JSON text. */
const same = (a: unknown, b: unknown) =>
  typeof b !== "object" || b === null || typeof a !== "object" || a === null ? a === b : JSON.stringify(a) === JSON.stringify(b);

function compactPart(value: Json, make: () => Json): Json {
  const defaults = make();
  const out: Json = {};
  for (const k in value) if (defaults[k] === undefined || !same(value[k], defaults[k])) out[k] = value[k];
  return out;
}

const expandPart = (stored: Json, make: () => Json): Json => Object.assign(make(), stored);

/**
 * Whether expanding gives back `value` exactly. Every value does by construction (a kept value
 * is the same value, a left-out one equals its default as JSON), so only the keys and their
 * order can differ: a default key the record lacks, or the record's keys in another order.
 */
function exactly(expanded: Json, value: Json): boolean {
  const a = Object.keys(expanded);
  const b = Object.keys(value);
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** The record as state.json keeps it. */
export function compactContainer(c: ContainerRecord): Json {
  const out: Json = { ...c };
  const compacted: string[] = [];
  for (const [key, make] of parts) {
    const value = out[key] as Json | undefined | null;
    if (value === undefined || value === null) continue;
    const stored = compactPart(value, make);
    if (exactly(expandPart(stored, make), value)) {
      out[key] = stored;
      compacted.push(key);
    }
  }
  if (compacted.length > 0) out[COMPACT] = compacted.length === parts.length ? 1 : compacted;
  return out;
}

/** The record as the engine sees it (changes and returns `stored`). */
export function expandContainer(stored: Json): ContainerRecord {
  const compacted = stored[COMPACT] as 1 | string[] | undefined;
  if (compacted !== undefined) {
    delete stored[COMPACT];
    for (const [key, make] of parts) if (compacted === 1 || compacted.includes(key)) stored[key] = expandPart(stored[key] as Json, make);
  }
  return stored as unknown as ContainerRecord;
}
