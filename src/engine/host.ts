// The engine's transaction boundary. Every operation sees the host reconciled to "now":
// read-only operations reconcile a private copy (nothing is written), state-changing ones
// reconcile, apply and persist in one locked transaction.
import { advanceFrozenClock, currentTime } from "./clock.js";
import { IdGenerator, type RandomSource } from "./ids.js";
import type { HostState, LogRecord } from "./model.js";
import { createHostState } from "./state.js";
import type { SideWrites, StateStore } from "./store.js";
import { reconcileHost, reconcileNeedsPrograms } from "./containers/reconcile.js";
import { loadHeavy } from "./heavy.js";
import { bindHostFs, type HostFsPort } from "./volumes/host-files.js";

export interface EngineOptions {
  store: StateStore;
  realNow: () => number;
  random: RandomSource;
  /** MOCKDOCKER_SEED: deterministic ids and names. */
  seed?: string;
  /** Freeze the clock at this instant when a fresh host is made (MOCKDOCKER_CLOCK). */
  frozenStart?: number;
  /** Real waiting, used when the clock is not frozen. */
  sleep: (ms: number) => Promise<void>;
  /** The real host's files, read (never written) by bind mounts; without it binds start empty. */
  hostFs?: HostFsPort;
}

/** What an operation works with inside a transaction. */
export interface Tx {
  state: HostState;
  now: number;
  ids: IdGenerator;
  side: SideWrites;
}

/** A reconciled, read-only view of the host. */
export interface HostView {
  state: HostState;
  now: number;
  /** Log records produced by reconciling this view (not yet in the side files). */
  pendingLogs: Map<string, LogRecord[]>;
}

export interface TransactOptions {
  /** Sees every side write of the transaction, reconcile included. */
  observe?: Partial<SideWrites>;
  /** On a frozen clock, move time forward to this instant before reconciling. */
  advanceTo?: number;
}

export class Engine {
  constructor(readonly options: EngineOptions) {}

  /** Called after each committed transaction (in-process followers such as `docker events`). */
  readonly #changeListeners = new Set<() => void>();
  /** Counts committed transactions, so a reading of the clock knows when it went stale. */
  generation = 0;

  /** Calls `fn` once after the next committed transaction; returns a function that cancels. */
  onNextChange(fn: () => void): () => void {
    const once = () => {
      this.#changeListeners.delete(once);
      fn();
    };
    this.#changeListeners.add(once);
    return () => this.#changeListeners.delete(once);
  }

  private makeIds = (state: HostState) => new IdGenerator(state, this.options.random, this.options.seed);

  private fresh(): HostState {
    const now = this.options.frozenStart ?? this.options.realNow();
    return createHostState(now, this.options.frozenStart, this.makeIds);
  }

  async view(): Promise<HostView> {
    const stored = await this.options.store.read();
    const state = stored ?? this.fresh();
    bindHostFs(state, this.options.hostFs);
    const now = currentTime(state.clock, this.options.realNow());
    if (reconcileNeedsPrograms(state, now)) await loadHeavy();
    const pendingLogs = new Map<string, LogRecord[]>();
    const side: SideWrites = {
      appendLog: (id, records) => pendingLogs.set(id, [...(pendingLogs.get(id) ?? []), ...records]),
      removeLog: (id) => pendingLogs.delete(id),
    };
    reconcileHost({ state, now, ids: this.makeIds(state), side });
    return { state, now, pendingLogs };
  }

  async transact<T>(fn: (tx: Tx) => T, options: TransactOptions = {}): Promise<T> {
    const { observe, advanceTo } = options;
    // A change may start programs or read image contents: have them at hand.
    await loadHeavy();
    return this.options.store.update((stored, storeSide) => {
      const state = stored ?? this.fresh();
      bindHostFs(state, this.options.hostFs);
      if (advanceTo !== undefined) advanceFrozenClock(state.clock, advanceTo);
      const now = currentTime(state.clock, this.options.realNow());
      const side: SideWrites = observe
        ? {
            appendLog: (id, records) => {
              observe.appendLog?.(id, records);
              storeSide.appendLog(id, records);
            },
            removeLog: (id) => {
              observe.removeLog?.(id);
              storeSide.removeLog(id);
            },
          }
        : storeSide;
      const tx: Tx = { state, now, ids: this.makeIds(state), side };
      reconcileHost(tx);
      const result = fn(tx);
      return { state, result };
    }).then((result) => {
      this.generation++;
      for (const listener of [...this.#changeListeners]) listener();
      return result;
    });
  }

  async readLog(containerId: string): Promise<LogRecord[]> {
    return this.options.store.readLog(containerId);
  }

  /**
   * Lets simulated time reach `t`, then runs `fn` in a transaction at that time: a frozen
   * clock is moved forward, a running one is really waited for.
   */
  async waitUntil<T>(t: number, fn: (tx: Tx) => T, observe?: Partial<SideWrites>): Promise<T> {
    const stored = await this.options.store.read();
    if (stored?.clock.frozenAt === undefined) {
      const now = currentTime(stored?.clock ?? { offsetMs: 0 }, this.options.realNow());
      if (t > now) await this.options.sleep(Math.min(t - now, 2 ** 31 - 1));
      return this.transact(fn, { ...(observe ? { observe } : {}) });
    }
    return this.transact(fn, { ...(observe ? { observe } : {}), advanceTo: t });
  }
}
