// docker cp (docker/cli v28: cli/command/container/cp.go; the copy rules of moby/go-archive
// copy.go: CopyInfoSourcePath, CopyInfoDestinationPath, PrepareArchiveCopy, RebaseArchiveEntries).
import { DaemonError, StatusError } from "../../cli/errors.js";
import type { ParsedFlags } from "../../cli/spec.js";
import type { Cli, HostFiles } from "../../cli/types.js";
import type { FileTree, FsEntry, PathStat } from "../../client/api.js";
import { contentBytes, pack, TarError, unpack, type TarEntry } from "../../client/tar.js";
import { humanSizeWithPrecision } from "../../formatter/units.js";
import { cleanPath, dirOf, hostFiles, readIn, resolveLocalPath, validateOutputPath, writeOut } from "./local-files.js";

export interface CpOptions {
  source: string;
  destination: string;
  followLink: boolean;
  copyUIDGID: boolean;
  /** Undefined: quiet unless stdout is a terminal, as docker decides. */
  quiet?: boolean;
}

/** An archive member relative to the archive root ("dir", "dir/a", ".", "./a"). */
interface Member {
  name: string;
  entry: FsEntry;
}

interface CopyInfo {
  path: string;
  exists: boolean;
  isDir: boolean;
  rebaseName: string;
}

type Files = Required<HostFiles>;

function splitCpArg(arg: string): { ctr: string; path: string } {
  if (arg.startsWith("/")) return { ctr: "", path: arg };
  const i = arg.indexOf(":");
  if (i < 0 || arg.startsWith(".")) return { ctr: "", path: arg };
  return { ctr: arg.slice(0, i), path: arg.slice(i + 1) };
}

const hasTrailingSep = (p: string) => p.endsWith("/");
const specifiesCurrentDir = (p: string) => p === "." || p.endsWith("/.");
const assertsDirectory = (p: string) => hasTrailingSep(p) || specifiesCurrentDir(p);

/** SplitPathDirEntry: "/a/b/" -> ["/a", "b"], "/a/." -> ["/a", "."]. */
function splitPathDirEntry(p: string): [string, string] {
  let clean = cleanPath(p);
  if (specifiesCurrentDir(p)) clean += "/.";
  const i = clean.lastIndexOf("/");
  return [i <= 0 ? "/" : clean.slice(0, i), clean.slice(i + 1)];
}

const goBase = (p: string) => {
  const c = p.replace(/\/+$/, "");
  return c === "" ? "/" : c.slice(c.lastIndexOf("/") + 1);
};

/** archive.GetRebaseName. */
function getRebaseName(path: string, resolved: string): [string, string] {
  let r = resolved;
  if (specifiesCurrentDir(path) && !specifiesCurrentDir(r)) r += "/.";
  if (hasTrailingSep(path) && !hasTrailingSep(r)) r += "/";
  return [r, goBase(path) !== goBase(r) ? goBase(path) : ""];
}

function rebase(members: Member[], oldBase: string, newBase: string): Member[] {
  return members.map((m) => ({ ...m, name: m.name === oldBase || m.name.startsWith(`${oldBase}/`) ? newBase + m.name.slice(oldBase.length) : m.name }));
}

/** PrepareArchiveCopy: where to extract and how members are renamed. */
function prepareArchiveCopy(members: Member[], src: CopyInfo, dst: CopyInfo): { dir: string; members: Member[] } {
  const [dstDir, dstBase] = splitPathDirEntry(dst.path);
  let [, srcBase] = splitPathDirEntry(src.path);
  if (dst.exists && dst.isDir) return { dir: dst.path, members };
  if (dst.exists && src.isDir) throw new StatusError("cannot copy directory");
  if (src.rebaseName) srcBase = src.rebaseName;
  if (!dst.exists && !src.isDir && assertsDirectory(dst.path)) throw new StatusError("no such directory");
  return { dir: dstDir, members: rebase(members, srcBase, dstBase) };
}

function toTarEntries(members: Member[]): TarEntry[] {
  return members.map((m) => ({ path: m.name, entry: m.entry }));
}

function summary(cli: Cli, header: string, size: number, dest: string): void {
  if (cli.err.isTTY) {
    // copyProgress: save the cursor, then the final state of the progress line, then clear it.
    cli.err.write(`\x1b[sPreparing to copy...\x1b[?25l\x1b[u\x1b[2K${header}${humanSizeWithPrecision(0, 3)}\x1b[?25h\x1b[u\x1b[2K`);
  }
  cli.err.write(`Successfully copied ${humanSizeWithPrecision(size, 3)} to ${dest}\n`);
}

// ---- container -> local

