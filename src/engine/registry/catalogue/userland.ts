// Base-layer userlands: busybox, alpine (musl + busybox + apk), and the usrmerged GNU
// distributions (debian, ubuntu, oracle linux). Program names are the runtime's.
import type { FileTree } from "../../fs/types.js";
import { applets, bin, dir, dirs, file, link, lines, links, merge } from "./tree.js";

/** Applets every busybox-based image has. The runtime dispatches on the called name. */
export const BUSYBOX_APPLETS = [
  "[", "ash", "awk", "basename", "cat", "chmod", "chown", "clear", "cp", "cut", "date", "dd", "df",
  "dirname", "dmesg", "du", "echo", "egrep", "env", "expr", "false", "find", "free", "grep", "gunzip",
  "gzip", "head", "hostname", "id", "ifconfig", "ip", "kill", "less", "ln", "ls", "md5sum", "mkdir",
  "more", "mount", "mv", "nc", "netstat", "nslookup", "ping", "printf", "ps", "pwd", "readlink",
  "realpath", "rm", "rmdir", "sed", "seq", "sh", "sha256sum", "sleep", "sort", "stat", "sync", "tail",
  "tar", "tee", "telnet", "test", "timeout", "top", "touch", "tr", "traceroute", "true", "umount",
  "uname", "uniq", "uptime", "vi", "watch", "wc", "wget", "which", "whoami", "xargs", "yes", "zcat",
] as const;

/** Those of the applets GNU coreutils (and the other essential GNU packages) provide. */
const GNU_TOOLS = [
  "[", "basename", "cat", "chmod", "chown", "cp", "cut", "date", "dd", "df", "dirname", "du", "echo",
  "egrep", "env", "expr", "false", "find", "grep", "gunzip", "gzip", "head", "hostname", "id", "ln",
  "ls", "md5sum", "mkdir", "mount", "mv", "printf", "pwd", "readlink", "realpath", "rm", "rmdir",
  "sed", "seq", "sha256sum", "sleep", "sort", "stat", "sync", "tail", "tar", "tee", "test", "timeout",
  "touch", "tr", "true", "umount", "uname", "uniq", "wc", "which", "whoami", "xargs", "yes", "zcat",
] as const;
/** procps: in ubuntu and oracle linux, not in debian. */
const PROCPS = ["free", "kill", "ps", "top", "uptime", "watch"] as const;

const ROOT_DIRS = ["/dev", "/etc", "/home", "/media", "/mnt", "/opt", "/proc", "/run", "/srv", "/sys", "/usr", "/var"];

// --- busybox -------------------------------------------------------------------------

const BUSYBOX_PASSWD = lines(
  "root:x:0:0:root:/root:/bin/sh",
  "daemon:x:1:1:daemon:/usr/sbin:/bin/false",
  "bin:x:2:2:bin:/bin:/bin/false",
  "sys:x:3:3:sys:/dev:/bin/false",
  "sync:x:4:100:sync:/bin:/bin/sync",
  "mail:x:8:8:mail:/var/spool/mail:/bin/false",
  "www-data:x:33:33:www-data:/var/www:/bin/false",
  "operator:x:37:37:Operator:/var:/bin/false",
  "nobody:x:65534:65534:nobody:/home:/bin/false",
);
const BUSYBOX_GROUP = lines(
  "root:x:0:", "daemon:x:1:", "bin:x:2:", "sys:x:3:", "adm:x:4:", "tty:x:5:", "disk:x:6:", "lp:x:7:",
  "mail:x:8:", "kmem:x:9:", "wheel:x:10:root", "cdrom:x:11:", "dialout:x:18:", "floppy:x:19:",
  "video:x:28:", "audio:x:29:", "tape:x:32:", "www-data:x:33:", "operator:x:37:", "utmp:x:43:",
  "plugdev:x:46:", "staff:x:50:", "lock:x:54:", "netdev:x:82:", "users:x:100:", "nogroup:x:65534:",
);

