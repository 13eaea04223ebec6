// --env-file and --label-file: docker/cli pkg/kvfile/kvfile.go and opts/file.go
// (ReadKVEnvStrings / ReadKVStrings): file entries first, then the flag values.
import type { HostFiles } from "../../../cli/types.js";

type Lookup = (key: string) => string | undefined;

function parseLines(text: string, lookup: Lookup | undefined): string[] {
  const out: string[] = [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, index) => {
    let line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.includes("\uFFFD")) {
      const bytes = [...new TextEncoder().encode(raw)];
      throw new Error(`invalid utf8 bytes at line ${index + 1}: [${bytes.join(" ")}]`);
    }
    if (index === 0 && line.startsWith("\uFEFF")) line = line.slice(1);
    line = line.replace(/^\s+/u, "");
    if (line.length === 0 || line[0] === "#") return;
    const eq = line.indexOf("=");
    const key = eq < 0 ? line : line.slice(0, eq);
    if (key.length === 0) throw new Error(`no variable name on line '${line}'`);
    if (/[ \t]/.test(key)) throw new Error(`variable '${key}' contains whitespaces`);
    if (eq >= 0) {
      out.push(line);
      return;
    }
    const value = lookup?.(line);
    if (value !== undefined) out.push(`${key}=${value}`);
  });
  return out;
}

function readFile(files: HostFiles, path: string, lookup: Lookup | undefined): string[] {
  let text: string;
  try {
    text = files.readText(path);
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (err.code === "EISDIR") throw new Error(`invalid env file (${path}): read ${path}: is a directory`);
    if (err.code === "ENOENT") throw new Error(`open ${path}: no such file or directory`);
    if (err.code === "EACCES") throw new Error(`open ${path}: permission denied`);
    throw new Error(err.message);
  }
  try {
    return parseLines(text, lookup);
  } catch (e) {
    throw new Error(`invalid env file (${path}): ${(e as Error).message}`);
  }
}

/** opts.ReadKVEnvStrings: KEY lines without a value copy KEY from the client's environment. */
export function readKVEnvStrings(files: HostFiles, paths: string[], override: string[], env: Record<string, string | undefined>): string[] {
  const vars = paths.flatMap((p) => readFile(files, p, (k) => env[k]));
  return [...vars, ...override];
}

/** opts.ReadKVStrings: label files (KEY lines without a value are dropped). */
export function readKVStrings(files: HostFiles, paths: string[], override: string[]): string[] {
  const vars = paths.flatMap((p) => readFile(files, p, undefined));
  return [...vars, ...override];
}

/** opts.ConvertKVStringsToMap. */
export function kvToMap(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf("=");
    out[eq < 0 ? v : v.slice(0, eq)] = eq < 0 ? "" : v.slice(eq + 1);
  }
  return out;
}
