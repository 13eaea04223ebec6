// docker update (docker/cli: cli/command/container/update.go): each container as typed on
// success, the daemon's warnings after them, the failures joined.
import { StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import type { ContainerUpdateRequest } from "../../client/api.js";
import { errorText } from "../errors.js";
import { parseRestartPolicy } from "./opts/restart.js";

export interface UpdateOptions {
  containers: string[];
  /** How many flags were given (cobra's NFlag). */
  nFlag: number;
  request: ContainerUpdateRequest;
}

export async function runUpdate(cli: Cli, opts: UpdateOptions): Promise<void> {
  if (opts.nFlag === 0) throw new StatusError("you must provide one or more flags when using this command", 1);
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const name of opts.containers) {
    try {
      const r = await cli.client.containerUpdate(name, opts.request);
      warnings.push(...r.Warnings);
      cli.out.write(`${name}\n`);
    } catch (error) {
      errors.push(errorText(error));
    }
  }
  if (warnings.length > 0) cli.out.write(`${warnings.join("\n")}\n`);
  if (errors.length > 0) throw new StatusError(errors.join("\n"), 1);
}

export function updateRequest(flags: ParsedFlags): ContainerUpdateRequest {
  const v = flags.values;
  const num = (name: string) => Number(v[name] ?? 0);
  const restart = String(v.restart ?? "");
  let restartPolicy: ContainerUpdateRequest["restartPolicy"];
  if (restart !== "") {
    try {
      const p = parseRestartPolicy(restart);
      restartPolicy = { Name: p.Name, MaximumRetryCount: p.MaximumRetryCount };
    } catch (e) {
      throw new StatusError((e as Error).message, 1);
    }
  }
  const pids = num("pids-limit");
  return {
    memory: num("memory"),
    memoryReservation: num("memory-reservation"),
    memorySwap: num("memory-swap"),
    nanoCpus: num("cpus"),
    cpuShares: num("cpu-shares"),
    cpuPeriod: num("cpu-period"),
    cpuQuota: num("cpu-quota"),
    cpusetCpus: String(v["cpuset-cpus"] ?? ""),
    cpusetMems: String(v["cpuset-mems"] ?? ""),
    blkioWeight: num("blkio-weight"),
    ...(pids !== 0 ? { pidsLimit: pids } : {}),
    ...(restartPolicy ? { restartPolicy } : {}),
  };
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const nFlag = [...flags.changed].filter((name) => name !== "help").length;
  if (nFlag === 0) throw new StatusError("you must provide one or more flags when using this command", 1);
  await runUpdate(cli, { containers: args, nFlag, request: updateRequest(flags) });
}
