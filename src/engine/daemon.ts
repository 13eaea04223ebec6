// The engine's facade: Engine API operations, each one transaction or view, and the
// operations that take simulated time (stop's grace period, wait, attach, follow).
import type {
  ContainerCreateRequest,
  ExecRequest,
  ExecResult,
  Filters,
  JsonMessage,
  LogEntry,
  LogsOptions,
  RemoveImageItem,
  TopResult,
  WaitResult,
} from "./api-types.js";
import { createContainer } from "./containers/create.js";
import { execInContainer } from "./containers/exec.js";
import { topContainer } from "./containers/top.js";
import { updateContainer, type ContainerUpdateRequest } from "./containers/update.js";
import { streamStats, type ContainerStatsFrame, type ContainerStatsOptions } from "./containers/stats-stream.js";
import { openShell, type ShellHandle, type ShellOpenOptions } from "./containers/interactive.js";
import { inspectContainer } from "./containers/inspect.js";
import {
  killContainer,
  pauseContainer,
  removeContainer,
  renameContainer,
  startContainer,
  stopContainer,
  unpauseContainer,
} from "./containers/lifecycle.js";
import { getContainer } from "./containers/lookup.js";
import { recordingFailedStart } from "./containers/start-failure.js";
import { nextWake } from "./containers/wake.js";
import { EngineError } from "./errors.js";
import type { Engine, HostView, Tx } from "./host.js";
import { imageHistory, inspectImage, pullImage, removeImage, tagImage } from "./images/index.js";
import type { ContainerRecord, LogRecord } from "./model.js";
import { systemInfo, versionInfo } from "./system.js";
import {
  connectNetwork,
  createNetwork,
  disconnectNetwork,
  hostHttpGet,
  inspectNetwork,
  listNetworks,
  removeNetwork,
  type HostHttpResult,
  type NetworkConnectRequest,
  type NetworkCreateRequest,
  type NetworkSummary,
} from "./network/index.js";
import { diskUsage } from "./df.js";
import { pruneBuildCache, pruneContainers, pruneImages, pruneNetworks, pruneVolumes } from "./prune.js";
import { streamEvents } from "./system/events-stream.js";
import type {
  BuildCachePruneReport,
  ContainerPruneReport,
  DiskUsage,
  EventMessage,
  EventsQuery,
  ImagePruneReport,
  NetworkPruneReport,
  VolumePruneReport,
} from "./system/types.js";
import { archivePath, containerChanges, exportTree, extractToDir, statPath, type ExtractOptions, type FilesystemChange, type PathArchive, type PathStat } from "./fs/changes.js";
import type { FileTree } from "./fs/types.js";
import { loadHeavy } from "./heavy.js";
import { pushImage } from "./images/push.js";
import { registryLogin, type AuthConfig } from "./registry/auth.js";
import { searchImages, type SearchResultDto } from "./registry/search.js";
import { DaemonViews } from "./daemon-views.js";
import { emitEvent } from "./events.js";
import { containerAttributes } from "./containers/process.js";
import { commitContainer, type CommitOptions } from "./images/commit.js";
import { importImage, type ImportOptions } from "./images/import.js";
import { saveImages } from "./images/archive-save.js";
import { loadImages } from "./images/archive-load.js";
import type { LoadArchive, LoadLine, LoadOptions } from "./images/archive-read.js";
import { createVolume, getVolume, listVolumes, removeVolume, volumeDto, type VolumeCreateRequest, type VolumeDto } from "./volumes/store.js";

const POLL_MS = 250;

export class Daemon extends DaemonViews {
  constructor(engine: Engine) {
    super(engine);
  }

  // ---- system

  async version() {
    return versionInfo();
  }

  async info() {
    return systemInfo(await this.view());
  }

  // ---- host-wide: prune, disk usage, events (logic in prune.ts, df.ts, system/events-stream.ts)

  async containerPrune(filters: Filters = {}): Promise<ContainerPruneReport> {
    return this.engine.transact((tx) => pruneContainers(tx, filters));
  }