/** The busybox image: one binary hardlinked under every applet name. */
export function busyboxRoot(busyboxSize: number): FileTree {
  return merge(
    dirs(["/bin", "/dev", "/etc", "/home", "/lib", "/lib64", "/proc", "/sys", "/usr", "/usr/sbin", "/var", "/var/spool", "/var/spool/mail", "/var/www"]),
    { "/root": dir(0o700), "/tmp": dir(0o1777) },
    { "/bin/busybox": bin("busybox", busyboxSize) },
    applets("/bin", BUSYBOX_APPLETS, "busybox", busyboxSize),
    {
      "/etc/passwd": file(BUSYBOX_PASSWD),
      "/etc/group": file(BUSYBOX_GROUP),
      "/etc/shadow": file("root:*:19500:0:99999:7:::\n", 0o600),
      "/etc/localtime": file("TZif2\n"),
      "/etc/nsswitch.conf": file(lines("hosts:     files dns", "networks:  files")),
    },
  );
}

// --- alpine --------------------------------------------------------------------------

const ALPINE_BIN = [
  "ash", "cat", "chmod", "chown", "cp", "date", "dd", "df", "dmesg", "echo", "egrep", "false", "grep",
  "gunzip", "gzip", "hostname", "kill", "ln", "ls", "mkdir", "more", "mount", "mv", "netstat", "ping",
  "ps", "pwd", "rm", "rmdir", "sed", "sh", "sleep", "stat", "sync", "tar", "touch", "true", "umount",
  "uname", "watch", "zcat",
] as const;
const ALPINE_SBIN = ["ifconfig", "ip"] as const;
const ALPINE_USR_BIN = BUSYBOX_APPLETS.filter(
  (a) => !(ALPINE_BIN as readonly string[]).includes(a) && !(ALPINE_SBIN as readonly string[]).includes(a),
);

const ALPINE_PASSWD = lines(
  "root:x:0:0:root:/root:/bin/sh",
  "bin:x:1:1:bin:/bin:/sbin/nologin",
  "daemon:x:2:2:daemon:/sbin:/sbin/nologin",
  "lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin",
  "sync:x:5:0:sync:/sbin:/bin/sync",
  "shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown",
  "halt:x:7:0:halt:/sbin:/sbin/halt",
  "mail:x:8:12:mail:/var/mail:/sbin/nologin",
  "news:x:9:13:news:/usr/lib/news:/sbin/nologin",
  "uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin",
  "cron:x:16:16:cron:/var/spool/cron:/sbin/nologin",
  "ftp:x:21:21::/var/lib/ftp:/sbin/nologin",
  "sshd:x:22:22:sshd:/dev/null:/sbin/nologin",
  "games:x:35:35:games:/usr/games:/sbin/nologin",
  "ntp:x:123:123:NTP:/var/empty:/sbin/nologin",
  "guest:x:405:100:guest:/dev/null:/sbin/nologin",
  "nobody:x:65534:65534:nobody:/:/sbin/nologin",
);
export const ALPINE_GROUP = lines(
  "root:x:0:root", "bin:x:1:root,bin,daemon", "daemon:x:2:root,bin,daemon", "sys:x:3:root,bin",
  "adm:x:4:root,daemon", "tty:x:5:", "disk:x:6:root", "lp:x:7:lp", "kmem:x:9:", "wheel:x:10:root",
  "floppy:x:11:root", "mail:x:12:mail", "news:x:13:news", "uucp:x:14:uucp", "cron:x:16:cron",
  "audio:x:18:", "cdrom:x:19:", "dialout:x:20:root", "ftp:x:21:", "sshd:x:22:", "input:x:23:",
  "tape:x:26:root", "video:x:27:root", "netdev:x:28:", "kvm:x:34:kvm", "games:x:35:", "shadow:x:42:",
  "www-data:x:82:", "users:x:100:games", "ntp:x:123:", "abuild:x:300:", "utmp:x:406:", "ping:x:999:",
  "nogroup:x:65533:", "nobody:x:65534:",
);
export { ALPINE_PASSWD };

