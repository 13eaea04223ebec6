import { describe, expect, it } from "vitest";
import { bash, dash, run, sh } from "./helpers.js";
import { createShellSession } from "../../../src/engine/runtime/index.js";
import { createOverlayFs } from "../../../src/engine/fs/overlay.js";
import { busyboxImage, START } from "./helpers.js";

describe("shell grammar (busybox ash)", () => {
  const cases: Array<[string, string, number?]> = [
    ["echo hello world", "hello world\n"],
    ["echo 'single $HOME' \"double $HOME\" back\\ slash", "single $HOME double /root back slash\n"],
    ["true && echo yes || echo no; false && echo yes || echo no", "yes\nno\n"],
    ["echo a; echo b", "a\nb\n"],
    ["echo one two three | wc -w", "3\n"],
    ["A=1; B=${A}2; echo $B ${C:-dflt} ${A:+set} ${#B}", "12 dflt set 2\n"],
    ["x=file.tar.gz; echo ${x%.gz} ${x%%.*} ${x#*.} ${x##*.}", "file.tar file tar.gz gz\n"],
    ["echo $((1+2*3)) $(( (1+2)*3 )) $((7/2)) $((7%3))", "7 9 3 1\n"],
    ["i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done", "1\n2\n3\n"],
    ["i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i", "2\n"],
    ["for x in a b c; do echo $x; done", "a\nb\nc\n"],
    ["for x in 1 2 3 4; do [ $x = 3 ] && break; echo $x; done", "1\n2\n"],
    ["for x in 1 2 3; do [ $x = 2 ] && continue; echo $x; done", "1\n3\n"],
    ["if false; then echo a; elif true; then echo b; else echo c; fi", "b\n"],
    ["case foo.txt in *.md) echo md;; *.txt|*.text) echo txt;; esac", "txt\n"],
    ["f() { echo \"args: $# $1 $2\"; return 4; }; f x y; echo $?", "args: 2 x y\n4\n"],
    ["echo $(echo inner) `echo back`", "inner back\n"],
    ["set -- a 'b c'; for a in \"$@\"; do echo \"[$a]\"; done", "[a]\n[b c]\n"],
    ["X=outer; X=inner env | grep ^X=; echo $X", "X=inner\nouter\n"],
    ["export Y=exported; sh -c 'echo $Y'", "exported\n"],
    ["unset HOME; echo \"[${HOME}]\"", "[]\n"],
    ["cd /etc && pwd && cd - >/dev/null && pwd", "/etc\n/\n"],
    ["echo hi > /tmp/f; echo again >> /tmp/f; cat /tmp/f", "hi\nagain\n"],
    ["cat < /etc/hostname", "abc\n"],
    ["ls /nope 2>&1 | wc -l", "1\n"],
    ["ls /nope 2>/dev/null; echo $?", "1\n"],
    ["printf '%s-%d\\n' a 1 b 2", "a-1\nb-2\n"],
    ["echo a | { read v; echo got $v; }", "got a\n"],
    ["printf 'l1\\nl2\\n' | while read line; do echo \"<$line>\"; done", "<l1>\n<l2>\n"],
    ["(cd /etc; pwd); pwd", "/etc\n/\n"],
    ["! false; echo $?", "0\n"],
    ["echo $0 $#", "sh 0\n"],
    ["cat <<EOF\nvalue $((2+2))\nEOF", "value 4\n"],
    ["cat <<'EOF'\nvalue $x\nEOF", "value $x\n"],
    ["echo /etc/pass*", "/etc/passwd\n"],
    ["eval 'echo evaluated'", "evaluated\n"],
    ["echo 'echo sourced $1' > /tmp/s; . /tmp/s", "sourced\n"],
    ["set -e; false; echo not reached", "", 1],
    ["set -e; false || true; echo reached", "reached\n"],
    ["exit 3", "", 3],
    ["(exit 4); echo $?", "4\n"],
    ["sleep 1 & echo bg $!; wait; echo done", "bg 7\ndone\n"],
  ];
  it.each(cases)("%s", (script, out, code = 0) => {
    const r = sh(script);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(out);
    expect(r.code).toBe(code);
  });
});

