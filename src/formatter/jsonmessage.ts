// Renders the daemon's progress stream as the docker client does
// (moby: pkg/jsonmessage/jsonmessage.go DisplayJSONMessagesStream and Display).
import type { JsonMessage } from "../client/api.js";
import { humanSize } from "./units.js";

export interface ProgressWriter {
  write(text: string): void;
}

const ESC = "\x1b[";

/** An error message in the stream (jsonmessage.JSONError): the CLI prints its text bare. */
export class JsonMessageError extends Error {
  override name = "JsonMessageError";
}

/** JSONProgress.String(): the bar and byte counts ("" when there is nothing to show). */
export function progressString(detail: JsonMessage["progressDetail"], width: number): string {
  const current = detail?.current ?? 0;
  const total = detail?.total ?? 0;
  if (current <= 0 && total <= 0) return "";
  if (total <= 0) return humanSize(current).padStart(8);
  let percentage = Math.trunc(Math.trunc((current / total) * 100) / 2);
  if (percentage > 50) percentage = 50;
  let bar = "";
  if (width > 110) bar = `[${"=".repeat(percentage)}>${" ".repeat(Math.max(0, 50 - percentage))}] `;
  const numbers = current > total ? humanSize(current).padStart(8) : `${humanSize(current).padStart(8)}/${humanSize(total)}`;
  return bar + numbers;
}

/** Writes one message after another, keeping per-layer lines in place on a terminal. */
export class JsonMessageDisplay {
  private ids = new Map<string, number>();

  constructor(
    private readonly out: ProgressWriter,
    private readonly isTerminal: boolean,
    private readonly width = 80,
  ) {}

  display(m: JsonMessage): void {
    if (m.error) throw new JsonMessageError(m.error);
    if (m.aux !== undefined) return;
    const hasProgress = m.progressDetail !== undefined;
    let diff = 0;
    if (m.id && (hasProgress || m.progress)) {
      let line = this.ids.get(m.id);
      if (line === undefined) {
        line = this.ids.size;
        this.ids.set(m.id, line);
        if (this.isTerminal) this.out.write("\n");
      }
      diff = this.ids.size - line;
      if (this.isTerminal && diff > 0) this.out.write(`${ESC}${diff}A`);
    } else {
      // Output that is not a progress line ends the previous group of lines.
      this.ids = new Map();
    }
    this.displayOne(m, hasProgress);
    if (m.id && this.isTerminal && diff > 0) this.out.write(`${ESC}${diff}B`);
  }

  private displayOne(m: JsonMessage, hasProgress: boolean): void {
    const bar = hasProgress ? progressString(m.progressDetail, this.width) : "";
    let endl = "";
    if (this.isTerminal && hasProgress) {
      this.out.write(`${ESC}2K`);
      endl = "\r";
      this.out.write(endl);
    } else if (hasProgress && bar !== "") {
      return; // no progress bars off a terminal
    }
    const id = m.id ? `${m.id}: ` : "";
    if (hasProgress && this.isTerminal) this.out.write(`${id}${m.status ?? ""} ${bar}${endl}`);
    else if (m.progress) this.out.write(`${id}${m.status ?? ""} ${m.progress}${endl}`); // deprecated ProgressMessage
    else this.out.write(`${id}${m.status ?? ""}${endl}\n`);
  }
}