/** CopyInfoDestinationPath. */
function destinationInfo(files: Files, path: string): CopyInfo {
  let p = path;
  for (let i = 0; i < 10; i++) {
    const st = files.stat(p, false);
    if (st && st.type !== "symlink") return { path: p, exists: true, isDir: st.type === "dir", rebaseName: "" };
    if (!st) break;
    const target = st.target ?? "";
    p = target.startsWith("/") ? target : cleanPath(`${dirOf(p)}/${target}`);
  }
  const [parent] = splitPathDirEntry(p);
  const parentStat = files.stat(parent, true);
  if (!parentStat) throw new StatusError(`stat ${parent}: no such file or directory`);
  if (parentStat.type !== "dir") throw new StatusError("not a directory");
  return { path: p, exists: false, isDir: false, rebaseName: "" };
}

function membersOfArchive(a: { name: string; root: FsEntry; below: FileTree }): Member[] {
  const out: Member[] = [{ name: a.name, entry: a.root }];
  for (const key of Object.keys(a.below).sort()) {
    const e = a.below[key]!;
    if (e.type !== "whiteout") out.push({ name: `${a.name}${key}`, entry: e });
  }
  return out;
}

/** Untar with NoOverwriteDirNonDir, never writing through a symlink on the way. */
function extractLocal(files: Files, dir: string, members: Member[], mtime0: number): void {
  const base = cleanPath(dir);
  for (const m of members) {
    const rel = cleanPath(`/${m.name}`);
    if (rel === "/") continue;
    const target = base === "/" ? rel : `${base}${rel}`;
    for (let d = dirOf(target); d !== base && d.startsWith(base); d = dirOf(d)) {
      const st = files.stat(d, false);
      if (st && st.type !== "dir") throw new StatusError(`cannot extract through ${d}: not a directory`);
    }
    const old = files.stat(target, false);
    const e = m.entry;
    if (old?.type === "dir" && e.type !== "dir") throw new StatusError(`cannot overwrite directory "${target}" with non-directory "${target}"`);
    if (old && old.type !== "dir" && e.type === "dir") throw new StatusError(`cannot overwrite non-directory "${target}" with directory "${target}"`);
    if (!files.stat(dirOf(target), true)) files.mkdir(dirOf(target), 0o755);
    if (e.type === "dir") {
      if (!old) files.mkdir(target, e.mode);
    } else if (e.type === "symlink") {
      if (old) files.remove(target);
      files.symlink(e.target, target);
    } else {
      if (old?.type === "symlink") files.remove(target);
      files.writeBytes(target, contentBytes(e), e.mode);
      files.utime(target, e.mtime ?? mtime0);
    }
  }
}

async function copyFromContainer(cli: Cli, ctr: string, srcPath: string, dstArg: string, opts: CpOptions, quiet: boolean): Promise<void> {
  const toStdout = dstArg === "-";
  const files = toStdout ? undefined : hostFiles(cli);
  const dstPath = files ? resolveLocalPath(files, dstArg) : dstArg;
  if (files) validateOutputPath(files, dstPath);
  let src = srcPath;
  let rebaseName = "";
  if (opts.followLink) {
    let stat: PathStat | undefined;
    try {
      stat = await cli.client.containerStatPath(ctr, src);
    } catch {
      stat = undefined;
    }
    if (stat?.type === "symlink") {
      let target = stat.linkTarget;
      if (!target.startsWith("/")) target = cleanPath(`${splitPathDirEntry(src)[0]}/${target}`);
      [src, rebaseName] = getRebaseName(src, target);
    }
  }
  const archive = await cli.client.containerArchive(ctr, src);
  const members = membersOfArchive(archive);
  const tarBytes = toStdout || !quiet ? await pack(toTarEntries(members), { mtime0: archive.stat.mtime }) : undefined;
  if (toStdout) {
    writeOut(cli, tarBytes!);
    return;
  }
  const srcInfo: CopyInfo = { path: src, exists: true, isDir: archive.stat.type === "dir", rebaseName };
  let prepared = members;
  if (rebaseName) prepared = rebase(members, splitPathDirEntry(src)[1], rebaseName);
  const dstInfo = destinationInfo(files!, dstPath);
  const { dir, members: renamed } = prepareArchiveCopy(prepared, srcInfo, dstInfo);
  extractLocal(files!, dir, renamed, archive.stat.mtime);
  if (!quiet) summary(cli, "Copying from container - ", tarBytes!.length, dstPath);
}

// ---- local -> container

