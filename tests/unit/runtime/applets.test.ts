import { describe, expect, it } from "vitest";
import { debianImage, run, sh } from "./helpers.js";

const gnu = (script: string, o = {}) => run(["bash", "-c", script], { image: debianImage(), ...o });

describe("applet messages: busybox vs GNU", () => {
  const cases: Array<[string, string, string, number]> = [
    ["cat /x", "cat: can't open '/x': No such file or directory\n", "cat: /x: No such file or directory\n", 1],
    ["ls /x", "ls: /x: No such file or directory\n", "ls: cannot access '/x': No such file or directory\n", -1],
    ["mkdir /etc", "mkdir: can't create directory '/etc': File exists\n", "mkdir: cannot create directory '/etc': File exists\n", 1],
    ["rm /x", "rm: can't remove '/x': No such file or directory\n", "rm: cannot remove '/x': No such file or directory\n", 1],
    ["rm /etc", "rm: '/etc' is a directory\n", "rm: cannot remove '/etc': Is a directory\n", 1],
    ["rmdir /x", "rmdir: '/x': No such file or directory\n", "rmdir: failed to remove '/x': No such file or directory\n", 1],
    ["cp /x /y", "cp: can't stat '/x': No such file or directory\n", "cp: cannot stat '/x': No such file or directory\n", 1],
    ["cp /etc /y", "cp: omitting directory '/etc'\n", "cp: -r not specified; omitting directory '/etc'\n", 1],
    ["head /x", "head: /x: No such file or directory\n", "head: cannot open '/x' for reading: No such file or directory\n", 1],
    ["whoami; id -u 2>/dev/null; touch /a/b", "touch: /a/b: No such file or directory\n", "touch: cannot touch '/a/b': No such file or directory\n", 1],
    ["grep x /x", "grep: /x: No such file or directory\n", "grep: /x: No such file or directory\n", 2],
    ["exec kill 99", "kill: can't kill pid 99: No such process\n", "kill: (99) - No such process\n", 1],
  ];
  it.each(cases)("%s", (script, bb, gn, code) => {
    const b = sh(script);
    const g = gnu(script);
    expect(b.stderr).toBe(bb);
    expect(g.stderr).toBe(gn);
    expect(b.code).toBe(code === -1 ? 1 : code);
    expect(g.code).toBe(code === -1 ? 2 : code);
  });

  it("busybox names unknown applets", () => {
    const r = run(["busybox", "frobnicate"]);
    expect(r.stderr).toBe("frobnicate: applet not found\n");
    expect(r.code).toBe(127);
  });

  it("writes fail with EROFS on a read-only rootfs", () => {
    expect(sh("touch /x", { readOnly: true }).stderr).toBe("touch: /x: Read-only file system\n");
    expect(gnu("mkdir /d", { readOnly: true }).stderr).toBe("mkdir: cannot create directory '/d': Read-only file system\n");
  });
});

describe("ls", () => {
  it("prints one name per line without a terminal and hides dot files", () => {
    expect(sh("touch /tmp/.h /tmp/b /tmp/a; ls /tmp").stdout).toBe("a\nb\n");
    expect(sh("touch /tmp/.h; ls -a /tmp").stdout).toBe(".\n..\n.h\n");
  });

  it("lays out columns on a terminal", () => {
    expect(run(["ls", "/etc"], { tty: true }).stdout).toBe("group     hostname  passwd\n");
  });

  it("long listing: busybox fixed widths, GNU aligned columns", () => {
    expect(sh("ls -l /etc/passwd").stdout).toBe("-rw-r--r--    1 root     root            75 Jun  2 10:00 /etc/passwd\n");
    expect(gnu("ls -l /etc").stdout).toBe("total 8\n-rw-r--r-- 1 root root 10 Jun  2 10:00 group\n-rw-r--r-- 1 root root 32 Jun  2 10:00 passwd\n");
    expect(sh("ls -ld /root").stdout).toBe("drwx------    2 root     root          4096 Jun  2 10:00 /root\n");
    expect(sh("ls -l /bin/sh").stdout).toMatch(/^lrwxrwxrwx    1 root     root            12 Jun  2 10:00 \/bin\/sh -> \/bin\/busybox\n$/);
    expect(sh("ls -lh /bin/busybox").stdout).toContain(" 1.1M ");
  });

  it("recurses with -R", () => {
    expect(sh("mkdir -p /t/a/b; touch /t/a/f; ls -R /t").stdout).toBe("/t:\na\n\n/t/a:\nb\nf\n\n/t/a/b:\n");
  });
});

