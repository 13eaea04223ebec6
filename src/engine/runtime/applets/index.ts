// Every applet by command name. Each takes its flavour (busybox or GNU messages) from the context.
import type { Applet } from "./context.js";
import { BASIC } from "./basic.js";
import { FILES } from "./files.js";
import { ls } from "./ls.js";
import { TEXT } from "./text.js";
import { PROC } from "./proc.js";
import { MISC } from "./misc.js";
import { sed } from "./sed.js";
import { awk } from "./awk.js";
import { wget } from "./net-wget.js";
import { ping } from "./net-ping.js";
import { nc } from "./net-nc.js";
import { nslookup } from "./net-nslookup.js";
import { OWNER } from "./owner.js";
import { DD } from "./dd.js";
import { MOUNT } from "./mount.js";

export const APPLETS: Record<string, Applet> = { ...BASIC, ...FILES, ls, ...TEXT, ...PROC, ...MISC, sed, awk, wget, ping, nc, nslookup, ...OWNER, ...DD, ...MOUNT };
