// Interactive containers: stdin from a pipe (run -i, exec -i, attach, start -ai), terminals
// (run -it, exec -it, attach with a scripted terminal), -it without a terminal, --cidfile,
// and how stop/kill signals end a container.
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { fakeTerminal } from "./fake-terminal.js";

type Sb = ReturnType<typeof createSandbox>;

/** A host with the images pulled, so stderr holds only what the command itself says. */
async function host(): Promise<Sb> {
  const sb = createSandbox();
  for (const image of ["busybox", "ubuntu", "nginx"]) await sb.run(`pull -q ${image}`);
  return sb;
}

const status = async (sb: Sb, name: string) => (await sb.run(["ps", "-a", "--filter", `name=^${name}$`, "--format", "{{.Status}}"])).stdout.trim();

describe("stdin from a pipe", () => {
  it("run -i feeds sh line by line and exits with `exit N`", async () => {
    const sb = await host();
    const r = await sb.run("run -i --name box busybox sh", { stdin: "echo hi\ntouch /created\necho oops >&2\nexit 3\necho never\n" });
    expect(r.stdout).toBe("hi\n");
    expect(r.stderr).toContain("oops\n");
    expect(r.exitCode).toBe(3);
    expect(await status(sb, "box")).toMatch(/^Exited \(3\) /);
    expect((await sb.run("diff box")).stdout).toContain("A /created");
  });

  it("run -i without exit ends with the last command's status", async () => {
    const sb = await host();
    const r = await sb.run("run -i --rm busybox sh", { stdin: "echo a\nfalse\n" });
    expect(r).toMatchObject({ stdout: "a\n", exitCode: 1 });
  });

  it("exec -i runs a shell in the running container; its changes stay", async () => {
    const sb = await host();
    await sb.run("run -d --name svc busybox sleep 1000");
    const r = await sb.run("exec -i svc sh", { stdin: "echo $((1+2)) > /n\ncat /n\nexit 4\n" });
    expect(r).toEqual({ stdout: "3\n", stderr: "", exitCode: 4 });
    expect((await sb.run("exec svc cat /n")).stdout).toBe("3\n");
    expect(await status(sb, "svc")).toMatch(/^Up /);
  });

  it("a container created with -i waits on its open stdin once started", async () => {
    const sb = await host();
    await sb.run("run -i --name box busybox sh", { stdin: "exit 0\n" });
    expect((await sb.run("start box")).stdout).toBe("box\n");
    expect(await status(sb, "box")).toMatch(/^Up /);
    // attach gives the waiting shell the piped lines; the end of input closes its stdin (StdinOnce).
    const r = await sb.run("attach box", { stdin: "echo x\nexit 6\n" });
    expect(r).toEqual({ stdout: "x\n", stderr: "", exitCode: 6 });
    expect(await status(sb, "box")).toMatch(/^Exited \(6\) /);
  });

  it("start -ai feeds a stopped -i container again", async () => {
    const sb = await host();
    await sb.run("run -i --name box busybox sh", { stdin: "echo one\nexit 7\n" });
    const r = await sb.run("start -ai box", { stdin: "echo two\nfalse\n" });
    expect(r).toEqual({ stdout: "two\n", stderr: "", exitCode: 1 });
  });

  it("-dit keeps a shell up; -d alone lets it end", async () => {
    const sb = await host();
    await sb.run("run -dit --name up busybox");
    await sb.run("run -d --name down busybox");
    expect(await status(sb, "up")).toMatch(/^Up /);
    expect(await status(sb, "down")).toMatch(/^Exited \(0\) /);
  });
});

describe("without a terminal", () => {
  it("run -it fails before anything is created", async () => {
    const sb = await host();
    expect(await sb.run("run -it busybox sh")).toEqual({ stdout: "", stderr: "the input device is not a TTY\n", exitCode: 1 });
    expect((await sb.run("ps -aq")).stdout).toBe("");
  });

  it("run -t alone is allowed", async () => {
    const r = await createSandbox().run("run --rm -t busybox echo hi");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("hi");
  });

  it("exec -it checks the container first, then the terminal", async () => {
    const sb = await host();
    expect(await sb.run("exec -it nope sh")).toEqual({ stdout: "", stderr: "Error response from daemon: No such container: nope\n", exitCode: 1 });
    await sb.run("run -dit --name box busybox");
    expect(await sb.run("exec -it box sh")).toEqual({ stdout: "", stderr: "the input device is not a TTY\n", exitCode: 1 });
  });

  it("attach to a -t container needs a terminal", async () => {
    const sb = await host();
    await sb.run("run -dit --name box busybox");
    expect(await sb.run("attach box")).toEqual({ stdout: "", stderr: "the input device is not a TTY\n", exitCode: 1 });
  });
});

