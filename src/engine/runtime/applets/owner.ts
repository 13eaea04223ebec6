// chown and chgrp: resolve USER[:GROUP] against /etc/passwd and /etc/group, then hand the ids to
// the filesystem (busybox coreutils/chown.c, GNU chown/chgrp for the wording).
import type { ContainerFs } from "../../fs/types.js";
import { type Applet, type CommandContext, abs, errText, groupLines, parseFlags, passwdLines } from "./context.js";
import { badOption, fail, tryHelp, unknownFlag } from "./util.js";

/** Ownership changes go through the filesystem when it supports them. */
type OwnedFs = ContainerFs & { chown?: (path: string, uid: number | undefined, gid: number | undefined) => void };

function lookup(rows: string[][], name: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name);
  const row = rows.find((l) => l[0] === name);
  return row ? Number(row[2]) : undefined;
}

function change(ctx: CommandContext, group: boolean): number {
  const { flags, operands } = parseFlags(ctx.argv.slice(1));
  const bad = unknownFlag(flags, "RhfvcLHP");
  if (bad) return badOption(ctx, bad);
  const [spec, ...files] = operands;
  if (spec === undefined || files.length === 0) {
    fail(ctx, spec === undefined ? "missing operand" : `missing operand after '${spec}'`);
    tryHelp(ctx);
    return 1;
  }
  let uid: number | undefined;
  let gid: number | undefined;
  if (group) {
    gid = lookup(groupLines(ctx.state.fs), spec);
    if (gid === undefined) {
      fail(ctx, ctx.flavor === "busybox" ? `unknown group ${spec}` : `invalid group: '${spec}'`);
      return 1;
    }
  } else {
    const m = /^([^:.]*)(?:[:.](.*))?$/.exec(spec)!;
    const [user, grp] = [m[1]!, m[2]];
    if (user !== "") {
      uid = lookup(passwdLines(ctx.state.fs), user);
      if (uid === undefined) {
        fail(ctx, ctx.flavor === "busybox" ? `unknown user ${user}` : `invalid user: '${spec}'`);
        return 1;
      }
    }
    if (grp !== undefined && grp !== "") {
      gid = lookup(groupLines(ctx.state.fs), grp);
      if (gid === undefined) {
        fail(ctx, ctx.flavor === "busybox" ? `unknown group ${grp}` : `invalid group: '${spec}'`);
        return 1;
      }
    } else if (grp === "" && uid !== undefined) {
      // "user:" means the user's login group.
      const row = passwdLines(ctx.state.fs).find((l) => Number(l[2]) === uid);
      gid = row ? Number(row[3]) : undefined;
    }
  }
  const fs = ctx.state.fs as OwnedFs;
  const recursive = flags.has("R");
  let st = 0;
  const apply = (p: string, shown: string): void => {
    if (!fs.lstat(p)) {
      fail(ctx, ctx.flavor === "busybox" ? `${shown}: No such file or directory` : `cannot access '${shown}': No such file or directory`);
      st = 1;
      return;
    }
    try {
      fs.chown?.(p, uid, gid);
    } catch (e) {
      const why = errText(e, ctx.flavor);
      fail(ctx, ctx.flavor === "busybox" ? `${shown}: ${why}` : `changing ${group ? "group" : "ownership"} of '${shown}': ${why}`);
      st = 1;
      return;
    }
    if (recursive && fs.stat(p)?.type === "dir") {
      for (const n of fs.readdir(p)) apply(p === "/" ? `/${n}` : `${p}/${n}`, shown.endsWith("/") ? `${shown}${n}` : `${shown}/${n}`);
    }
  };
  for (const f of files) apply(abs(ctx, f), f);
  return st;
}

export const OWNER: Record<string, Applet> = {
  chown: (ctx) => change(ctx, false),
  chgrp: (ctx) => change(ctx, true),
};