  async imagePrune(filters: Filters = {}): Promise<ImagePruneReport> {
    return this.engine.transact((tx) => pruneImages(tx, filters));
  }

  async networkPrune(filters: Filters = {}): Promise<NetworkPruneReport> {
    return this.engine.transact((tx) => pruneNetworks(tx, filters));
  }

  async volumePrune(filters: Filters = {}): Promise<VolumePruneReport> {
    return this.engine.transact((tx) => pruneVolumes(tx, filters));
  }

  async buildCachePrune(opts: { all?: boolean; filters?: Filters } = {}): Promise<BuildCachePruneReport> {
    return this.engine.transact((tx) => pruneBuildCache(tx, opts));
  }

  async systemDf(): Promise<DiskUsage> {
    return diskUsage(await this.view());
  }

  async events(query: EventsQuery, onEvent: (m: EventMessage) => void, signal?: AbortSignal): Promise<void> {
    await streamEvents(this.engine, query, onEvent, signal);
  }

  // ---- containers

  async containerCreate(req: ContainerCreateRequest): Promise<{ Id: string; Warnings: string[] }> {
    return this.engine.transact((tx) => createContainer(tx, req));
  }

  async containerStart(ref: string, opts: { stdin?: string } = {}): Promise<void> {
    await recordingFailedStart(this.engine, () => this.engine.transact((tx) => startContainer(tx, ref, opts.stdin)));
  }

  async containerStop(ref: string, opts: { signal?: string; timeout?: number } = {}): Promise<void> {
    const { id, downAt } = await this.engine.transact((tx) => {
      const downAt = stopContainer(tx, ref, opts);
      return { id: getContainer(tx.state, ref).id, downAt };
    });
    await this.settleAt(id, downAt);
  }

  /** Waits (in simulated time) for a stop under way to complete. */
  private async settleAt(id: string, at: number): Promise<void> {
    const view = await this.view();
    if (at <= view.now || !view.state.containers[id]?.state.running) return;
    await this.engine.waitUntil(at, () => undefined);
  }

  async containerRestart(ref: string, opts: { signal?: string; timeout?: number } = {}): Promise<void> {
    // moby daemon/restart.go: a failure after the lookup is wrapped, with the name as typed.
    getContainer((await this.view()).state, ref);
    try {
      await this.restartFound(ref, opts);
    } catch (error) {
      if (error instanceof EngineError) throw new EngineError(`Cannot restart container ${ref}: ${error.message}`, 500);
      throw error;
    }
  }

  private async restartFound(ref: string, opts: { signal?: string; timeout?: number }): Promise<void> {
    try {
      await this.containerStop(ref, opts);
    } catch (error) {
      if (!(error instanceof EngineError && error.httpStatus === 304)) throw error;
    }
    await recordingFailedStart(this.engine, () => this.engine.transact((tx) => {
      startContainer(tx, ref);
      // daemon/restart.go: a restart event after the start.
      const c = getContainer(tx.state, ref);
      emitEvent(tx.state, tx.now, "container", "restart", c.id, containerAttributes(c));
    }));
  }

  async containerKill(ref: string, signal?: string): Promise<void> {
    await this.engine.transact((tx) => killContainer(tx, ref, signal));
  }

  async containerPause(ref: string): Promise<void> {
    await this.engine.transact((tx) => pauseContainer(tx, ref));
  }

  async containerUnpause(ref: string): Promise<void> {
    await this.engine.transact((tx) => unpauseContainer(tx, ref));
  }

  async containerRemove(ref: string, opts: { force?: boolean; volumes?: boolean; link?: boolean } = {}): Promise<void> {
    await this.engine.transact((tx) => removeContainer(tx, ref, opts));
  }

  async containerRename(ref: string, newName: string): Promise<void> {
    await this.engine.transact((tx) => renameContainer(tx, ref, newName));
  }

