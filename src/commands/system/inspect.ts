// docker inspect: any object by name or ID (docker/cli v28: cli/command/system/inspect.go).
import { DaemonError, StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli } from "../../cli/types.js";
import { inspectRefs, type GetRef } from "../container/inspect.js";

export interface InspectOptions {
  refs: string[];
  format: string;
  /** "" tries every kind in docker's order. */
  type: string;
  typeChanged: boolean;
  size: boolean;
}

const allTypes = ["config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"];

type Inspect = (cli: Cli, ref: string, size: boolean) => Promise<Record<string, unknown>>;

/** A daemon API the client may offer (networks, volumes, ...), called by name. */
function optional(method: string, notFound: (ref: string) => string): Inspect {
  return async (cli, ref) => {
    const f = (cli.client as unknown as Record<string, unknown>)[method];
    if (typeof f !== "function") throw new DaemonError(notFound(ref), 404);
    return (f as (r: string) => Promise<Record<string, unknown>>).call(cli.client, ref);
  };
}

interface Kind {
  type: string;
  sizeSupported?: boolean;
  swarm?: boolean;
  inspect: Inspect;
}

// inspectAll's autodetect order.
const kinds: Kind[] = [
  { type: "container", sizeSupported: true, inspect: (cli, ref, size) => cli.client.containerInspect(ref, { size }) },
  { type: "image", inspect: (cli, ref) => cli.client.imageInspect(ref) },
  { type: "network", inspect: optional("networkInspect", (ref) => `network ${ref} not found`) },
  { type: "volume", inspect: optional("volumeInspect", (ref) => `get ${ref}: no such volume`) },
  { type: "service", swarm: true, inspect: optional("serviceInspect", (ref) => `service ${ref} not found`) },
  { type: "task", swarm: true, inspect: optional("taskInspect", (ref) => `task ${ref} not found`) },
  { type: "node", swarm: true, inspect: optional("nodeInspect", (ref) => `node ${ref} not found`) },
  { type: "plugin", inspect: optional("pluginInspect", (ref) => `Error: No such plugin: ${ref}`) },
  { type: "secret", swarm: true, inspect: optional("secretInspect", (ref) => `secret ${ref} not found`) },
  { type: "config", swarm: true, inspect: optional("configInspect", (ref) => `config ${ref} not found`) },
];

/** isErrSkippable: not found, unsupported, or a reference that cannot name this kind. */
function skippable(e: unknown): boolean {
  if (!(e instanceof DaemonError)) return false;
  return e.isNotFound || e.message.includes("not supported") || e.message.includes("invalid reference format");
}

async function isSwarmManager(cli: Cli): Promise<boolean> {
  try {
    const info = await cli.client.info();
    const swarm = info.Swarm as { ControlAvailable?: boolean } | undefined;
    return swarm?.ControlAvailable === true;
  } catch (e) {
    if (e instanceof DaemonError) cli.err.write(`${e.toString()}\n`);
    else throw e;
    return false;
  }
}

function inspectAll(cli: Cli, size: boolean, constraint: string): GetRef {
  return async (ref) => {
    let swarm: boolean | undefined;
    for (const kind of kinds) {
      if (constraint !== "" && kind.type !== constraint) continue;
      if (constraint === "" && kind.swarm) {
        swarm ??= await isSwarmManager(cli);
        if (!swarm) continue;
      }
      let raw: Record<string, unknown>;
      try {
        raw = await kind.inspect(cli, ref, size);
      } catch (e) {
        if (constraint === "" && skippable(e)) continue;
        throw e;
      }
      if (size && !kind.sizeSupported) cli.err.write(`WARNING: --size ignored for ${kind.type}\n`);
      return raw;
    }
    throw new StatusError(`Error: No such object: ${ref}`);
  };
}

export async function runInspect(cli: Cli, opts: InspectOptions): Promise<void> {
  const quoted = allTypes.join('", "');
  if (opts.typeChanged && opts.type === "") throw new StatusError(`type is empty: must be one of "${quoted}"`);
  if (opts.type !== "" && !allTypes.includes(opts.type)) {
    throw new StatusError(`unknown type: ${JSON.stringify(opts.type)}: must be one of "${quoted}"`);
  }
  await inspectRefs(cli, opts.refs, opts.format, inspectAll(cli, opts.size, opts.type));
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  await runInspect(cli, {
    refs: args,
    format: String(flags.values.format ?? ""),
    type: String(flags.values.type ?? ""),
    typeChanged: flags.changed.has("type"),
    size: flags.values.size === true,
  });
}
