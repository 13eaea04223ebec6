// Running a container's main process, its exit, and restart policies with Docker's back-off
// (moby: restartmanager/restartmanager.go, daemon/monitor.go).
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import type { ContainerRecord, LogRecord } from "../model.js";
import { heavy } from "../heavy.js";
import { containerFs } from "./rootfs.js";
import { connectDefaultEndpoints, disconnectEndpoints, publishPorts } from "./endpoints.js";
import { containerNetwork } from "../network/access.js";
import { processEnv } from "../network/hooks.js";
import { mountVolumes, removeAnonymousVolumes, unmountVolumes } from "../volumes/attach.js";
import { adoptByInit, applyOom, defaultOnTerm, initProcesses, mainPid } from "./pid1.js";
import { memoryCeiling } from "./resources.js";

const BACKOFF_START_MS = 100;
const BACKOFF_MAX_MS = 60_000;
const BACKOFF_RESET_AFTER_MS = 10_000;

export function containerAttributes(c: ContainerRecord, extra: Record<string, string> = {}): Record<string, string> {
  return { ...c.config.Labels, image: c.config.Image, name: c.name.slice(1), ...extra };
}

/** The error runc reports when the executable cannot be run (moby: daemon/start.go translateContainerdStartErr). */
export class StartError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function execFailure(argv0: string, reason: string): StartError {
  const prefix =
    "failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ";
  switch (reason) {
    case "not-found":
      return new StartError(`${prefix}exec: "${argv0}": executable file not found in $PATH: unknown`, 127);
    case "no-such-file":
      return new StartError(`${prefix}exec: "${argv0}": stat ${argv0}: no such file or directory: unknown`, 127);
    case "is-directory":
      return new StartError(`${prefix}exec: "${argv0}": is a directory: unknown`, 126);
    default:
      return new StartError(`${prefix}exec: "${argv0}": permission denied: unknown`, 126);
  }
}

/**
 * Starts the main process at time `at` (now, or when a restart falls due). Throws StartError when
 * the executable cannot be run; the container is then left as it was, with State.Error set.
 */
export function runMainProcess(tx: Tx, c: ContainerRecord, at: number, stdin?: string): void {
  // Every start writes /etc/hosts and /etc/hostname afresh (moby: BuildHostnameFile, libnetwork's
  // buildHostsFile): what was written to them before is gone. resolv.conf edits are kept.
  delete c.rwLayer["/etc/hosts"];
  delete c.rwLayer["/etc/hostname"];
  const argv = [c.path, ...c.args];
  const env = processEnv(tx.state, c);
  const { resolveExecutable, startProcess } = heavy().runtime;
  const found = resolveExecutable(containerFs(tx.state, c, at), c.path, env, c.config.WorkingDir || "/");
  if (!found.ok) throw execFailure(c.path, found.reason);
  let ports: NonNullable<ContainerRecord["ports"]>;
  try {
    ports = publishPorts(tx, c);
    // Endpoints come up before the process runs: it may resolve and connect at once.
    connectDefaultEndpoints(tx, c, at);
  } catch (error) {
    throw new StartError((error as Error).message, 128);
  }
  // After the endpoints: /etc/hosts names the container's own address.
  const fs = containerFs(tx.state, c, at);
  const pid = mainPid(c);
  const result = startProcess({
    argv,
    env,
    workdir: c.config.WorkingDir || "/",
    user: c.config.User,
    hostname: c.config.Hostname,
    fs,
    pid,
    ...(stdin !== undefined ? { stdin } : {}),
    // Nobody attached: an open stdin or a terminal makes readers (an interactive shell) wait.
    stdinOpen: stdin === undefined && (c.config.OpenStdin === true || c.config.Tty),
    tty: c.config.Tty,
    startTime: at,
    processes: initProcesses(c, argv),
    memoryLimit: memoryCeiling(c.hostConfig),
    random: () => tx.ids.float(),
    network: containerNetwork({ state: tx.state, c, fs, now: at }),
  });
  c.nextPid = Math.max(2, ...(result.processes ?? []).map((p) => p.pid + 1));
  c.process = {
    pending: result.output.map((o) => ({ ...o, at: at + o.at })),
    exitAt: result.exit === null ? null : at + result.exit.at,
    exitCode: result.exit?.code ?? 0,
    onTerm: result.onTerm ?? defaultOnTerm(c),
    processes: adoptByInit(c, result.processes ?? [{ pid, ppid: 0, user: "root", command: argv.join(" "), startedAt: 0 }]),
  };
  applyOom(c, c.process, result, at);
  const s = c.state;
  Object.assign(s, { status: "running", running: true, paused: false, restarting: false, oomKilled: false, dead: false, error: "", exitCode: 0 });
  s.pid = 1000 + tx.ids.int(60000);
  c.sandboxId = tx.ids.hex64();
  s.startedAt = at;
  c.restartAt = undefined;
  c.ports = ports;
  mountVolumes(tx, c, at);
  emitEvent(tx.state, at, "container", "start", c.id, containerAttributes(c));
}