  async containerWait(ref: string, condition: "not-running" | "next-exit" | "removed" = "not-running"): Promise<WaitResult> {
    const first = await this.view();
    const c = getContainer(first.state, ref);
    const id = c.id;
    const since = condition === "next-exit" || c.state.running ? first.now : 0;
    if (condition === "not-running" && !c.state.running) return { StatusCode: c.state.exitCode };
    for (;;) {
      const view = await this.view();
      const die = [...view.state.events].reverse().find((e) => e.actorId === id && e.action === "die" && e.time >= since);
      const current = view.state.containers[id];
      if (die && (condition !== "removed" || !current)) return { StatusCode: Number(die.attributes.exitCode ?? 0) };
      if (!current && condition === "removed") return { StatusCode: current === undefined && die ? Number(die.attributes.exitCode) : 0 };
      await this.sleepUntilWake(view, id);
    }
  }

  /** Sleeps until the container's next self-driven change (or a poll interval on a running clock). */
  private async sleepUntilWake(view: HostView, id: string, signal?: AbortSignal): Promise<void> {
    const wake = nextWake(view.state.containers[id]);
    const frozen = view.state.clock.frozenAt !== undefined;
    if (wake === null) {
      if (frozen) await waitForever(signal);
      else await this.engine.options.sleep(POLL_MS);
      return;
    }
    if (frozen) {
      await this.engine.transact(() => undefined, { advanceTo: wake });
      return;
    }
    await this.engine.options.sleep(Math.max(0, Math.min(wake - view.now, POLL_MS * 4)));
  }

  async containerLogs(ref: string, opts: LogsOptions): Promise<{ entries: LogEntry[]; tty: boolean }> {
    const view = await this.view();
    const c = readableLogs(getContainer(view.state, ref));
    const records = [...(await this.engine.readLog(c.id)), ...(view.pendingLogs.get(c.id) ?? [])];
    return { entries: selectLogs(records, opts), tty: c.config.Tty };
  }

  async containerLogsFollow(ref: string, opts: LogsOptions, onEntry: (e: LogEntry) => void, signal?: AbortSignal): Promise<void> {
    let view = await this.view();
    const id = readableLogs(getContainer(view.state, ref)).id;
    let delivered = 0;
    for (;;) {
      const records = [...(await this.engine.readLog(id)), ...(view.pendingLogs.get(id) ?? [])];
      const fresh = records.slice(delivered);
      delivered = records.length;
      const selected = delivered === fresh.length ? selectLogs(fresh, opts) : selectLogs(fresh, { ...opts, tail: undefined });
      for (const e of selected) onEntry(e);
      const c = view.state.containers[id];
      if (!c || !c.state.running || signal?.aborted) return;
      await this.sleepUntilWake(view, id, signal);
      if (signal?.aborted) return;
      view = await this.view();
    }
  }

