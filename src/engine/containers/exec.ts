// docker exec (moby: daemon/exec.go); docker top is in top.ts.
import type { ExecRequest, ExecResult } from "../api-types.js";
import { conflict } from "../errors.js";
import { emitEvent } from "../events.js";
import type { Tx } from "../host.js";
import { heavy } from "../heavy.js";
import { mergeEnv } from "./create.js";
import { getContainer } from "./lookup.js";
import { containerAttributes } from "./process.js";
import { containerFs } from "./rootfs.js";
import { containerNetwork } from "../network/access.js";
import { processEnv } from "../network/hooks.js";
import { checkLinksRunning } from "../network/links.js";
import { deliverSignals, execHeadroom, execPid, keepExecProcesses, noteExecOom } from "./inner-signals.js";
import { liveProcesses } from "./resources.js";

export function execInContainer(tx: Tx, ref: string, req: ExecRequest): ExecResult & { endsAt: number } {
  const c = getContainer(tx.state, ref);
  if (!c.state.running || c.state.restarting) throw conflict(`container ${c.id} is not running`);
  if (c.state.paused) throw conflict(`Container ${c.id} is paused, unpause the container before exec`);
  // moby: exec create computes the link variables again, which needs every linked container up.
  checkLinksRunning(tx.state, c);
  const execId = tx.ids.hex64();
  // daemon/exec.go: entrypoint, a space, then the arguments (so `ls` alone reads "ls ").
  const command = `${req.cmd[0] ?? ""} ${req.cmd.slice(1).join(" ")}`;
  emitEvent(tx.state, tx.now, "container", `exec_create: ${command}`, c.id, containerAttributes(c, { execID: execId }));
  emitEvent(tx.state, tx.now, "container", `exec_start: ${command}`, c.id, containerAttributes(c, { execID: execId }));
  c.execIds.push(execId);
  const fs = containerFs(tx.state, c, tx.now);
  const env = mergeEnv(processEnv(tx.state, c, req.tty), req.env);
  const workdir = req.workingDir || c.config.WorkingDir || "/";
  const { resolveExecutable, startProcess } = heavy().runtime;
  const found = resolveExecutable(fs, req.cmd[0]!, env, workdir);
  let result: ExecResult & { endsAt: number };
  if (!found.ok) {
    const detail =
      found.reason === "not-found"
        ? `exec: "${req.cmd[0]}": executable file not found in $PATH`
        : found.reason === "no-such-file"
          ? `exec: "${req.cmd[0]}": stat ${req.cmd[0]}: no such file or directory`
          : `exec: "${req.cmd[0]}": permission denied`;
    const code = found.reason === "not-found" || found.reason === "no-such-file" ? 127 : 126;
    result = {
      exitCode: code,
      output: [{ stream: "stdout", text: `OCI runtime exec failed: exec failed: unable to start container process: ${detail}: unknown\r\n` }],
      endsAt: tx.now,
    };
  } else {
    const pid = execPid(c);
    const run = startProcess({
      argv: req.cmd,
      env,
      workdir,
      user: req.user ?? c.config.User,
      hostname: c.config.Hostname,
      fs,
      pid,
      ...(req.stdin !== undefined ? { stdin: req.stdin } : {}),
      tty: req.tty,
      startTime: tx.now,
      processes: liveProcesses(c, tx.now),
      memoryLimit: execHeadroom(c, tx.now),
      random: () => tx.ids.float(),
      network: containerNetwork({ state: tx.state, c, fs, now: tx.now }),
    });
    result = {
      exitCode: run.exit?.code ?? 0,
      output: run.output.map((o) => ({ stream: req.tty ? "stdout" : o.stream, text: o.text })),
      endsAt: tx.now + (run.exit?.at ?? 0),
    };
    keepExecProcesses(c, run.processes ?? [], tx.now, run.exit === null ? null : tx.now + run.exit.at);
    if (run.oomAt !== undefined) noteExecOom(tx, c, tx.now + run.oomAt);
    deliverSignals(tx, c, run.signals.map((sig) => ({ pid: sig.pid, signal: sig.signal, at: tx.now + sig.at })));
  }
  c.execIds = c.execIds.filter((id) => id !== execId);
  emitEvent(tx.state, tx.now, "container", "exec_die", c.id, containerAttributes(c, { execID: execId, exitCode: String(result.exitCode) }));
  return result;
}
