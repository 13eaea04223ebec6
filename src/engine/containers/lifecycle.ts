// start, stop, kill, pause, unpause, rm, rename (moby: daemon/start.go, stop.go, kill.go,
// pause.go, delete.go, rename.go). Operations that take simulated time (stop's grace period)
// return the instant they complete at; the daemon facade waits for it.
import { conflict, invalidParameter, notModified } from "../errors.js";
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import type { ContainerRecord } from "../model.js";
import { networkByName } from "./endpoints.js";
import { containerByName, getContainer } from "./lookup.js";
import { containerAttributes, flushOutput, handleExit, removeContainerRecord, runMainProcess, settleContainer, StartError } from "./process.js";
import { parseKillSignal, parseSignal, reactionTo } from "./signals.js";
import { heavy } from "../heavy.js";
import type { OutputChunk } from "../runtime/types.js";
import { removeAnonymousVolumes } from "../volumes/attach.js";
import { StartFailedError } from "./start-failure.js";
import { renameInLinks } from "../network/links.js";

export function startContainer(tx: Tx, ref: string, stdin?: string): void {
  const c = getContainer(tx.state, ref);
  const s = c.state;
  if (s.paused) throw conflict("cannot start a paused container, try unpause instead");
  if (s.running && !s.restarting) throw notModified();
  const mode = c.hostConfig.NetworkMode;
  if (!mode.startsWith("container:") && !["default", "host", "none"].includes(mode) && !networkByName(tx.state, mode)) {
    failStart(c, `failed to set up container networking: network ${mode} not found`, 128);
  }
  if (mode.startsWith("container:")) {
    const target = getContainer(tx.state, mode.slice("container:".length));
    if (!target.state.running) failStart(c, `cannot join network namespace of a non running container: container ${target.id} is ${target.state.status}`, 128);
  }
  s.manuallyStopped = false;
  c.restartCount = 0;
  try {
    runMainProcess(tx, c, tx.now, stdin);
  } catch (error) {
    if (error instanceof StartError) failStart(c, error.message, error.exitCode);
    throw error;
  }
  settleContainer(tx, c, tx.now);
}

function failStart(c: ContainerRecord, message: string, exitCode: number): never {
  c.state.error = message;
  c.state.exitCode = exitCode;
  throw new StartFailedError(message, c.id, exitCode);
}

/** A program's shutdown lines are written relative to the signal; place them at `at`. */
function shutdownLog(c: ContainerRecord, log: OutputChunk[], at: number): OutputChunk[] {
  const shift = at - c.state.startedAt;
  return log.map((chunk) => ({ ...chunk, at: at + chunk.at, text: heavy().services.shiftLogTimestamps(chunk.text, shift) }));
}

function stopSignalOf(c: ContainerRecord): string {
  return c.config.StopSignal || "SIGTERM";
}

/**
 * Sends the stop signal; if the process ignores it, SIGKILL follows after the grace period.
 * Returns the instant the container is down (now, or now + grace).
 */
export function stopContainer(tx: Tx, ref: string, opts: { signal?: string; timeout?: number }): number {
  const c = getContainer(tx.state, ref);
  const s = c.state;
  if (!s.running) throw notModified();
  s.manuallyStopped = true;
  if (s.restarting) {
    Object.assign(s, { running: false, restarting: false, status: "exited" });
    c.restartAt = undefined;
    emitEvent(tx.state, tx.now, "container", "stop", c.id, containerAttributes(c));
    return tx.now;
  }
  if (s.paused) resumeProcessClock(c, tx.now);
  const signal = parseSignal(opts.signal || stopSignalOf(c));
  const graceSeconds = opts.timeout ?? c.config.StopTimeout ?? 10;
  emitEvent(tx.state, tx.now, "container", "kill", c.id, containerAttributes(c, { signal: String(signal.number) }));
  const reaction = reactionTo(signal, c.process?.onTerm);
  let downAt: number;
  let code: number;
  const p = c.process!;
  if (reaction.kind === "exit") {
    downAt = tx.now;
    code = reaction.code;
    if (reaction.log && c.process) c.process.pending.push(...shutdownLog(c, reaction.log, tx.now));
  } else {
    downAt = graceSeconds < 0 ? Number.MAX_SAFE_INTEGER : tx.now + graceSeconds * 1000;
    code = 137;
    p.killAfterGrace = true;
  }
  // An earlier natural exit wins over the signal.
  if (p.exitAt === null || p.exitAt > downAt) {
    p.exitAt = downAt;
    p.exitCode = code;
  }
  p.stopPending = true;
  settleStopped(tx, c);
  return p.exitAt;
}

/** Completes a stop whose time has come: the die/stop events and the final state. */
export function settleStopped(tx: Tx, c: ContainerRecord): void {
  settleContainer(tx, c, tx.now);
}

