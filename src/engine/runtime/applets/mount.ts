// mount: without a mount to make, lists the kernel's mount table (/proc/mounts) one line per
// mount (busybox util-linux/mount.c, util-linux mount). Mounting needs CAP_SYS_ADMIN, which a
// container without --privileged lacks.
import { type Applet, errText, parseFlags } from "./context.js";
import { fail } from "./util.js";

const mount: Applet = (ctx) => {
  const { flags, values, operands, bad } = parseFlags(ctx.argv.slice(1), "tOo");
  if (bad) {
    fail(ctx, `option requires an argument -- ${bad}`);
    return 1;
  }
  if (operands.length === 0 && !flags.has("a")) {
    let text: string;
    try {
      text = ctx.state.fs.readFile("/proc/mounts");
    } catch (e) {
      fail(ctx, `can't read '/proc/mounts': ${errText(e, ctx.flavor)}`);
      return 1;
    }
    const types = values.t?.split(",");
    for (const line of text.split("\n")) {
      const [source, target, type, options] = line.split(" ");
      if (!options || (types && !types.includes(type!))) continue;
      ctx.io.out(`${source} on ${target} type ${type} (${options})\n`);
    }
    return 0;
  }
  if (flags.has("a")) return 0;
  const [source, target] = operands;
  // A lone operand is looked up in /etc/fstab, which containers leave empty.
  if (target === undefined) {
    fail(ctx, ctx.flavor === "busybox" ? `can't find ${source} in /etc/fstab` : `${source}: can't find in /etc/fstab.`);
    return 1;
  }
  if (ctx.flavor === "busybox") {
    fail(ctx, `mounting ${source} on ${target} failed: Permission denied`);
    return 255;
  }
  fail(ctx, `${target}: permission denied.`);
  return 32;
};

export const MOUNT: Record<string, Applet> = { mount };
