// The part of the daemon the listing commands need (`docker ps`, `docker images`): reading the
// reconciled host and the simulated clock. Kept apart from the full Daemon so the CLI's lean
// entry for those commands loads nothing else of the engine.
import type { ContainerSummary, Filters, ImageSummary } from "./api-types.js";
import { listContainers } from "./containers/list.js";
import type { Engine, HostView } from "./host.js";
import { listImages } from "./images/list.js";

export class DaemonViews {
  constructor(readonly engine: Engine) {}

  private lastView?: { now: number; frozen: boolean; realAt: number; generation: number };

  protected async view(): Promise<HostView> {
    const view = await this.engine.view();
    this.lastView = { now: view.now, frozen: view.state.clock.frozenAt !== undefined, realAt: this.engine.options.realNow(), generation: this.engine.generation };
    return view;
  }

  /**
   * The client's clock: the simulated host's time. Docker's client uses its own machine's
   * clock for "2 minutes ago"; here that clock is the simulated one. Reuses the last view's
   * reading, so it costs no second read of the host.
   */
  async now(): Promise<number> {
    // A transaction since (in-process: an earlier command) may have moved a frozen clock.
    const fresh = this.lastView && this.lastView.generation === this.engine.generation;
    const last = fresh ? this.lastView! : (await this.view(), this.lastView!);
    return last.frozen ? last.now : last.now + (this.engine.options.realNow() - last.realAt);
  }

  async containerList(opts: { all?: boolean; limit?: number; size?: boolean; filters?: Filters }): Promise<ContainerSummary[]> {
    return listContainers(await this.view(), opts);
  }

  async imageList(opts: { all?: boolean; filters?: Filters; digests?: boolean }): Promise<ImageSummary[]> {
    return listImages(await this.view(), opts);
  }
}