/** TarResource of a local path: the path itself (named by its base) and, for a directory, its contents. */
function readLocal(files: Files, path: string, followLink: boolean): { info: CopyInfo; members: Member[] } {
  let resolved = path;
  let rebaseName = "";
  const first = files.stat(path, false);
  if (!first) throw new StatusError(`lstat ${cleanPath(path)}: no such file or directory`);
  if (followLink && first.type === "symlink") {
    const st = files.stat(path, true);
    if (!st) throw new StatusError(`lstat ${cleanPath(path)}: no such file or directory`);
    const target = first.target!.startsWith("/") ? first.target! : cleanPath(`${dirOf(path)}/${first.target}`);
    [resolved, rebaseName] = getRebaseName(path, target);
  }
  const stat = files.stat(resolved, false)!;
  const [, base] = splitPathDirEntry(resolved);
  const entryOf = (p: string, st: NonNullable<ReturnType<Files["stat"]>>): FsEntry | undefined => {
    if (st.type === "dir") return { type: "dir", mode: st.mode, mtime: st.mtime };
    if (st.type === "symlink") return { type: "symlink", target: st.target ?? "", mtime: st.mtime };
    if (st.type !== "file") return undefined;
    const bytes = files.readBytes(p);
    const text = (() => {
      try {
        return { content: new TextDecoder("utf-8", { fatal: true }).decode(bytes), binary: false };
      } catch {
        return { content: Buffer.from(bytes).toString("latin1"), binary: true };
      }
    })();
    return { type: "file", mode: st.mode, content: text.content, mtime: st.mtime, ...(text.binary ? { binary: true } : {}) };
  };
  const members: Member[] = [];
  const root = entryOf(resolved, stat);
  if (root) members.push({ name: base, entry: root });
  const walk = (dir: string, name: string): void => {
    for (const child of files.readdir(dir)) {
      const p = `${dir.replace(/\/\.$/, "")}/${child}`;
      const st = files.stat(p, false);
      if (!st) continue;
      const e = entryOf(p, st);
      if (!e) continue;
      members.push({ name: `${name}/${child}`, entry: e });
      if (st.type === "dir") walk(p, `${name}/${child}`);
    }
  };
  if (stat.type === "dir") walk(resolved, base);
  return { info: { path: resolved, exists: true, isDir: stat.type === "dir", rebaseName }, members };
}

async function copyToContainer(cli: Cli, ctr: string, srcArg: string, dstPath: string, opts: CpOptions, quiet: boolean): Promise<void> {
  const fromStdin = srcArg === "-";
  const files = fromStdin ? undefined : hostFiles(cli);
  const srcPath = files ? resolveLocalPath(files, srcArg) : srcArg;
  const dst: CopyInfo = { path: dstPath, exists: false, isDir: false, rebaseName: "" };
  try {
    let stat = await cli.client.containerStatPath(ctr, dstPath);
    if (stat.type === "symlink") {
      let target = stat.linkTarget;
      if (!target.startsWith("/")) target = cleanPath(`${splitPathDirEntry(dstPath)[0]}/${target}`);
      dst.path = target;
      stat = await cli.client.containerStatPath(ctr, target);
    }
    dst.exists = true;
    dst.isDir = stat.type === "dir";
  } catch (error) {
    // A missing destination may still be created by the extraction (docker ignores this error).
    if (!(error instanceof DaemonError)) throw error;
  }

  let dir: string;
  let entries: FileTree = {};
  let size = 0;
  if (fromStdin) {
    if (!dst.isDir) throw new StatusError(`destination "${ctr}:${dstPath}" must be a directory`);
    const bytes = await readIn(cli);
    size = bytes.length;
    try {
      for (const { path, entry } of await unpack(bytes, { absolute: "strip" })) entries[path] = entry;
    } catch (error) {
      if (error instanceof TarError) throw new DaemonError(error.message, 400);
      throw error;
    }
    dir = dst.path;
  } else {
    const { info, members } = readLocal(files!, srcPath, opts.followLink);
    const prepared = prepareArchiveCopy(members, info, dst);
    dir = prepared.dir;
    for (const m of prepared.members) {
      const key = cleanPath(`/${m.name}`);
      if (key !== "/") entries[key] = m.entry;
    }
    if (!quiet) size = (await pack(toTarEntries(prepared.members))).length;
  }
  let failure: unknown;
  try {
    await cli.client.containerExtract(ctr, dir, entries, { copyUIDGID: opts.copyUIDGID });
  } catch (error) {
    failure = error;
  }
  if (!quiet) summary(cli, "Copying to container - ", size, `${ctr}:${dst.path}`);
  if (failure) throw failure;
}

export async function runCp(cli: Cli, opts: CpOptions): Promise<void> {
  if (opts.source === "") throw new StatusError("source can not be empty");
  if (opts.destination === "") throw new StatusError("destination can not be empty");
  const quiet = opts.quiet ?? !cli.out.isTTY;
  const src = splitCpArg(opts.source);
  const dst = splitCpArg(opts.destination);
  if (src.ctr && dst.ctr) throw new StatusError("copying between containers is not supported");
  if (src.ctr) return copyFromContainer(cli, src.ctr, src.path, dst.path, opts, quiet);
  if (dst.ctr) return copyToContainer(cli, dst.ctr, src.path, dst.path, opts, quiet);
  throw new StatusError("must specify at least one container source");
}

export async function action(cli: Cli, flags: ParsedFlags, args: string[]): Promise<void> {
  const v = flags.values;
  await runCp(cli, {
    source: args[0]!,
    destination: args[1]!,
    followLink: v["follow-link"] === true,
    copyUIDGID: v.archive === true,
    ...(flags.changed.has("quiet") ? { quiet: v.quiet === true } : {}),
  });
}
