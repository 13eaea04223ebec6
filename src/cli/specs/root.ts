// The `docker` root command: global options (docker/cli cli/flags/options.go InstallFlags)
// and the commands mockdocker provides, grouped as docker's root help groups them.
import type { CommandSpec, FlagContext, FlagSpec } from "../spec.js";
import * as c from "./container.js";
import { args, fl, place } from "./define.js";
import * as i from "./image.js";
import * as r from "./registry.js";
import * as s from "./system.js";
import * as f from "./filesystem.js";
import * as h from "./host.js";
import * as n from "./network.js";
import * as vol from "./volume.js";
import * as lab from "./lab.js";
import { stats, update } from "./resources.js";

/** docker/cli cli/config: DOCKER_CONFIG, else ~/.docker. */
export function configDir(env: FlagContext["env"]): string {
  return env.DOCKER_CONFIG || `${env.HOME ?? ""}/.docker`;
}

const certFile = (name: string) => (ctx: FlagContext) =>
  `${ctx.env.DOCKER_CERT_PATH || configDir(ctx.env)}/${name}`;

export const globalFlags: FlagSpec[] = [
  fl("config", "string", "Directory holding the client configuration", {
    defaultText: (ctx) => configDir(ctx.env),
  }),
  fl("c|context", "string", 'Context to connect with (takes precedence over DOCKER_HOST and the "docker context use" default)'),
  fl("D|debug", "bool", "Turn on debug output"),
  fl("H|host", "list", "Daemon socket to connect to"),
  fl("l|log-level", "string", 'Logging level: "debug", "info", "warn", "error" or "fatal"', { default: "info" }),
  fl("tls", "bool", "Connect with TLS (--tlsverify implies it)"),
  fl("tlscacert", "string", "Only trust certificates signed by this CA", { defaultText: certFile("ca.pem") }),
  fl("tlscert", "string", "TLS certificate file", { defaultText: certFile("cert.pem") }),
  fl("tlskey", "string", "TLS key file", { defaultText: certFile("key.pem") }),
  fl("tlsverify", "bool", "Connect with TLS and verify the daemon"),
  fl("v|version", "bool", "Print the version and exit"),
];

const d = "docker";

export const rootSpec: CommandSpec = {
  name: "docker",
  use: "docker [OPTIONS] COMMAND [ARG...]",
  short: "Build, run and manage containers",
  args: args.any,
  flags: globalFlags,
  subcommands: [
    place(c.run, d, { group: "common", topOrder: 1 }),
    place(c.exec, d, { group: "common", topOrder: 2 }),
    place(c.ls, d, { name: "ps", group: "common", topOrder: 3 }),
    place(i.pull, d, { group: "common", topOrder: 5 }),
    place(r.push, d, { group: "common", topOrder: 6 }),
    place(i.ls, d, { name: "images", group: "common", topOrder: 7 }),
    place(r.login, d, { group: "common", topOrder: 8 }),
    place(r.logout, d, { group: "common", topOrder: 9 }),
    place(r.search, d, { group: "common", topOrder: 10 }),
    place(s.version, d, { group: "common", topOrder: 11 }),
    place(s.info, d, { group: "common", topOrder: 12 }),
    c.containerCommand(),
    i.imageCommand(),
    n.networkCommand(),
    vol.volumeCommand(),
    s.systemCommand(),
    h.builderCommand(),
    place(c.attach, d),
    place(f.commit, d),
    place(f.cp, d),
    place(c.create, d),
    place(f.diff, d),
    place(h.events, d),
    place(f.exportVerb, d),
    place(f.history, d),
    place(f.importVerb, d),
    place(i.load, d),
    place(s.inspect, d),
    place(c.kill, d),
    place(c.logs, d),
    place(c.pause, d),
    place(c.port, d),
    place(c.rename, d),
    place(c.restart, d),
    place(c.rm, d, { name: "rm" }),
    place(i.rm, d, { name: "rmi" }),
    place(i.save, d),
    place(c.start, d),
    place(stats, d),
    place(c.stop, d),
    place(i.tag, d),
    place(c.top, d),
    place(c.unpause, d),
    place(update, d),
    place(c.wait, d),
    lab.labCommand(),
    lab.completionCommand(),
  ],
};
