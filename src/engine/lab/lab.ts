// The engine side of `mockdocker lab`: the clock, reset and snapshots, and the reconciled
// host state that exercise checks read. Each operation is one transaction or store call.
import type { Engine } from "../host.js";
import type { HostState } from "../model.js";
import type { SnapshotInfo } from "../store.js";
import { advanceClock, clockInfo, realClock, setClock, type ClockInfo } from "./clock.js";
import { LabError } from "./errors.js";

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

function checkName(name: string): void {
  if (!NAME.test(name)) throw new LabError(`invalid snapshot name "${name}": use letters, digits, '_', '.' and '-', starting with a letter or digit`);
}

export class Lab {
  constructor(readonly engine: Engine) {}

  private get realNow(): number {
    return this.engine.options.realNow();
  }

  private changeClock(change: (state: HostState, realNow: number) => void): Promise<ClockInfo> {
    return this.engine.transact((tx) => {
      const real = this.realNow;
      change(tx.state, real);
      return clockInfo(tx.state.clock, real);
    });
  }

  async clock(): Promise<ClockInfo> {
    const view = await this.engine.view();
    return clockInfo(view.state.clock, this.realNow);
  }

  clockAdvance(ms: number): Promise<ClockInfo> {
    return this.changeClock((s, real) => advanceClock(s.clock, ms, real));
  }

  clockSet(t: number, mode: "keep" | "freeze" = "keep"): Promise<ClockInfo> {
    return this.changeClock((s, real) => setClock(s.clock, t, real, mode));
  }

  clockReal(): Promise<ClockInfo> {
    return this.changeClock((s, real) => realClock(s.clock, real));
  }

  reset(): Promise<{ keptAs?: string }> {
    return this.engine.options.store.reset();
  }

  async snapshotSave(name: string): Promise<SnapshotInfo> {
    checkName(name);
    // A host that was never used is made first, so the snapshot has something to hold.
    await this.engine.transact(() => undefined);
    const real = this.realNow;
    return this.engine.options.store.saveSnapshot(name, (s) => describe(name, s, clockInfo(s.clock, real).now));
  }

  async snapshotRestore(name: string): Promise<SnapshotInfo> {
    checkName(name);
    const info = await this.engine.options.store.restoreSnapshot(name);
    if (!info) throw new LabError(`no snapshot named "${name}" (see 'mockdocker lab snapshots')`);
    return info;
  }

  async snapshotList(): Promise<SnapshotInfo[]> {
    return (await this.engine.options.store.listSnapshots()).sort((a, b) => a.createdAt - b.createdAt || (a.name < b.name ? -1 : 1));
  }

  async snapshotRemove(name: string): Promise<void> {
    checkName(name);
    if (!(await this.engine.options.store.removeSnapshot(name))) throw new LabError(`no snapshot named "${name}" (see 'mockdocker lab snapshots')`);
  }

  /** The host as it is now, reconciled (a copy: changing it changes nothing). */
  async hostState(): Promise<{ state: HostState; now: number }> {
    const view = await this.engine.view();
    return { state: view.state, now: view.now };
  }
}

function describe(name: string, s: HostState, now: number): SnapshotInfo {
  return {
    name,
    createdAt: now,
    containers: Object.keys(s.containers).length,
    images: Object.keys(s.images).length,
    networks: Object.keys(s.networks).length,
    volumes: Object.keys(s.volumes).length,
  };
}