/** Alpine's minirootfs: musl, busybox with its applet symlinks, apk. */
export function alpineRoot(version: string, busyboxSize: number): FileTree {
  const minor = version.split(".").slice(0, 2).join(".");
  return merge(
    dirs(["/bin", "/dev", "/etc", "/etc/apk", "/home", "/lib", "/media", "/mnt", "/opt", "/proc", "/run", "/sbin", "/srv", "/sys", "/usr", "/usr/bin", "/usr/lib", "/usr/local", "/usr/local/bin", "/usr/sbin", "/usr/share", "/var", "/var/cache", "/var/lib", "/var/log", "/var/spool"]),
    { "/root": dir(0o700), "/tmp": dir(0o1777), "/var/tmp": dir(0o1777) },
    { "/bin/busybox": bin("busybox", busyboxSize) },
    links("/bin", ALPINE_BIN, "/bin/busybox"),
    links("/sbin", ALPINE_SBIN, "/bin/busybox"),
    links("/usr/bin", ALPINE_USR_BIN, "/bin/busybox"),
    {
      "/sbin/apk": bin("apk", 133_160),
      "/lib/ld-musl-x86_64.so.1": bin("musl", 662_296),
      "/etc/alpine-release": file(`${version}\n`),
      "/etc/os-release": link("../usr/lib/os-release"),
      "/usr/lib/os-release": file(lines(
        'NAME="Alpine Linux"',
        "ID=alpine",
        `VERSION_ID=${version}`,
        `PRETTY_NAME="Alpine Linux v${minor}"`,
        'HOME_URL="https://alpinelinux.org/"',
        'BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"',
      )),
      "/etc/passwd": file(ALPINE_PASSWD),
      "/etc/group": file(ALPINE_GROUP),
      "/etc/shadow": file("root:*::0:::::\n", 0o640),
      "/etc/shells": file(lines("# valid login shells", "/bin/sh", "/bin/ash")),
      "/etc/profile": file(lines('export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"', 'export PAGER=less', 'umask 022')),
      "/etc/apk/world": file(lines("alpine-baselayout", "alpine-keys", "apk-tools", "busybox", "libc-utils")),
    },
  );
}

// --- GNU (debian, ubuntu, oracle linux) -----------------------------------------------

export const DEBIAN_PASSWD = lines(
  "root:x:0:0:root:/root:/bin/bash",
  "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
  "bin:x:2:2:bin:/bin:/usr/sbin/nologin",
  "sys:x:3:3:sys:/dev:/usr/sbin/nologin",
  "sync:x:4:65534:sync:/bin:/bin/sync",
  "games:x:5:60:games:/usr/games:/usr/sbin/nologin",
  "man:x:6:12:man:/var/cache/man:/usr/sbin/nologin",
  "lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin",
  "mail:x:8:8:mail:/var/mail:/usr/sbin/nologin",
  "news:x:9:9:news:/var/spool/news:/usr/sbin/nologin",
  "uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin",
  "proxy:x:13:13:proxy:/bin:/usr/sbin/nologin",
  "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin",
  "backup:x:34:34:backup:/var/backups:/usr/sbin/nologin",
  "list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin",
  "irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin",
  "_apt:x:42:65534::/nonexistent:/usr/sbin/nologin",
  "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin",
);
export const DEBIAN_GROUP = lines(
  "root:x:0:", "daemon:x:1:", "bin:x:2:", "sys:x:3:", "adm:x:4:", "tty:x:5:", "disk:x:6:", "lp:x:7:",
  "mail:x:8:", "news:x:9:", "uucp:x:10:", "man:x:12:", "proxy:x:13:", "kmem:x:15:", "dialout:x:20:",
  "fax:x:21:", "voice:x:22:", "cdrom:x:24:", "floppy:x:25:", "tape:x:26:", "sudo:x:27:", "audio:x:29:",
  "dip:x:30:", "www-data:x:33:", "backup:x:34:", "operator:x:37:", "list:x:38:", "irc:x:39:",
  "src:x:40:", "shadow:x:42:", "utmp:x:43:", "video:x:44:", "sasl:x:45:", "plugdev:x:46:",
  "staff:x:50:", "games:x:60:", "users:x:100:", "nogroup:x:65534:",
);