export function killContainer(tx: Tx, ref: string, signalName: string | undefined): void {
  // The signal is checked before the container is looked up (moby: daemon/kill.go).
  const signal = parseKillSignal(signalName || "SIGKILL");
  const c = getContainer(tx.state, ref);
  const s = c.state;
  if (!s.running) {
    throw conflict(`cannot kill container: ${ref}: container ${c.id} is not running`);
  }
  // moby kill.go: a restarting container is only told to exit on its next event (the pending
  // restart is cancelled); no signal, no kill event.
  if (s.restarting) {
    s.manuallyStopped = true;
    Object.assign(s, { running: false, restarting: false, status: "exited" });
    c.restartAt = undefined;
    return;
  }
  if (s.paused && signal.number !== 9) throw conflict(`cannot kill container: ${ref}: Container ${c.id} is paused. Unpause the container before stopping or killing`);
  emitEvent(tx.state, tx.now, "container", "kill", c.id, containerAttributes(c, { signal: String(signal.number) }));
  const p = c.process!;
  if (signal.number === 9) {
    s.manuallyStopped = true;
    if (s.paused) resumeProcessClock(c, tx.now);
    handleExit(tx, c, tx.now, 137);
    return;
  }
  const reaction = reactionTo(signal, p.onTerm);
  if (reaction.kind === "exit") {
    s.manuallyStopped = true;
    if (reaction.log) p.pending.push(...shutdownLog(c, reaction.log, tx.now));
    handleExit(tx, c, tx.now, reaction.code);
  }
  // Other signals, and signals a PID 1 has no handler for, change nothing.
}

export function pauseContainer(tx: Tx, ref: string): void {
  const c = getContainer(tx.state, ref);
  const s = c.state;
  if (!s.running) throw conflict(`Container ${c.id} is not running`);
  if (s.paused) throw conflict(`Container ${c.id} is already paused`);
  if (s.restarting) throw conflict(`Container ${c.id} is restarting, wait until the container is running`);
  flushOutput(tx, c, tx.now);
  s.paused = true;
  s.status = "paused";
  c.pausedAt = tx.now;
  emitEvent(tx.state, tx.now, "container", "pause", c.id, containerAttributes(c));
}

export function unpauseContainer(tx: Tx, ref: string): void {
  const c = getContainer(tx.state, ref);
  if (!c.state.paused) throw conflict(`Container ${c.id} is not paused`);
  resumeProcessClock(c, tx.now);
  emitEvent(tx.state, tx.now, "container", "unpause", c.id, containerAttributes(c));
}

/** A paused process did not advance: shift what it still has to do by the paused time. */
function resumeProcessClock(c: ContainerRecord, now: number): void {
  const pausedFor = now - (c.pausedAt ?? now);
  const p = c.process;
  if (p && pausedFor > 0) {
    p.pending = p.pending.map((chunk) => ({ ...chunk, at: chunk.at + pausedFor }));
    if (p.exitAt !== null) p.exitAt += pausedFor;
  }
  c.state.paused = false;
  c.state.status = "running";
  c.pausedAt = undefined;
}

export function removeContainer(tx: Tx, ref: string, opts: { force?: boolean; volumes?: boolean }): void {
  const c = getContainer(tx.state, ref);
  const s = c.state;
  if (s.running && !opts.force) {
    if (s.paused) throw conflict(`cannot remove container "${ref}": container is paused and must be unpaused first`);
    if (s.restarting) throw conflict(`cannot remove container "${ref}": container is restarting: stop the container before removing or force remove`);
    throw conflict(`cannot remove container "${ref}": container is running: stop the container before removing or force remove`);
  }
  if (s.running) {
    emitEvent(tx.state, tx.now, "container", "kill", c.id, containerAttributes(c, { signal: "9" }));
    s.manuallyStopped = true;
    if (s.restarting) Object.assign(s, { running: false, restarting: false, status: "exited" });
    else handleExit(tx, c, tx.now, 137);
  }
  if (!tx.state.containers[c.id]) return;
  if (opts.volumes) removeAnonymousVolumes(tx, c);
  removeContainerRecord(tx, c, tx.now);
}

export function renameContainer(tx: Tx, ref: string, newName: string): void {
  const c = getContainer(tx.state, ref);
  const oldName = c.name;
  const wanted = newName.startsWith("/") ? newName : `/${newName}`;
  if (wanted === oldName) throw invalidParameter("Renaming a container with the same name as its current name");
  if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(newName)) {
    throw invalidParameter(`Invalid container name (${newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  }
  const holder = containerByName(tx.state, wanted);
  if (holder) {
    throw conflict(
      `Conflict. The container name "${wanted}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  }
  c.name = wanted;
  renameInLinks(tx.state, c, oldName);
  emitEvent(tx.state, tx.now, "container", "rename", c.id, containerAttributes(c, { oldName }));
}