/** Moves output whose time has come into the log. */
export function flushOutput(tx: Tx, c: ContainerRecord, upTo: number): void {
  const p = c.process;
  if (!p || p.pending.length === 0) return;
  const due: LogRecord[] = [];
  const later = [];
  for (const chunk of p.pending) {
    if (chunk.at > upTo) {
      later.push(chunk);
      continue;
    }
    // The json-file log driver keeps one entry per line.
    for (const line of chunk.text.match(/[^\n]*\n|[^\n]+$/g) ?? []) due.push({ at: chunk.at, stream: chunk.stream, text: line, time: chunk.at });
  }
  if (due.length > 0) {
    tx.side.appendLog(c.id, due);
    p.pending = later;
  }
}

/** The main process ended at `at` with `code`: apply the restart policy or stop. */
export function handleExit(tx: Tx, c: ContainerRecord, at: number, code: number, reason: { oomKilled?: boolean } = {}): void {
  flushOutput(tx, c, at);
  const stopping = c.process?.stopPending === true;
  if (stopping && c.process?.killAfterGrace && code === 137) {
    emitEvent(tx.state, at, "container", "kill", c.id, containerAttributes(c, { signal: "9" }));
  }
  const s = c.state;
  const ranFor = at - s.startedAt;
  Object.assign(s, { running: false, paused: false, restarting: false, pid: 0, exitCode: code, finishedAt: at, status: "exited" });
  s.oomKilled = reason.oomKilled ?? false;
  if (c.process) c.process = { ...c.process, pending: [], exitAt: null, processes: [], stopPending: false, killAfterGrace: false };
  c.ports = [];
  if (s.oomKilled) emitEvent(tx.state, Math.min(at, c.process?.oomAt ?? at), "container", "oom", c.id, containerAttributes(c));
  emitEvent(tx.state, at, "container", "die", c.id, containerAttributes(c, { execDuration: String(Math.trunc(ranFor / 1000)), exitCode: String(code) }));
  disconnectEndpoints(tx, c, at);
  unmountVolumes(tx, c, at);
  if (stopping) emitEvent(tx.state, at, "container", "stop", c.id, containerAttributes(c));

  // The back-off is computed on every exit, before the policy decision.
  if (ranFor >= BACKOFF_RESET_AFTER_MS) c.restartDelayMs = 0;
  c.restartDelayMs = c.restartDelayMs === 0 ? BACKOFF_START_MS : Math.min(c.restartDelayMs * 2, BACKOFF_MAX_MS);
  if (shouldRestart(c, code)) {
    c.restartCount += 1;
    Object.assign(s, { running: true, restarting: true, status: "restarting" });
    c.restartAt = at + c.restartDelayMs;
    return;
  }
  if (c.hostConfig.AutoRemove) {
    removeAnonymousVolumes(tx, c, at);
    removeContainerRecord(tx, c, at);
  }
}

function shouldRestart(c: ContainerRecord, code: number): boolean {
  if (c.state.manuallyStopped) return false;
  const policy = c.hostConfig.RestartPolicy;
  switch (policy.Name) {
    case "always":
    case "unless-stopped":
      return true;
    case "on-failure":
      return code !== 0 && (policy.MaximumRetryCount === 0 || c.restartCount < policy.MaximumRetryCount);
    default:
      return false;
  }
}

export function removeContainerRecord(tx: Tx, c: ContainerRecord, at: number): void {
  delete tx.state.containers[c.id];
  tx.side.removeLog(c.id);
  emitEvent(tx.state, at, "container", "destroy", c.id, containerAttributes(c));
}

/** When settleContainer would next change `c` (it exits or restarts); null: not while the state stands. */
export function nextTransition(c: ContainerRecord): number | null {
  const s = c.state;
  if (s.running && s.restarting) return c.restartAt ?? null;
  const main = c.process;
  if (!s.running || s.paused || !main) return null;
  return main.exitAt;
}

/** Brings one container up to `now`: output, exits, due restarts (repeatedly for crash loops). */
export function settleContainer(tx: Tx, c: ContainerRecord, now: number): void {
  for (let guard = 0; guard < 100_000; guard++) {
    const s = c.state;
    if (s.running && s.restarting) {
      if (c.restartAt === undefined || c.restartAt > now) return;
      try {
        runMainProcess(tx, c, c.restartAt);
      } catch (error) {
        if (!(error instanceof StartError)) throw error;
        Object.assign(s, { running: false, restarting: false, status: "exited", error: error.message, exitCode: error.exitCode });
        return;
      }
      continue;
    }
    if (!s.running || s.paused || !c.process) {
      return;
    }
    const main = c.process;
    const exitAt = main.exitAt;
    if (exitAt === null || exitAt > now) {
      flushOutput(tx, c, now);
      return;
    }
    handleExit(tx, c, exitAt, main.exitCode, { oomKilled: main.oomAt !== undefined && main.oomAt <= exitAt });
    if (!tx.state.containers[c.id]) return;
  }
}