  /**
   * Streams the output of the container's current run until its main process exits, and
   * returns the exit code. With `start`, the container is started first, in the same captured
   * step, so the output of a process that ends (and with --rm, is removed) at once is not lost.
   * Each step is a transaction that captures what it writes to the container's log.
   */
  async containerAttach(ref: string, onEntry: (e: LogEntry) => void, opts: { start?: { stdin?: string }; signal?: AbortSignal } = {}): Promise<number> {
    const { signal } = opts;
    let id = "";
    let startedAt = 0;
    let delivered = 0;
    // On a frozen clock an earlier run can share the instant: this run's log starts at logBase
    // and its die event comes after its start event (startSeq).
    let logBase = -1;
    let startSeq = -1;
    const deliverRun = (records: LogRecord[]) => {
      const run = logBase >= 0 ? records.slice(logBase) : records.filter((r) => r.time >= startedAt);
      for (const r of run.slice(delivered)) onEntry({ stream: r.stream, text: r.text, time: r.time });
      delivered = Math.max(delivered, run.length);
    };
    /** One captured step; returns the die event of this run when the process has ended. */
    const step = async (fn: (tx: Tx) => void, advanceTo?: number) => {
      const captured: LogRecord[] = [];
      let removed = false;
      const die = await this.engine.transact(
        (tx) => {
          fn(tx);
          return tx.state.events.find((e) => e.actorId === id && e.action === "die" && (e.time > startedAt || (e.time === startedAt && e.seq > startSeq)));
        },
        {
          observe: {
            appendLog: (logId, rs) => {
              if (logId === id) captured.push(...rs);
            },
            removeLog: (logId) => {
              if (logId === id) removed = true;
            },
          },
          ...(advanceTo !== undefined ? { advanceTo } : {}),
        },
      );
      if (removed) {
        // The log file is gone with the container: what this step wrote is all that is left.
        for (const r of captured) if (r.time >= startedAt) onEntry({ stream: r.stream, text: r.text, time: r.time });
      } else {
        deliverRun(await this.engine.readLog(id));
      }
      return { die, removed };
    };

    const current = getContainer((await this.view()).state, ref);
    // Attaching to a container that already runs (start -a on a running container): just attach.
    if (opts.start && !(current.state.running && !current.state.restarting)) {
      const stdin = opts.start.stdin;
      id = current.id;
      logBase = (await this.engine.readLog(id)).length;
      const first = await recordingFailedStart(this.engine, () => step((tx) => {
        // daemon/attach.go: the client attaches before it starts the container.
        emitEvent(tx.state, tx.now, "container", "attach", id, containerAttributes(getContainer(tx.state, id)));
        const from = tx.state.events.length;
        startContainer(tx, ref, stdin);
        startedAt = tx.now;
        startSeq = tx.state.events.slice(from).find((e) => e.actorId === id && e.action === "start")?.seq ?? -1;
      }));
      if (first.die) return Number(first.die.attributes.exitCode ?? 0);
      if (first.removed) return 0;
    } else {
      const view = await this.view();
      const c = getContainer(view.state, ref);
      id = c.id;
      startedAt = c.state.startedAt;
      startSeq = [...view.state.events].reverse().find((e) => e.actorId === id && e.action === "start" && e.time === startedAt)?.seq ?? -1;
      await this.engine.transact((tx) => emitEvent(tx.state, tx.now, "container", "attach", id, containerAttributes(getContainer(tx.state, id))));
      // An attach streams what comes from now on, not what the run printed before (no logs=1).
      const before = [...(await this.engine.readLog(id)), ...(view.pendingLogs.get(id) ?? [])];
      delivered = before.filter((r) => r.time >= startedAt).length;
    }
    for (;;) {
      if (signal?.aborted) return 0;
      const view = await this.view();
      if (!view.state.containers[id]) return 0;
      const wake = nextWake(view.state.containers[id]);
      const frozen = view.state.clock.frozenAt !== undefined;
      if (wake === null) {
        if (frozen) await waitForever(signal);
        else await this.engine.options.sleep(POLL_MS);
      } else if (!frozen) {
        await this.engine.options.sleep(Math.max(0, Math.min(wake - view.now, POLL_MS * 4)));
      }
      if (signal?.aborted) return 0;
      const { die, removed } = await step(() => undefined, frozen && wake !== null ? wake : undefined);
      if (die) return Number(die.attributes.exitCode ?? 0);
      if (removed) return 0;
    }
  }

  async containerInspect(ref: string, opts: { size?: boolean } = {}): Promise<Record<string, unknown>> {
    return inspectContainer(await this.view(), ref, opts);
  }

  async containerTop(ref: string, psArgs?: string): Promise<TopResult> {
    return topContainer(await this.view(), ref, psArgs);
  }

  async containerUpdate(ref: string, req: ContainerUpdateRequest): Promise<{ Warnings: string[] }> {
    return this.engine.transact((tx) => updateContainer(tx, ref, req));
  }

  async containerStats(opts: ContainerStatsOptions, onFrame: (f: ContainerStatsFrame) => void, signal?: AbortSignal): Promise<void> {
    await streamStats(this.engine, opts, onFrame, signal);
  }