export interface GnuRootOptions {
  osRelease: string;
  passwd: string;
  group: string;
  /** Extra files: distribution markers, package manager. */
  extra: FileTree;
  procps: boolean;
  /** /bin/sh target: "dash" on debian/ubuntu, "bash" on oracle linux. */
  sh: "dash" | "bash";
}

/** A usrmerged GNU root: /bin, /sbin, /lib are symlinks into /usr. */
export function gnuRoot(o: GnuRootOptions): FileTree {
  const tools: string[] = [...GNU_TOOLS, ...(o.procps ? PROCPS : [])];
  return merge(
    dirs([...ROOT_DIRS, "/boot", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/local", "/usr/local/bin", "/usr/local/sbin", "/usr/local/lib", "/usr/share", "/var/cache", "/var/lib", "/var/log", "/var/mail", "/var/spool", "/var/backups"]),
    { "/root": dir(0o700), "/tmp": dir(0o1777), "/var/tmp": dir(0o1777) },
    { "/bin": link("usr/bin"), "/sbin": link("usr/sbin"), "/lib": link("usr/lib"), "/lib64": link("usr/lib64") },
    applets("/usr/bin", tools, "coreutils", 138_000),
    {
      "/usr/bin/bash": bin("bash", 1_265_648),
      "/usr/bin/sh": o.sh === "dash" ? link("dash") : link("bash"),
      "/usr/bin/awk": link(o.sh === "dash" ? "/usr/bin/mawk" : "gawk"),
      "/usr/lib/os-release": file(o.osRelease),
      "/etc/os-release": link("../usr/lib/os-release"),
      "/etc/passwd": file(o.passwd),
      "/etc/group": file(o.group),
      "/etc/shadow": file("root:*:20000:0:99999:7:::\n", 0o640),
      "/etc/shells": file(lines("# /etc/shells: valid login shells", "/bin/sh", "/usr/bin/sh", "/bin/bash", "/usr/bin/bash")),
      "/etc/bash.bashrc": file(lines("# System-wide .bashrc for interactive shells.", "[ -z \"$PS1\" ] && return", "PS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '")),
      "/root/.bashrc": file(lines("# ~/.bashrc for root", "export LS_OPTIONS='--color=auto'", "alias ls='ls $LS_OPTIONS'")),
      "/root/.profile": file(lines("# ~/.profile for root", 'if [ "$BASH" ] && [ -f ~/.bashrc ]; then . ~/.bashrc; fi', "mesg n 2> /dev/null || true")),
    },
    o.sh === "dash" ? { "/usr/bin/dash": bin("dash", 125_560), "/usr/bin/mawk": bin("coreutils", 158_376) } : { "/usr/bin/gawk": bin("coreutils", 719_000) },
    o.extra,
  );
}

// Package sources are left out: the simulation names no package repository hosts.
const aptFiles = (): FileTree =>
  merge(dirs(["/etc/apt", "/etc/apt/sources.list.d", "/var/lib/apt", "/var/lib/apt/lists", "/var/lib/dpkg"]), {
    "/usr/bin/apt-get": bin("apt", 51_296),
    "/usr/bin/apt": bin("apt", 18_840),
    "/usr/bin/dpkg": bin("apt", 318_576),
    "/usr/bin/su": bin("coreutils", 72_000, 0o4755),
  });

export function debianRoot(version: string, slim: boolean): FileTree {
  const extra = merge(
    aptFiles(),
    { "/etc/debian_version": file(`${version}\n`) },
    // The full image keeps documentation the slim one drops.
    slim ? {} : merge(dirs(["/usr/share/doc", "/usr/share/man", "/usr/share/info"]), { "/usr/share/doc/README": file("Documentation of the installed packages.\n") }),
  );
  return gnuRoot({
    sh: "dash",
    procps: false,
    passwd: DEBIAN_PASSWD,
    group: DEBIAN_GROUP,
    extra,
    osRelease: lines(
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"',
      'NAME="Debian GNU/Linux"',
      'VERSION_ID="12"',
      'VERSION="12 (bookworm)"',
      "VERSION_CODENAME=bookworm",
      "ID=debian",
      'HOME_URL="https://www.debian.org/"',
      'SUPPORT_URL="https://www.debian.org/support"',
      'BUG_REPORT_URL="https://bugs.debian.org/"',
    ),
  });
}

export function ubuntuRoot(version: string, codename: string, name: string): FileTree {
  const major = version.split(".").slice(0, 2).join(".");
  const noble = codename === "noble";
  const passwd = noble ? DEBIAN_PASSWD + "ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n" : DEBIAN_PASSWD;
  const group = noble ? DEBIAN_GROUP + "ubuntu:x:1000:\n" : DEBIAN_GROUP;
  return gnuRoot({
    sh: "dash",
    procps: true,
    passwd,
    group,
    extra: merge(
      aptFiles(),
      { "/etc/debian_version": file(`${noble ? "trixie/sid" : "bookworm/sid"}\n`), "/etc/lsb-release": file(lines("DISTRIB_ID=Ubuntu", `DISTRIB_RELEASE=${major}`, `DISTRIB_CODENAME=${codename}`, `DISTRIB_DESCRIPTION="Ubuntu ${version} LTS"`)) },
      noble ? { "/home/ubuntu": dir(0o750, 1000) } : {},
    ),
    osRelease: lines(
      `PRETTY_NAME="Ubuntu ${version} LTS"`,
      'NAME="Ubuntu"',
      `VERSION_ID="${major}"`,
      `VERSION="${version} LTS (${name})"`,
      `VERSION_CODENAME=${codename}`,
      "ID=ubuntu",
      "ID_LIKE=debian",
      'HOME_URL="https://www.ubuntu.com/"',
      'SUPPORT_URL="https://help.ubuntu.com/"',
      'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"',
      'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"',
      `UBUNTU_CODENAME=${codename}`,
      ...(noble ? ["LOGO=ubuntu-logo"] : []),
    ),
  });
}

export const ORACLE_PASSWD = lines(
  "root:x:0:0:root:/root:/bin/bash",
  "bin:x:1:1:bin:/bin:/sbin/nologin",
  "daemon:x:2:2:daemon:/sbin:/sbin/nologin",
  "adm:x:3:4:adm:/var/adm:/sbin/nologin",
  "lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin",
  "sync:x:5:0:sync:/sbin:/bin/sync",
  "shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown",
  "halt:x:7:0:halt:/sbin:/sbin/halt",
  "mail:x:8:12:mail:/var/spool/mail:/sbin/nologin",
  "operator:x:11:0:operator:/root:/sbin/nologin",
  "games:x:12:100:games:/usr/games:/sbin/nologin",
  "ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin",
  "nobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin",
);
export const ORACLE_GROUP = lines(
  "root:x:0:", "bin:x:1:", "daemon:x:2:", "sys:x:3:", "adm:x:4:", "tty:x:5:", "disk:x:6:", "lp:x:7:",
  "mem:x:8:", "kmem:x:9:", "wheel:x:10:", "mail:x:12:", "games:x:20:", "ftp:x:50:", "users:x:100:", "nobody:x:65534:",
);

/** oraclelinux:9-slim, the base of the mysql images. */
export function oracleLinuxRoot(): FileTree {
  return gnuRoot({
    sh: "bash",
    procps: false,
    passwd: ORACLE_PASSWD,
    group: ORACLE_GROUP,
    extra: {
      "/usr/bin/microdnf": bin("microdnf", 94_672),
      "/etc/oracle-release": file("Oracle Linux Server release 9.5\n"),
      "/etc/redhat-release": file("Red Hat Enterprise Linux release 9.5 (Plow)\n"),
    },
    osRelease: lines(
      'NAME="Oracle Linux Server"',
      'VERSION="9.5"',
      'ID="ol"',
      'ID_LIKE="fedora"',
      'VARIANT="Server"',
      'VARIANT_ID="server"',
      'VERSION_ID="9.5"',
      'PLATFORM_ID="platform:el9"',
      'PRETTY_NAME="Oracle Linux Server 9.5"',
      'ANSI_COLOR="0;31"',
      'CPE_NAME="cpe:/o:oracle:linux:9:5:server"',
      'HOME_URL="https://linux.oracle.com/"',
      'BUG_REPORT_URL="https://github.com/oracle/oracle-linux"',
    ),
  });
}
