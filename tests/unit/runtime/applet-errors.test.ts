// Applets' and shells' own error texts and exit codes: busybox 1.36 (libbb open_or_warn vs
// fopen_or_warn, coreutils/*.c, shell/ash.c) against GNU coreutils with bash or dash.
import { describe, expect, it } from "vitest";
import { bash, dash, run, sh } from "./helpers.js";

type Case = [script: string, stderr: string, code: number];

function check(runner: (s: string) => { stderr: string; code: number | undefined }, cases: Case[]) {
  it.each(cases)("%s", (script, stderr, code) => {
    const r = runner(script);
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(code);
  });
}

describe("busybox applets (run directly, not through sh)", () => {
  const direct = (s: string) => run(s.split(" "));
  check(direct, [
    // open_or_warn: "can't open '%s'"
    ["cat /x", "cat: can't open '/x': No such file or directory\n", 1],
    ["uniq /x", "uniq: can't open '/x': No such file or directory\n", 1],
    ["tail /x", "tail: can't open '/x': No such file or directory\ntail: no files\n", 1],
    // fopen_or_warn: bb_simple_perror_msg(path)
    ["head /x", "head: /x: No such file or directory\n", 1],
    ["wc /x", "wc: /x: No such file or directory\n", 1],
    ["cut -f1 /x", "cut: /x: No such file or directory\n", 1],
    ["sed p /x", "sed: /x: No such file or directory\n", 1],
    ["awk 1 /x", "awk: /x: No such file or directory\n", 1],
    ["grep x /x", "grep: /x: No such file or directory\n", 2],
    ["ls /nope", "ls: /nope: No such file or directory\n", 1],
    ["rm /x", "rm: can't remove '/x': No such file or directory\n", 1],
    ["mkdir /etc", "mkdir: can't create directory '/etc': File exists\n", 1],
    ["rmdir /x", "rmdir: '/x': No such file or directory\n", 1],
    ["touch /a/b", "touch: /a/b: No such file or directory\n", 1],
    ["mv /x /y", "mv: can't rename '/x': No such file or directory\n", 1],
    ["ln /x /y", "ln: /x: No such file or directory\n", 1],
    ["ln -s /etc/passwd /etc/group", "ln: /etc/group: File exists\n", 1],
    ["chmod 644 /x", "chmod: /x: No such file or directory\n", 1],
    ["stat /nope", "stat: can't stat '/nope': No such file or directory\n", 1],
    ["du /nope", "du: /nope: No such file or directory\n", 1],
    ["df /nope", "df: /nope: No such file or directory\n", 1],
    ["find /nope", "find: /nope: No such file or directory\n", 1],
    ["sed s/a /etc/passwd", "sed: unmatched '/'\n", 1],
    ["kill 99", "kill: can't kill pid 99: No such process\n", 1],
    ["[ a -eq 1 ]", "[: a: bad number\n", 2],
  ]);
});

describe("busybox ash: its own messages and its builtins' (named after applet_name)", () => {
  check(sh, [
    ["nosuch", "sh: nosuch: not found\n", 127],
    ["/etc", "sh: /etc: Permission denied\n", 126],
    ["cat < /nope", "sh: can't open /nope: no such file\n", 2],
    ["echo hi > /x/y", "sh: can't create /x/y: nonexistent directory\n", 2],
    ["if then", 'sh: syntax error: unexpected "then"\n', 2],
    ["cd /nope", "sh: cd: line 1: can't cd to /nope: No such file or directory\n", 2],
    ["export 1a=b; echo after", "sh: export: line 1: 1a: bad variable name\n", 2],
    ["[ a -eq 1 ]", "sh: a: bad number\n", 2],
    ["[ $unset != 1 ]", "sh: 1: unknown operand\n", 2],
    ["[ 1 = 1", "sh: missing ]\n", 2],
    ["kill 99", "sh: can't kill pid 99: No such process\n", 1],
    ["printf '%d' abc", "sh: invalid number 'abc'\n", 1],
  ]);

  it("a shell started as ash names itself ash", () => {
    expect(run(["ash", "-c", "[ a -eq 1 ]"]).stderr).toBe("ash: a: bad number\n");
  });

  it("export's failure ends the script before the next command", () => {
    expect(sh("export 1a=b; echo after").stdout).toBe("");
  });
});