describe("shell errors per flavour", () => {
  const cases: Array<[string, (s: string) => ReturnType<typeof sh>, string, string, number]> = [
    ["ash not found", sh, "nosuch", "sh: nosuch: not found\n", 127],
    ["bash not found", bash, "nosuch", "bash: line 1: nosuch: command not found\n", 127],
    ["dash not found", dash, "nosuch", "sh: 1: nosuch: not found\n", 127],
    ["ash path not found", sh, "./x", "sh: ./x: not found\n", 127],
    ["bash path not found", bash, "/x", "bash: line 1: /x: No such file or directory\n", 127],
    ["ash not executable", sh, "/etc/passwd", "sh: /etc/passwd: Permission denied\n", 126],
    ["bash is a directory", bash, "/etc", "bash: line 1: /etc: Is a directory\n", 126],
    ["ash syntax error", sh, "fi", 'sh: syntax error: unexpected "fi"\n', 2],
    ["bash syntax error", bash, "fi", "bash: -c: line 1: syntax error near unexpected token `fi'\n", 2],
    ["dash syntax error", dash, "fi", 'sh: 1: Syntax error: "fi" unexpected\n', 2],
    ["ash missing fi", sh, "if true; then echo", 'sh: syntax error: unexpected end of file (expecting "fi")\n', 2],
    ["dash missing done", dash, "while true; do echo", 'sh: 1: Syntax error: end of file unexpected (expecting "done")\n', 2],
    ["ash unterminated quote", sh, "echo 'x", "sh: syntax error: unterminated quoted string\n", 2],
    ["dash unterminated quote", dash, 'echo "x', "sh: 1: Syntax error: Unterminated quoted string\n", 2],
    ["ash cd", sh, "cd /nope", "sh: cd: line 1: can't cd to /nope: No such file or directory\n", 2],
    ["bash cd", bash, "cd /nope", "bash: line 1: cd: /nope: No such file or directory\n", 1],
    ["dash cd", dash, "cd /nope", "sh: 1: cd: can't cd to /nope\n", 2],
    ["ash redirect", sh, "echo x > /no/dir/f", "sh: can't create /no/dir/f: nonexistent directory\n", 2],
    ["dash redirect", dash, "cat < /nope", "sh: 1: cannot open /nope: No such file\n", 2],
    ["bash redirect", bash, "cat < /nope", "bash: line 1: /nope: No such file or directory\n", 1],
    ["ash line numbers in later lines", sh, "echo ok\nnosuch", "sh: nosuch: not found\n", 127],
    ["bash line numbers in later lines", bash, "true\nnosuch", "bash: line 2: nosuch: command not found\n", 127],
  ];
  it.each(cases)("%s", (_name, shell, script, err, code) => {
    const r = shell(script);
    expect(r.stderr).toBe(err);
    expect(r.code).toBe(code);
  });

  it("names the script file in messages", () => {
    const upper = { "/s.sh": { type: "file" as const, mode: 0o755, content: "#!/bin/sh\necho start\nnosuch\n" } };
    const r = run(["/s.sh"], { upper });
    expect(r.stdout).toBe("start\n");
    expect(r.stderr).toBe("/s.sh: line 3: nosuch: not found\n");
    expect(r.code).toBe(127);
  });

  it("reads a script from stdin", () => {
    const r = run(["sh"], { stdin: "echo from stdin\nexit 5\n" });
    expect(r.stdout).toBe("from stdin\n");
    expect(r.code).toBe(5);
  });

  it("exits 0 at once without stdin (docker run busybox)", () => {
    expect(run(["sh"]).exit).toEqual({ code: 0, at: 0 });
  });
});

describe("virtual time and endless processes", () => {
  it("stamps chunks with the virtual time they were written", () => {
    const r = sh("echo a; sleep 2; echo b");
    expect(r.output).toEqual([
      { at: 0, stream: "stdout", text: "a\n" },
      { at: 2000, stream: "stdout", text: "b\n" },
    ]);
    expect(r.exit).toEqual({ code: 0, at: 2000 });
  });

  it("accepts sleep suffixes and fractions", () => {
    expect(sh("sleep 1.5; sleep 1m").exit).toEqual({ code: 0, at: 61_500 });
  });

  it("reports a while-true loop as running, with output so far", () => {
    const r = sh("while true; do echo tick; sleep 60; done");
    expect(r.exit).toBeNull();
    expect(r.output[1]).toEqual({ at: 60_000, stream: "stdout", text: "tick\n" });
    expect(r.output.length).toBeGreaterThan(100);
    expect(r.onTerm).toEqual({ kind: "ignore" });
  });

  it("treats a busy loop without sleep as never ending", () => {
    expect(sh("while :; do :; done").exit).toBeNull();
  });

  it("sleep infinity and tail -f keep PID 1 running and ignoring TERM", () => {
    for (const argv of [["sleep", "infinity"], ["tail", "-f", "/dev/null"]]) {
      const r = run(argv);
      expect(r.exit).toBeNull();
      expect(r.onTerm).toEqual({ kind: "ignore" });
    }
  });

  it("a TERM trap that exits makes docker stop clean", () => {
    const r = sh("trap 'echo bye; exit 0' TERM; echo up; while true; do sleep 1; done");
    expect(r.exit).toBeNull();
    expect(r.onTerm).toEqual({ kind: "exit", code: 0, log: [{ at: 0, stream: "stdout", text: "bye\n" }] });
  });

  it("a shell that is not PID 1 dies on TERM with 143", () => {
    expect(sh("sleep infinity; echo", { pid: 12 }).onTerm).toEqual({ kind: "exit", code: 143 });
  });

  it("exec replaces the shell: ps shows the new command as PID 1", () => {
    const r = sh("echo starting; exec ps");
    expect(r.stdout).toBe("starting\nPID   USER     TIME  COMMAND\n    1 root      0:00 ps\n");
  });

  it("runs the EXIT trap", () => {
    expect(sh("trap 'echo cleanup' EXIT; echo work").stdout).toBe("work\ncleanup\n");
  });
});