describe("attach", () => {
  it("refuses a stopped container", async () => {
    const sb = await host();
    await sb.run("create --name box busybox");
    expect(await sb.run("attach box")).toEqual({ stdout: "", stderr: "You cannot attach to a stopped container, start it first\n", exitCode: 1 });
  });

  it("refuses a paused container and reports a missing one", async () => {
    const sb = await host();
    await sb.run("run -d --name svc busybox sleep 1000");
    await sb.run("pause svc");
    expect((await sb.run("attach svc")).stderr).toBe("You cannot attach to a paused container, unpause it first\n");
    expect((await sb.run("attach nope")).stderr).toBe("Error response from daemon: No such container: nope\n");
  });
});

describe("on a terminal", () => {
  it("run -it shows the shell's prompt, keeps its state and ends with exit N", async () => {
    const sb = await host();
    const term = fakeTerminal(["cd /tmp", "echo hi > f", "cat f", "exit 3"]);
    const r = await sb.run("run -it --name tt busybox", { terminal: term.open });
    expect(r).toEqual({ stdout: "hi\n", stderr: "", exitCode: 3 });
    expect(term.prompts).toEqual(["/ # ", "/tmp # ", "/tmp # ", "/tmp # "]);
    expect(term.detachKeys).toEqual([16, 17]);
    expect(term.closed).toBe(true);
    expect(await status(sb, "tt")).toMatch(/^Exited \(3\) /);
    // A terminal's log is the screen: prompts, typed lines, output.
    expect((await sb.run("logs tt")).stdout).toBe("/ # cd /tmp\n/tmp # echo hi > f\n/tmp # cat f\nhi\n/tmp # exit 3\n");
    // ash keeps its line history in the container.
    expect((await sb.run("diff tt")).stdout).toContain("A /root/.ash_history\n");
    expect((await sb.run("cp tt:/root/.ash_history -")).exitCode).toBe(0);
  });

  it("bash images show user@host:cwd#; a non-root user gets $", async () => {
    const sb = await host();
    const term = fakeTerminal(["cd ~", "exit"]);
    // bash says "exit" as it leaves, and writes its history then.
    expect(await sb.run("run -it --name u1 --hostname box1 ubuntu", { terminal: term.open })).toEqual({ stdout: "exit\n", stderr: "", exitCode: 0 });
    expect(term.prompts).toEqual(["root@box1:/# ", "root@box1:~# "]);
    expect((await sb.run("diff u1")).stdout).toContain("A /root/.bash_history\n");
    const busy = fakeTerminal(["exit"]);
    await sb.run("run -it --rm -u 1000 busybox", { terminal: busy.open });
    expect(busy.prompts).toEqual(["/ $ "]);
  });

  it("Ctrl-C at the prompt gives a new prompt; Ctrl-C ends a command that runs forever", async () => {
    const sb = await host();
    const term = fakeTerminal([{ kind: "interrupt" }, "sleep infinity", { key: "interrupt" }, "echo after", "exit 2"]);
    const r = await sb.run("run -it --rm busybox", { terminal: term.open });
    expect(r).toEqual({ stdout: "^C\n^C\nafter\n", stderr: "", exitCode: 2 });
  });

  it("an unfinished command shows PS2 and runs once complete", async () => {
    const sb = await host();
    const term = fakeTerminal(["if true; then", "echo yes", "fi", "exit"]);
    const r = await sb.run("run -it --rm busybox", { terminal: term.open });
    expect(r.stdout).toBe("yes\n");
    expect(term.prompts).toEqual(["/ # ", "> ", "> ", "/ # "]);
  });

  it("Ctrl-D ends the shell with its last status", async () => {
    const sb = await host();
    const r = await sb.run("run -it --name d1 busybox", { terminal: fakeTerminal(["false", { kind: "eof" }]).open });
    expect(r).toEqual({ stdout: "\n", stderr: "", exitCode: 1 });
    expect(await status(sb, "d1")).toMatch(/^Exited \(1\) /);
  });

  it("detaching leaves the container running; attach comes back to the same shell", async () => {
    const sb = await host();
    const r = await sb.run("run -it --name box busybox", { terminal: fakeTerminal(["X=5; cd /etc", { kind: "detach" }]).open });
    expect(r).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(await status(sb, "box")).toMatch(/^Up /);
    const again = fakeTerminal(["echo $X", { kind: "detach" }]);
    // docker attach returns the escape error when the user detaches.
    expect(await sb.run("attach box", { terminal: again.open })).toEqual({ stdout: "5\n", stderr: "read escape sequence\n", exitCode: 1 });
    expect(again.prompts[0]).toBe("/etc # ");
    expect(await sb.run("attach box", { terminal: fakeTerminal(["exit 9"]).open })).toEqual({ stdout: "", stderr: "", exitCode: 9 });
    expect(await status(sb, "box")).toMatch(/^Exited \(9\) /);
  });

  it("--detach-keys is honoured and checked", async () => {
    const sb = await host();
    const term = fakeTerminal([{ kind: "detach" }]);
    await sb.run("run -it --detach-keys ctrl-x,e --name k1 busybox", { terminal: term.open });
    expect(term.detachKeys).toEqual([24, 101]);
    const bad = await sb.run("run -it --detach-keys bogus busybox", { terminal: fakeTerminal([]).open });
    expect(bad).toEqual({
      stdout: "",
      stderr: "docker: Error response from daemon: Invalid detach keys (bogus) provided\n\nRun 'docker run --help' for more information\n",
      exitCode: 125,
    });
  });

  it("exec -it opens a new shell; exit ends only it", async () => {
    const sb = await host();
    await sb.run("run -d --name svc busybox sleep 1000");
    const term = fakeTerminal(["echo in > /from-exec", "exit 4"]);
    expect(await sb.run("exec -it svc sh", { terminal: term.open })).toEqual({ stdout: "", stderr: "", exitCode: 4 });
    expect(term.prompts).toEqual(["/ # ", "/ # "]);
    expect((await sb.run("exec svc cat /from-exec")).stdout).toBe("in\n");
    expect(await status(sb, "svc")).toMatch(/^Up /);
    const det = await sb.run("exec -it svc sh", { terminal: fakeTerminal([{ kind: "detach" }]).open });
    expect(det).toEqual({ stdout: "", stderr: "read escape sequence\n", exitCode: 1 });
    const bad = await sb.run("exec -d --detach-keys bogus svc true");
    expect(bad).toEqual({ stdout: "", stderr: "Error response from daemon: Invalid escape keys (bogus) provided\n", exitCode: 1 });
  });

  it("a command that is no shell streams its output; the detach keys leave it running", async () => {
    const sb = await host();
    const echo = fakeTerminal([]);
    expect(await sb.run("run -it --rm busybox echo hi", { terminal: echo.open })).toEqual({ stdout: "hi\n", stderr: "", exitCode: 0 });
    expect(echo.closed).toBe(true);
    const r = await sb.run("run -it --name web nginx", { terminal: fakeTerminal([{ key: "detach" }]).open });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("Configuration complete; ready for start up");
    expect(await status(sb, "web")).toMatch(/^Up /);
  });

  it("start -ai attaches the terminal to a stopped shell container", async () => {
    const sb = await host();
    await sb.run("create -it --name c2 busybox");
    const r = await sb.run("start -ai c2", { terminal: fakeTerminal(["echo up", "exit 5"]).open });
    expect(r).toEqual({ stdout: "up\n", stderr: "", exitCode: 5 });
  });
});

