import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function withBox() {
  const sb = createSandbox();
  expect((await sb.run("run -d -q --name box busybox sleep 1000")).exitCode).toBe(0);
  return sb;
}

describe("docker exec", () => {
  it("prints the command's output", async () => {
    const sb = await withBox();
    const r = await sb.run("exec box echo hello");
    expect(r).toEqual({ stdout: "hello\n", stderr: "", exitCode: 0 });
    expectGolden("container-exec-output", r);
  });

  it("exits with the command's code, stderr on stderr", async () => {
    const sb = await withBox();
    const r = await sb.run(["exec", "box", "sh", "-c", "echo out; echo err >&2; exit 4"]);
    expect(r).toEqual({ stdout: "out\n", stderr: "err\n", exitCode: 4 });
    expectGolden("container-exec-exit-code", r);
  });

  it("-e, -w and -u reach the process", async () => {
    const sb = await withBox();
    const r = await sb.run(["exec", "-e", "X=42", "-w", "/tmp", "box", "sh", "-c", "echo $X; pwd"]);
    expect(r.stdout).toBe("42\n/tmp\n");
  });

  it("a missing container is reported before the TTY check", async () => {
    const r = await createSandbox().run("exec -it nope sh");
    expect(r).toEqual({ stdout: "", stderr: "Error response from daemon: No such container: nope\n", exitCode: 1 });
  });

  it("-it without a terminal", async () => {
    const sb = await withBox();
    expectGolden("container-exec-it-no-tty", await sb.run("exec -it box sh"));
  });

  it("refuses a stopped container", async () => {
    const sb = createSandbox();
    await sb.run("create -q --name idle busybox");
    const r = await sb.run("exec idle ls");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Error response from daemon: container [0-9a-f]{64} is not running\n$/);
  });

  it("--env-file that does not exist", async () => {
    const sb = await withBox();
    expect(await sb.run("exec --env-file /nope box env")).toEqual({
      stdout: "",
      stderr: "open /nope: no such file or directory\n",
      exitCode: 1,
    });
  });
});