describe("interactive session", () => {
  it("keeps variables, functions and cwd between lines and prints ash's prompt", () => {
    const fs = createOverlayFs([busyboxImage()], {});
    const shell = createShellSession({
      argv: ["sh"], env: ["HOME=/root", "PATH=/bin"], workdir: "/", user: "", hostname: "abc", fs, pid: 1,
      tty: true, startTime: START, processes: [], random: () => 0,
    });
    expect(shell.prompt()).toBe("/ # ");
    shell.runLine("X=42; greet() { echo hi $1; }; cd /root");
    expect(shell.prompt()).toBe("~ # ");
    expect(shell.runLine("greet $X").output.map((c) => c.text).join("")).toBe("hi 42\n");
    expect(shell.runLine("nosuch").output[0]?.text).toBe("sh: nosuch: not found\n");
    expect(shell.runLine("exit 3").exit).toBe(3);
  });
});

describe("interactive session: continuation, end of input, rebinding", () => {
  const ctx = (user = "") => ({
    argv: ["sh"], env: ["HOME=/root", "PATH=/bin"], workdir: "/", user, hostname: "abc", fs: createOverlayFs([busyboxImage()], {}), pid: 1,
    tty: true, startTime: START, processes: [], random: () => 0,
  });

  it("asks for more input (PS2) until a command is complete", () => {
    const shell = createShellSession(ctx());
    expect(shell.runLine("for i in 1 2; do").more).toBe(true);
    expect(shell.prompt()).toBe("> ");
    const r = shell.runLine("echo $i; done");
    expect(r.output.map((c) => c.text).join("")).toBe("1\n2\n");
    expect(shell.prompt()).toBe("/ # ");
  });

  it("Ctrl-C drops an unfinished command", () => {
    const shell = createShellSession(ctx());
    shell.runLine("echo 'open");
    shell.cancel();
    expect(shell.prompt()).toBe("/ # ");
    expect(shell.runLine("echo ok").output[0]?.text).toBe("ok\n");
  });

  it("end of input exits with the last status; ash ends the prompt's line", () => {
    const shell = createShellSession(ctx());
    shell.runLine("false");
    const r = shell.eof();
    expect(r.exit).toBe(1);
    expect(r.output).toEqual([{ at: 0, stream: "stderr", text: "\n" }]);
  });

  it("without a terminal there is no prompt and nothing is printed at the end", () => {
    const shell = createShellSession(ctx(), "ash", { prompt: false });
    expect(shell.prompt()).toBe("");
    expect(shell.eof()).toMatchObject({ exit: 0, output: [] });
  });

  it("reports a command that never ends and how long a line took", () => {
    const shell = createShellSession(ctx());
    expect(shell.runLine("sleep infinity").blocked).toBe(true);
    expect(shell.runLine("sleep 2").elapsed).toBe(2000);
  });

  it("non-root users get $; memory restores cwd and variables", () => {
    const first = createShellSession(ctx("1000"));
    first.runLine("cd /tmp; X=7; export Y=8");
    expect(first.prompt()).toBe("/tmp $ ");
    const again = createShellSession(ctx(), "ash", { memory: first.memory() });
    expect(again.prompt()).toBe("/tmp # ");
    expect(again.runLine("echo $X $Y").output[0]?.text).toBe("7 8\n");
  });

  it("a rebound session writes to the new filesystem", () => {
    const shell = createShellSession(ctx());
    const next = ctx();
    shell.rebind(next);
    shell.runLine("echo hi > /f");
    expect(next.fs.readFile("/f")).toBe("hi\n");
  });
});