describe("text and file applets", () => {
  const cases: Array<[string, string]> = [
    ["echo -n a; echo -e 'b\\tc'", "ab\tc\n"],
    ["printf '%5s|%-3d|%03d|%x\\n' ab 7 5 255", "   ab|7  |005|ff\n"],
    ["printf 'a\\nb\\nc\\n' | wc -l", "3\n"],
    ["printf 'x y\\nz\\n' > /tmp/f; wc /tmp/f", "      2       3       6 /tmp/f\n"],
    ["printf 'b\\na\\nb\\n' | sort | uniq -c", "      1 a\n      2 b\n"],
    ["printf '3\\n10\\n2\\n' | sort -n", "2\n3\n10\n"],
    ["seq 5 | head -n 2; seq 5 | tail -n 2", "1\n2\n4\n5\n"],
    ["seq 2 2 6", "2\n4\n6\n"],
    ["echo hello | tr a-z A-Z; echo a-b | tr -d -", "HELLO\nab\n"],
    ["echo a:b:c | cut -d: -f2,3; echo abcdef | cut -c2-4", "b:c\nbcd\n"],
    ["printf 'one\\nTwo\\nthree\\n' | grep -i -n t", "2:Two\n3:three\n"],
    ["printf 'a\\nb\\n' | grep -v a; printf 'a\\na\\n' | grep -c a", "b\n2\n"],
    ["printf 'ab12\\n' | grep -E '[0-9]+$'", "ab12\n"],
    ["mkdir -p /d/e; echo x > /d/e/f; grep -r x /d", "/d/e/f:x\n"],
    ["echo 'a b c' | awk '{print $2, $NF}'", "b c\n"],
    ["printf 'k=1\\nj=2\\n' | awk -F= '$2 > 1 {print $1}'", "j\n"],
    ["printf '1\\n2\\n3\\n' | awk '{s += $1} END {print s}'", "6\n"],
    ["echo hello world | sed 's/o/0/g'; echo abc | sed -e 's/\\(a\\)b/\\1X/'", "hell0 w0rld\naXc\n"],
    ["printf '1\\n2\\n3\\n' | sed -n '2p'; printf '1\\n2\\n' | sed '1d'", "2\n2\n"],
    ["echo old > /tmp/c; sed -i 's/old/new/' /tmp/c; cat /tmp/c", "new\n"],
    ["echo x | tee /tmp/t; cat /tmp/t", "x\nx\n"],
    ["cp /etc/hostname /tmp/h; mv /tmp/h /tmp/i; cat /tmp/i; ls /tmp", "abc\ni\n"],
    ["mkdir -p /s/t; touch /s/t/u; cp -r /s /r; find /r", "/r\n/r/t\n/r/t/u\n"],
    ["find /etc -name 'p*'", "/etc/passwd\n"],
    ["ln -s /etc/hostname /tmp/l; cat /tmp/l; rm /tmp/l; cat /etc/hostname", "abc\nabc\n"],
    ["rm -rf /etc; ls /etc 2>/dev/null || echo gone", "gone\n"],
    ["echo a b c | xargs -n 1 echo item", "item a\nitem b\nitem c\n"],
    ["basename /a/b/c.txt .txt; dirname /a/b/c.txt; dirname file", "c\n/a/b\n.\n"],
    ["expr 2 + 3; expr 7 \\* 6", "5\n42\n"],
    ["[ -d /etc ] && [ -f /etc/passwd ] && [ ! -e /nope ] && test abc = abc && echo ok", "ok\n"],
    ["chmod 755 /etc/hostname; stat -c '%a %A %U' /etc/hostname", "755 -rwxr-xr-x root\n"],
    ["which ls; which nope || echo missing", "/bin/ls\nmissing\n"],
    ["env -i A=1 env", "A=1\n"],
    ["printenv HOME", "/root\n"],
    ["yes | head -n 2", "y\ny\n"],
    ["id; whoami", "uid=0(root) gid=0(root) groups=0(root),10(wheel)\nroot\n"],
    ["uname; uname -r; uname -m; uname -n", "Linux\n6.8.0-60-generic\nx86_64\nabc\n"],
    ["hostname; pwd", "abc\n/\n"],
    ["date; sleep 61; date +%H:%M:%S", "Mon Jun  2 10:00:00 UTC 2025\n10:01:01\n"],
    ["du -s /etc", "16\t/etc\n"],
  ];
  it.each(cases)("%s", (script, out) => {
    const r = sh(script);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(out);
  });

  it("GNU id of root lists its groups", () => {
    expect(gnu("id").stdout).toBe("uid=0(root) gid=0(root) groups=0(root)\n");
  });
});

describe("processes and signals", () => {
  const procs = [
    { pid: 1, user: "root", command: "nginx: master process nginx -g daemon off;", startedAt: 0, ppid: 0 },
    { pid: 29, user: "nginx", command: "nginx: worker process", startedAt: 0, ppid: 1 },
  ];
  it("busybox ps lists container processes with itself", () => {
    const r = run(["ps"], { pid: 35, processes: procs });
    expect(r.stdout).toBe(
      "PID   USER     TIME  COMMAND\n    1 root      0:00 nginx: master process nginx -g daemon off;\n   29 nginx     0:00 nginx: worker process\n   35 root      0:00 ps\n",
    );
  });

  it("GNU ps -ef and ps aux headers", () => {
    const ef = run(["ps", "-ef"], { image: debianImage(), pid: 35, processes: procs });
    expect(ef.stdout.split("\n")[0]).toBe("UID          PID    PPID  C STIME TTY          TIME CMD");
    expect(ef.stdout).toContain("root           1       0  0 10:00 ?        00:00:00 nginx: master process");
    const aux = run(["ps", "aux"], { image: debianImage(), pid: 35, processes: procs });
    expect(aux.stdout.split("\n")[0]).toBe("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND");
  });

  it("kill records signals for the engine (pid 1 from an exec)", () => {
    const r = run(["kill", "-9", "1"], { pid: 35, processes: procs });
    expect(r.code).toBe(0);
    expect(r.signals).toEqual([{ pid: 1, signal: "KILL", at: 0 }]);
    expect(run(["kill", "1"], { pid: 35, processes: procs }).signals[0]?.signal).toBe("TERM");
  });
});