  async containerShell(ref: string, opts: ShellOpenOptions): Promise<ShellHandle | undefined> {
    return recordingFailedStart(this.engine, () => openShell(this.engine, ref, opts));
  }

  async containerExec(ref: string, req: ExecRequest): Promise<ExecResult> {
    const result = await this.engine.transact((tx) => execInContainer(tx, ref, req));
    if (!req.detach) {
      const view = await this.view();
      if (result.endsAt > view.now) await this.engine.waitUntil(result.endsAt, () => undefined);
    }
    return { exitCode: result.exitCode, output: result.output };
  }

  // ---- images

  async imagePull(ref: string, opts: { allTags?: boolean; platform?: string; auth?: AuthConfig }, onMessage: (m: JsonMessage) => void): Promise<void> {
    await loadHeavy();
    const messages = await this.engine.transact((tx) => pullImage(tx, ref, opts));
    for (const m of messages) onMessage(m);
  }

  // ---- registries (logic in registry/ and images/push.ts)

  async imagePush(ref: string, opts: { auth?: AuthConfig; platform?: string }, onMessage: (m: JsonMessage) => void): Promise<void> {
    await loadHeavy();
    const messages = await this.engine.transact((tx) => pushImage(tx, ref, opts));
    for (const m of messages) onMessage(m);
  }

  async registryLogin(auth: AuthConfig): Promise<{ Status: string; IdentityToken?: string }> {
    await loadHeavy();
    return this.engine.transact((tx) => registryLogin(tx.state, auth));
  }

  async imageSearch(term: string, opts: { limit?: number; filters?: Filters; auth?: AuthConfig } = {}): Promise<SearchResultDto[]> {
    const { catalogue } = await loadHeavy();
    return searchImages((await this.view()).state, catalogue, term, opts);
  }

  async imageInspect(ref: string): Promise<Record<string, unknown>> {
    return inspectImage(await this.view(), ref) as unknown as Record<string, unknown>;
  }

  async imageRemove(ref: string, opts: { force?: boolean; noPrune?: boolean } = {}): Promise<RemoveImageItem[]> {
    return this.engine.transact((tx) => removeImage(tx, ref, opts));
  }

  async imageTag(source: string, target: string): Promise<void> {
    await this.engine.transact((tx) => tagImage(tx, source, target));
  }

  async imageHistory(ref: string) {
    return imageHistory(await this.view(), ref);
  }

  // ---- networks (logic in network/)

  async networkList(filters: Filters = {}): Promise<NetworkSummary[]> {
    return listNetworks(await this.view(), filters);
  }

  async networkInspect(ref: string): Promise<Record<string, unknown>> {
    return inspectNetwork(await this.view(), ref);
  }

  async networkCreate(req: NetworkCreateRequest): Promise<{ Id: string; Warning: string }> {
    return this.engine.transact((tx) => createNetwork(tx, req));
  }

  async networkRemove(ref: string): Promise<void> {
    await this.engine.transact((tx) => removeNetwork(tx, ref));
  }

  async networkConnect(ref: string, req: NetworkConnectRequest): Promise<void> {
    await this.engine.transact((tx) => connectNetwork(tx, ref, req));
  }

  async networkDisconnect(ref: string, container: string, force = false): Promise<void> {
    await this.engine.transact((tx) => disconnectNetwork(tx, ref, container, force));
  }

  // ---- volumes (logic in volumes/)

  async volumeCreate(req: VolumeCreateRequest): Promise<VolumeDto> {
    return this.engine.transact((tx) => volumeDto(createVolume(tx, req)));
  }

  async volumeList(filters: Filters = {}): Promise<{ Volumes: VolumeDto[]; Warnings: string[] | null }> {
    return listVolumes(await this.view(), filters);
  }

  async volumeInspect(name: string): Promise<Record<string, unknown>> {
    return { ...volumeDto(getVolume((await this.view()).state, name)) };
  }

