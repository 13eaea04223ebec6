// The local side of cp, export and import: byte streams and the user's files
// (docker/cli cli/command/utils.go ValidateOutputPath; moby/go-archive copy.go path rules).
import { StatusError } from "../../cli/errors.js";
import type { Cli, HostFiles } from "../../cli/types.js";

/** The host-file operations cp needs; a host without them cannot copy. */
export function hostFiles(cli: Cli): Required<HostFiles> {
  const f = cli.files;
  if (!f.readBytes || !f.writeBytes || !f.stat || !f.readdir || !f.mkdir || !f.symlink || !f.utime || !f.resolve) {
    throw new StatusError("this host gives no access to local files");
  }
  return f as Required<HostFiles>;
}

export function writeOut(cli: Cli, bytes: Uint8Array): void {
  if (cli.out.writeBytes) cli.out.writeBytes(bytes);
  else cli.out.write(Buffer.from(bytes).toString("latin1"));
}

export async function readIn(cli: Cli): Promise<Uint8Array> {
  if (cli.in.readBytes) return cli.in.readBytes();
  return new TextEncoder().encode(await cli.in.readAll());
}

/** Go's filepath.Clean for absolute paths. */
export function cleanPath(p: string): string {
  const abs = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!abs) out.push("..");
    } else out.push(part);
  }
  const s = out.join("/");
  return abs ? `/${s}` : s || ".";
}

export function dirOf(p: string): string {
  const c = cleanPath(p);
  const i = c.lastIndexOf("/");
  return i < 0 ? "." : i === 0 ? "/" : c.slice(0, i);
}

/** archive.PreserveTrailingDotOrSeparator after filepath.Abs. */
export function resolveLocalPath(files: Required<HostFiles>, p: string): string {
  let abs = cleanPath(files.resolve(p));
  if (p.endsWith("/.") || p === ".") abs = abs === "/" ? "/." : `${abs}/.`;
  else if (p.endsWith("/") && !abs.endsWith("/")) abs += "/";
  return abs;
}

/** command.ValidateOutputPath. */
export function validateOutputPath(files: HostFiles, path: string): void {
  const dir = dirOf(path);
  if (dir !== "" && dir !== "." && !files.exists(dir)) throw new StatusError(`invalid output path: directory "${dir}" does not exist`);
  const st = files.stat?.(path, true);
  if (st && st.type === "other") throw new StatusError(`invalid output path: "${path}" must be a directory or a regular file: got an irregular file`);
}
