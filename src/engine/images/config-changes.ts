// `--change` instructions of commit and import (moby: builder/dockerfile BuildFromConfig and
// the dispatchers it runs), and merge() of daemon/commit.go, on our ImageConfig.
import { invalidParameter } from "../errors.js";
import type { ImageConfig } from "../model.js";

const VALID = new Set(["cmd", "entrypoint", "healthcheck", "env", "expose", "label", "onbuild", "stopsignal", "user", "volume", "workdir"]);

export function emptyConfig(): ImageConfig {
  return { User: "", Env: [], Cmd: null, Entrypoint: null, Volumes: null, WorkingDir: "", Labels: null, OnBuild: null };
}

/** JSON form (["a","b"]) when it parses as an array of strings; otherwise undefined. */
function jsonArgs(rest: string): string[] | undefined {
  if (!rest.trimStart().startsWith("[")) return undefined;
  try {
    const v = JSON.parse(rest) as unknown;
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  } catch {
    // not JSON: the shell form
  }
  return undefined;
}

function expand(text: string, env: string[]): string {
  const lookup = (name: string) => {
    for (let i = env.length - 1; i >= 0; i--) if (env[i]!.startsWith(`${name}=`)) return env[i]!.slice(name.length + 1);
    return "";
  };
  return text.replace(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a?: string, b?: string) => (m === "\\$" ? "$" : lookup(a ?? b ?? "")));
}

function unquote(s: string): string {
  return s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'"))) ? s.slice(1, -1) : s;
}

/** Splits `k=v k2="v 2"` into pairs, or the legacy `k value with spaces` form. */
function keyValues(instr: string, rest: string): Array<[string, string]> {
  const words = rest.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [];
  if (words.length === 0) throw invalidParameter(`${instr.toUpperCase()} requires at least one argument`);
  if (!words[0]!.includes("=")) {
    const [key, ...value] = rest.trim().split(/\s+/);
    if (value.length === 0) throw invalidParameter(`${instr.toUpperCase()} must have two arguments`);
    return [[key!, rest.trim().slice(key!.length).trim()]];
  }
  return words.map((w) => {
    const eq = w.indexOf("=");
    if (eq <= 0) throw invalidParameter(`Syntax error - can't find = in "${w}". Must be of the form: name=value`);
    return [unquote(w.slice(0, eq)), unquote(w.slice(eq + 1))];
  });
}

function setEnv(env: string[], key: string, value: string): string[] {
  const out = env.filter((e) => e.split("=")[0] !== key);
  out.push(`${key}=${value}`);
  return out;
}

const shellForm = (rest: string): string[] => ["/bin/sh", "-c", rest];

/** Applies Dockerfile-style changes to `config` (a copy is returned). */
export function applyChanges(base: ImageConfig, changes: readonly string[]): ImageConfig {
  const config = structuredClone(base);
  let cmdSet = false;
  const lines = changes.join("\n").split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  for (const line of lines) {
    const m = /^(\S+)\s*([\s\S]*)$/.exec(line)!;
    const instr = m[1]!.toLowerCase();
    const rest = m[2]!.trim();
    if (!VALID.has(instr)) throw invalidParameter(`${instr} is not a valid change command`);
    switch (instr) {
      case "cmd":
        config.Cmd = jsonArgs(rest) ?? shellForm(rest);
        cmdSet = true;
        break;
      case "entrypoint":
        config.Entrypoint = jsonArgs(rest) ?? shellForm(rest);
        if (!cmdSet) config.Cmd = null;
        break;
      case "env":
        for (const [k, v] of keyValues(instr, rest)) config.Env = setEnv(config.Env, k, expand(v, config.Env));
        break;
      case "label":
        config.Labels = { ...(config.Labels ?? {}) };
        for (const [k, v] of keyValues(instr, rest)) config.Labels[k] = expand(v, config.Env);
        break;
      case "expose": {
        const ports = expand(rest, config.Env).split(/\s+/).filter(Boolean);
        if (ports.length === 0) throw invalidParameter("EXPOSE requires at least one argument");
        config.ExposedPorts = { ...(config.ExposedPorts ?? {}) };
        for (const p of ports) config.ExposedPorts[p.includes("/") ? p.toLowerCase() : `${p}/tcp`] = {};
        break;
      }
      case "user":
        config.User = expand(rest, config.Env);
        break;
      case "workdir": {
        const dir = expand(rest, config.Env);
        config.WorkingDir = dir.startsWith("/") ? dir : `${config.WorkingDir.replace(/\/$/, "") || ""}/${dir}`;
        break;
      }
      case "stopsignal":
        config.StopSignal = expand(rest, config.Env);
        break;
      case "volume": {
        const vols = jsonArgs(rest) ?? expand(rest, config.Env).split(/\s+/).filter(Boolean);
        config.Volumes = { ...(config.Volumes ?? {}) };
        for (const v of vols) config.Volumes[v] = {};
        break;
      }
      case "onbuild":
        config.OnBuild = [...(config.OnBuild ?? []), rest];
        break;
      case "healthcheck": {
        const [kind, ...args] = rest.split(/\s+/);
        if (kind?.toUpperCase() === "NONE") config.Healthcheck = { Test: ["NONE"] };
        else if (kind?.toUpperCase() === "CMD") {
          const cmd = rest.slice(kind.length).trim();
          config.Healthcheck = { Test: jsonArgs(cmd) ? ["CMD", ...jsonArgs(cmd)!] : ["CMD-SHELL", cmd] };
        } else throw invalidParameter(`Unknown type ${JSON.stringify(kind ?? "")} in HEALTHCHECK (try CMD)`);
        void args;
        break;
      }
    }
  }
  return config;
}

/** daemon/commit.go merge: what the changes left unset comes from the container's config. */
export function mergeConfig(user: ImageConfig, from: ImageConfig): ImageConfig {
  const out = structuredClone(user);
  if (out.User === "") out.User = from.User;
  if (!out.ExposedPorts || Object.keys(out.ExposedPorts).length === 0) {
    if (from.ExposedPorts) out.ExposedPorts = { ...from.ExposedPorts };
  } else for (const p of Object.keys(from.ExposedPorts ?? {})) out.ExposedPorts[p] ??= {};
  if (out.Env.length === 0) out.Env = [...from.Env];
  else {
    const keys = new Set(out.Env.map((e) => e.split("=")[0]));
    for (const e of from.Env) if (!keys.has(e.split("=")[0])) out.Env.push(e);
  }
  out.Labels = { ...(from.Labels ?? {}), ...(out.Labels ?? {}) };
  if (!out.Entrypoint || out.Entrypoint.length === 0) {
    if (!out.Cmd || out.Cmd.length === 0) out.Cmd = from.Cmd ? [...from.Cmd] : null;
    if (out.Entrypoint === null) out.Entrypoint = from.Entrypoint ? [...from.Entrypoint] : null;
  }
  if (from.Healthcheck && !out.Healthcheck) out.Healthcheck = structuredClone(from.Healthcheck);
  if (out.WorkingDir === "") out.WorkingDir = from.WorkingDir;
  if (!out.Volumes || Object.keys(out.Volumes).length === 0) out.Volumes = from.Volumes ? { ...from.Volumes } : null;
  else Object.assign(out.Volumes, from.Volumes ?? {});
  if (!out.StopSignal && from.StopSignal) out.StopSignal = from.StopSignal;
  if (!out.OnBuild && from.OnBuild) out.OnBuild = [...from.OnBuild];
  return out;
}