  async volumeRemove(name: string, force = false): Promise<void> {
    await this.engine.transact((tx) => removeVolume(tx, name, force));
  }

  /** An HTTP GET from the host's side (mockdocker lab curl); a transaction, as the server logs it. */
  async hostHttpGet(host: string, port: number, path: string): Promise<HostHttpResult> {
    await loadHeavy();
    return this.engine.transact((tx) => hostHttpGet(tx.state, tx.now, host, port, path));
  }

  // ---- container filesystems (docker diff, cp, export, commit, import)

  async containerChanges(ref: string): Promise<FilesystemChange[]> {
    await loadHeavy();
    const view = await this.view();
    return containerChanges(view.state, getContainer(view.state, ref));
  }

  async containerStatPath(ref: string, path: string): Promise<PathStat> {
    await loadHeavy();
    const view = await this.view();
    return statPath(view.state, getContainer(view.state, ref), view.now, ref, path);
  }

  async containerArchive(ref: string, path: string): Promise<PathArchive> {
    return this.engine.transact((tx) => {
      const c = getContainer(tx.state, ref);
      const archive = archivePath(tx.state, c, tx.now, ref, path);
      emitEvent(tx.state, tx.now, "container", "archive-path", c.id, containerAttributes(c, { path }));
      return archive;
    });
  }

  async containerExtract(ref: string, dir: string, entries: FileTree, opts: ExtractOptions): Promise<void> {
    await this.engine.transact((tx) => {
      const c = getContainer(tx.state, ref);
      extractToDir(tx.state, c, tx.now, ref, dir, entries, opts);
      emitEvent(tx.state, tx.now, "container", "extract-to-dir", c.id, containerAttributes(c, { path: dir }));
    });
  }

  async containerExport(ref: string): Promise<{ tree: FileTree; created: number }> {
    return this.engine.transact((tx) => {
      const c = getContainer(tx.state, ref);
      const tree = exportTree(tx.state, c);
      emitEvent(tx.state, tx.now, "container", "export", c.id, containerAttributes(c));
      return { tree, created: c.created };
    });
  }

  async containerCommit(ref: string, opts: CommitOptions): Promise<{ ID: string }> {
    return { ID: await this.engine.transact((tx) => commitContainer(tx, ref, opts)) };
  }

  async imageImport(opts: ImportOptions): Promise<string> {
    return this.engine.transact((tx) => importImage(tx, opts));
  }

  /** GET /images/get: the archive of `docker save`. */
  async imageSave(names: string[], opts: { platform?: string } = {}): Promise<Uint8Array> {
    await loadHeavy();
    return this.engine.transact((tx) => saveImages(tx, names, opts));
  }

  /** POST /images/load: the archive as the client read it; returns the lines load prints. */
  async imageLoad(archive: LoadArchive, opts: LoadOptions = {}): Promise<LoadLine[]> {
    await loadHeavy();
    return this.engine.transact((tx) => loadImages(tx, archive, opts));
  }
}

function selectLogs(records: LogRecord[], opts: LogsOptions): LogEntry[] {
  let selected = records.filter(
    (r) =>
      ((r.stream === "stdout" && opts.stdout) || (r.stream === "stderr" && opts.stderr)) &&
      (opts.since === undefined || r.time >= opts.since) &&
      (opts.until === undefined || r.time <= opts.until),
  );
  if (opts.tail !== undefined && opts.tail >= 0) selected = opts.tail === 0 ? [] : selected.slice(-opts.tail);
  return selected.map((r) => ({ stream: r.stream, text: r.text, time: r.time }));
}

function waitForever(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

/**
 * Every driver but none keeps what `docker logs` reads (the daemon's dual logging); none keeps
 * nothing (moby: logger.ErrReadLogsNotSupported, a 501).
 */
function readableLogs(c: ContainerRecord): ContainerRecord {
  if (c.hostConfig.LogConfig.Type === "none") throw new EngineError("configured logging driver does not support reading", 501);
  return c;
}
