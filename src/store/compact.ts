// state.json leaves out what a container record repeats from docker's defaults (most of a
// HostConfig is zero values): about half of a record, and reading the state is most of what a
// command costs on a busy host. A part is compacted only when expanding it gives back exactly
// the same JSON (values and key order); anything else is stored as it is.
import type { ContainerRecord } from "../engine/model.js";
import { plainCopy } from "./plain-copy.js";

type Json = Record<string, unknown>;

interface Shape {
  /** Keys in the order the engine writes them. */
  order: readonly string[];
  /** Values left out when a record has them. */
  defaults: Json;
}

/** Keys of the record this shape had but whose defaults were absent from it. */
const ABSENT = "~absent";

const CONFIG: Shape = {
  order: ["Hostname", "Domainname", "User", "AttachStdin", "AttachStdout", "AttachStderr", "ExposedPorts", "Tty", "OpenStdin", "StdinOnce", "Env", "Cmd", "Healthcheck", "Image", "Volumes", "WorkingDir", "Entrypoint", "OnBuild", "Labels", "StopSignal", "StopTimeout"],
  defaults: { Domainname: "", User: "", AttachStdin: false, AttachStdout: true, AttachStderr: true, Tty: false, OpenStdin: false, StdinOnce: false, Volumes: null, WorkingDir: "", Entrypoint: null, OnBuild: null, Labels: {} },
};

const HOST_CONFIG: Shape = {
  order: ["Binds", "ContainerIDFile", "LogConfig", "NetworkMode", "PortBindings", "RestartPolicy", "AutoRemove", "VolumesFrom", "CapAdd", "CapDrop", "Dns", "DnsOptions", "DnsSearch", "ExtraHosts", "Links", "Privileged", "PublishAllPorts", "ReadonlyRootfs", "ShmSize", "CpuShares", "Memory", "NanoCpus", "MemoryReservation", "MemorySwap", "PidsLimit", "CpusetCpus"],
  defaults: {
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
  },
};

const STATE: Shape = {
  order: ["status", "running", "paused", "restarting", "oomKilled", "dead", "pid", "exitCode", "error", "startedAt", "finishedAt", "manuallyStopped"],
  defaults: { paused: false, restarting: false, oomKilled: false, dead: false, exitCode: 0, error: "", finishedAt: 0, manuallyStopped: false },
};

const PARTS = [
  ["config", CONFIG],
  ["hostConfig", HOST_CONFIG],
  ["state", STATE],
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function compactPart(value: Json, shape: Shape): Json {
  const out: Json = {};
  const absent = Object.keys(shape.defaults).filter((k) => !(k in value));
  for (const [k, v] of Object.entries(value)) if (!(k in shape.defaults) || !same(v, shape.defaults[k])) out[k] = v;
  if (absent.length > 0) out[ABSENT] = absent;
  return out;
}

function expandPart(stored: Json, shape: Shape): Json {
  const absent = (stored[ABSENT] as string[] | undefined) ?? [];
  const out: Json = {};
  for (const k of shape.order) {
    if (k in stored) out[k] = stored[k];
    else if (k in shape.defaults && !absent.includes(k)) out[k] = plainCopy(shape.defaults[k]);
  }
  for (const [k, v] of Object.entries(stored)) if (!(k in out) && k !== ABSENT) out[k] = v;
  return out;
}

/** The record as state.json keeps it; `compact` marks which parts were compacted. */
export function compactContainer(c: ContainerRecord): Json {
  const out: Json = { ...c };
  const compacted: string[] = [];
  for (const [key, shape] of PARTS) {
    const value = (c as unknown as Json)[key] as Json | undefined;
    if (value === undefined || value === null) continue;
    const stored = compactPart(value, shape);
    if (same(expandPart(stored, shape), value)) {
      out[key] = stored;
      compacted.push(key);
    }
  }
  if (compacted.length > 0) out["~compact"] = compacted;
  return out;
}

export function expandContainer(stored: Json): ContainerRecord {
  const compacted = stored["~compact"] as string[] | undefined;
  if (compacted === undefined) return stored as unknown as ContainerRecord;
  delete stored["~compact"];
  for (const [key, shape] of PARTS) if (compacted.includes(key)) stored[key] = expandPart(stored[key] as Json, shape);
  return stored as unknown as ContainerRecord;
}