describe("--cidfile", () => {
  it("writes the full ID without a newline", async () => {
    const sb = await host();
    const r = await sb.run("run -d --cidfile /tmp/c.id busybox sleep 100");
    expect(sb.files.get("/tmp/c.id")).toBe(r.stdout.trim());
  });

  it("refuses an existing file, before anything is created", async () => {
    const sb = await host();
    sb.files.set("/tmp/c.id", "old");
    expect(await sb.run("run --cidfile /tmp/c.id busybox")).toEqual({
      stdout: "",
      stderr: "docker: container ID file found, make sure the other container isn't running or delete /tmp/c.id\n\nRun 'docker run --help' for more information\n",
      exitCode: 125,
    });
    expect(await sb.run("create --cidfile /tmp/c.id busybox")).toEqual({
      stdout: "",
      stderr: "container ID file found, make sure the other container isn't running or delete /tmp/c.id\n",
      exitCode: 1,
    });
    expect(sb.files.get("/tmp/c.id")).toBe("old");
    expect((await sb.run("ps -aq")).stdout).toBe("");
  });

  it("is removed again when the container cannot be created", async () => {
    const sb = await host();
    const r = await sb.run("run --cidfile /tmp/x.id --name 'bad name' busybox");
    expect(r.exitCode).toBe(125);
    expect(sb.files.has("/tmp/x.id")).toBe(false);
  });

  it("stays when the container was created but did not start", async () => {
    const sb = await host();
    const r = await sb.run("run --cidfile /tmp/y.id busybox nosuchcmd");
    expect(r.exitCode).toBe(127);
    expect(sb.files.get("/tmp/y.id")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("stop and kill", () => {
  it("a PID 1 without a TERM handler is killed after the timeout: 137", async () => {
    const sb = await host();
    await sb.run("run -d --name s1 busybox sleep 1000");
    expect((await sb.run("stop -t 3 s1")).stdout).toBe("s1\n");
    expect(await status(sb, "s1")).toMatch(/^Exited \(137\) /);
    expect((await sb.run("wait s1")).stdout).toBe("137\n");
  });

  it("--time still works, with pflag's deprecation notice on stdout", async () => {
    const sb = await host();
    await sb.run("run -d --name s2 busybox sleep 1000");
    expect(await sb.run("stop --time 1 s2")).toEqual({ stdout: "Flag --time has been deprecated, use --timeout instead\ns2\n", stderr: "", exitCode: 0 });
  });

  it("a shell that traps TERM exits with its own code; nginx exits 0", async () => {
    const sb = await host();
    await sb.run(["run", "-d", "--name", "t1", "busybox", "sh", "-c", "trap 'exit 143' TERM; while true; do sleep 1; done"]);
    await sb.run("run -d --name web nginx");
    await sb.run("stop t1 web");
    expect(await status(sb, "t1")).toMatch(/^Exited \(143\) /);
    expect(await status(sb, "web")).toMatch(/^Exited \(0\) /);
  });

  it("kill -s takes names with or without SIG, and numbers", async () => {
    const sb = await host();
    await sb.run("run -d --name n1 nginx");
    await sb.run("run -d --name n2 nginx");
    await sb.run("run -d --name c1 busybox sleep 1000");
    expect((await sb.run("kill -s term n1")).exitCode).toBe(0);
    expect((await sb.run("kill -s 9 n2")).exitCode).toBe(0);
    // A PID 1 shell without a handler ignores USR1 and TERM.
    expect((await sb.run("kill -s SIGUSR1 c1")).exitCode).toBe(0);
    expect((await sb.run("kill -s TERM c1")).exitCode).toBe(0);
    expect(await status(sb, "n1")).toMatch(/^Exited \(0\) /);
    expect(await status(sb, "n2")).toMatch(/^Exited \(137\) /);
    expect(await status(sb, "c1")).toMatch(/^Up /);
  });

  it("invalid signals get the daemon's errors", async () => {
    const sb = await host();
    await sb.run("run -d --name c1 busybox sleep 1000");
    expect((await sb.run("kill -s FOO c1")).stderr).toBe("Error response from daemon: invalid signal: FOO\n");
    expect((await sb.run("kill -s 99 c1")).stderr).toBe("Error response from daemon: the linux daemon does not support signal 99\n");
    expect((await sb.run("kill -s 0 nope")).stderr).toBe("Error response from daemon: invalid signal: 0\n");
    expect(await sb.run("stop -s BAR c1")).toEqual({ stdout: "", stderr: "Error response from daemon: invalid signal: BAR\n", exitCode: 1 });
  });
});
