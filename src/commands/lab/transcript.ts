// Transcripts: `$ docker ...` starts a command, `< ` lines are what is piped to its stdin,
// plain lines are its stdout, `! ` lines its stderr, `? N` its exit code (0 when absent).
// `#` lines are comments. Used by e2e tests
// and, later, `mockdocker lab replay`.

export interface TranscriptStep {
  /** Line number of the `$` line (1-based). */
  line: number;
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Piped to the command's stdin (`< ` lines), when any. */
  stdin?: string;
}

export function parseTranscript(text: string): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  let current: (TranscriptStep & { out: string[]; err: string[]; input: string[] }) | undefined;
  const finish = () => {
    if (!current) return;
    const { out, err, input, ...step } = current;
    steps.push({
      ...step,
      stdout: out.map((l) => `${l}\n`).join(""),
      stderr: err.map((l) => `${l}\n`).join(""),
      ...(input.length > 0 ? { stdin: input.map((l) => `${l}\n`).join("") } : {}),
    });
    current = undefined;
  };
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, index) => {
    if (raw.startsWith("$ ")) {
      finish();
      current = { line: index + 1, command: raw.slice(2), stdout: "", stderr: "", exitCode: 0, out: [], err: [], input: [] };
    } else if (!current) {
      if (raw.trim() !== "" && !raw.startsWith("#")) throw new Error(`line ${index + 1}: output before any command`);
    } else if ((raw.startsWith("< ") || raw === "<") && current.out.length === 0 && current.err.length === 0) {
      current.input.push(raw.slice(2));
    } else if (raw.startsWith("? ")) {
      current.exitCode = Number(raw.slice(2));
    } else if (raw.startsWith("! ") || raw === "!") {
      current.err.push(raw.slice(2));
    } else {
      current.out.push(raw);
    }
  });
  finish();
  return steps;
}

/** Renders a step back into transcript lines (for --update and for diffs). */
export function renderStep(command: string, stdout: string, stderr: string, exitCode: number, stdin?: string): string {
  const lines = [`$ ${command}`];
  const split = (s: string) => (s === "" ? [] : s.replace(/\n$/, "").split("\n"));
  for (const l of split(stdin ?? "")) lines.push(l === "" ? "<" : `< ${l}`);
  for (const l of split(stdout)) lines.push(l);
  for (const l of split(stderr)) lines.push(l === "" ? "!" : `! ${l}`);
  if (exitCode !== 0) lines.push(`? ${exitCode}`);
  return lines.join("\n") + "\n";
}