describe("GNU coreutils under bash", () => {
  check(bash, [
    ["cat /x", "cat: /x: No such file or directory\n", 1],
    ["ls /nope", "ls: cannot access '/nope': No such file or directory\n", 2],
    ["head /x", "head: cannot open '/x' for reading: No such file or directory\n", 1],
    ["rm /x", "rm: cannot remove '/x': No such file or directory\n", 1],
    ["mkdir /etc", "mkdir: cannot create directory '/etc': File exists\n", 1],
    ["ln /x /y", "ln: failed to access '/x': No such file or directory\n", 1],
    ["sed p /x", "sed: can't read /x: No such file or directory\n", 2],
    ["awk 1 /x", "awk: cannot open /x (No such file or directory)\n", 2],
    ["df /nope", "df: /nope: No such file or directory\n", 1],
    ["nosuch", "bash: line 1: nosuch: command not found\n", 127],
    ["echo hi > /x/y", "bash: line 1: /x/y: No such file or directory\n", 1],
    ["cd /nope", "bash: line 1: cd: /nope: No such file or directory\n", 1],
    ["[ a -eq 1 ]", "bash: line 1: [: a: integer expression expected\n", 2],
    ["[ 1 -eq ]", "bash: line 1: [: 1: unary operator expected\n", 2],
    ["[ a b c ]", "bash: line 1: [: b: binary operator expected\n", 2],
    ["[ 1 = 1", "bash: line 1: [: missing `]'\n", 2],
    ["printf '%d' abc", "bash: line 1: printf: abc: invalid number\n", 1],
    ["printf", "bash: line 1: printf: usage: printf [-v var] format [arguments]\n", 2],
    ["kill", "bash: line 1: kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n", 2],
    ["kill 99", "bash: line 1: kill: (99) - No such process\n", 1],
    ["kill -s FOO 1", "bash: line 1: kill: FOO: invalid signal specification\n", 1],
    ["export 1a=b", "bash: line 1: export: `1a=b': not a valid identifier\n", 1],
  ]);
});

describe("dash as Debian's /bin/sh", () => {
  check(dash, [
    ["nosuch", "sh: 1: nosuch: not found\n", 127],
    ["[ a -eq 1 ]", "sh: 1: [: Illegal number: a\n", 2],
    ["[ 1 = 1", "sh: 1: [: missing ]\n", 2],
  ]);
});

describe("more operand checks", () => {
  it("id names an unknown user as each id does", () => {
    expect(sh("id nosuch")).toMatchObject({ stderr: "id: unknown user nosuch\n", code: 1 });
    expect(bash("id nosuch")).toMatchObject({ stderr: "id: 'nosuch': no such user\n", code: 1 });
    expect(sh("id -u nobody").stdout).toBe("65534\n");
  });

  it("unset refuses a bad name: ash ends the script, bash carries on", () => {
    expect(sh("unset 1a; echo after")).toMatchObject({ stdout: "", stderr: "sh: unset: line 1: 1a: bad variable name\n", code: 2 });
    expect(bash("unset 1a; echo after")).toMatchObject({ stdout: "after\n", stderr: "bash: line 1: unset: `1a': not a valid identifier\n", code: 0 });
  });

  it("which without a name fails", () => {
    expect(sh("which").code).toBe(1);
  });

  it("df names the filesystem holding an existing path", () => {
    const r = sh("df /etc/passwd");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[1]).toMatch(/^overlay .* \/$/);
  });
});

describe("chown and chgrp", () => {
  it("name unknown users and groups and missing files in each wording", () => {
    expect(sh("chown nosuch /etc/passwd")).toMatchObject({ stderr: "chown: unknown user nosuch\n", code: 1 });
    expect(sh("chown root:nosuch /etc/passwd")).toMatchObject({ stderr: "chown: unknown group nosuch\n", code: 1 });
    expect(sh("chown root /x")).toMatchObject({ stderr: "chown: /x: No such file or directory\n", code: 1 });
    expect(sh("chgrp nosuch /etc/passwd")).toMatchObject({ stderr: "chgrp: unknown group nosuch\n", code: 1 });
    expect(bash("chown nosuch:root /etc/passwd")).toMatchObject({ stderr: "chown: invalid user: 'nosuch:root'\n", code: 1 });
    expect(bash("chown root /x")).toMatchObject({ stderr: "chown: cannot access '/x': No such file or directory\n", code: 1 });
    expect(bash("chown")).toMatchObject({ stderr: "chown: missing operand\nTry 'chown --help' for more information.\n", code: 1 });
  });

  it("accepts names, numbers and user: forms", () => {
    expect(sh("chown -R nobody:nobody /tmp && chown 0:0 /etc/passwd && chown root: /etc/group")).toMatchObject({ stderr: "", code: 0 });
  });
});

describe("HOME, as runc sets it", () => {
  it("comes from the user's passwd entry when the environment lacks it", () => {
    expect(run(["env"], { env: ["PATH=/bin"] }).stdout).toBe("PATH=/bin\nHOME=/root\n");
    expect(run(["sh", "-c", "echo $HOME"], { env: ["PATH=/bin", "HOME="] }).stdout).toBe("/root\n");
    expect(run(["sh", "-c", "echo $HOME"], { env: ["PATH=/bin", "HOME=/srv"] }).stdout).toBe("/srv\n");
  });
});
