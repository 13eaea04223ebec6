// /etc/hostname, /etc/hosts and /etc/resolv.conf are bind mounts in every Docker container
// (moby: container/container_unix.go NetworkMounts): writable even with --read-only, but a
// mount point cannot be removed or renamed, so busybox reports "Resource busy".
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";

describe("the files Docker mounts into /etc", () => {
  it("cannot be removed or renamed", async () => {
    const sb = createSandbox();
    await sb.run("pull -q busybox");
    expect(await sb.run("run --rm busybox rm /etc/hosts")).toEqual({ stdout: "", stderr: "rm: can't remove '/etc/hosts': Resource busy\n", exitCode: 1 });
    expect(await sb.run("run --rm busybox rm -f /etc/hostname")).toEqual({
      stdout: "",
      stderr: "rm: can't remove '/etc/hostname': Resource busy\n",
      exitCode: 1,
    });
    expect(await sb.run("run --rm busybox mv /etc/resolv.conf /tmp/r")).toEqual({
      stdout: "",
      stderr: "mv: can't rename '/etc/resolv.conf': Resource busy\n",
      exitCode: 1,
    });
  });

  it("stay writable under --read-only while the rest of the root refuses writes", async () => {
    const sb = createSandbox();
    await sb.run("pull -q busybox");
    const r = await sb.run(["run", "--rm", "--read-only", "busybox", "sh", "-c", "echo 10.0.0.9 db >> /etc/hosts && tail -n 1 /etc/hosts; touch /etc/x"]);
    expect(r.stdout).toBe("10.0.0.9 db\n");
    expect(r.stderr).toBe("touch: /etc/x: Read-only file system\n");
  });

  it("keep an edit for the container's life, out of docker diff and out of commit", async () => {
    const sb = createSandbox();
    await sb.run(["run", "--name", "edit", "busybox", "sh", "-c", "echo 10.0.0.9 db >> /etc/hosts; echo hi > /x"]);
    expect((await sb.run(["start", "-a", "edit"])).exitCode).toBe(0);
    expect((await sb.run("diff edit")).stdout).toBe("A /x\n");
    await sb.run("commit edit snap:1");
    expect((await sb.run("run --rm snap:1 grep -c 10.0.0.9 /etc/hosts")).stdout).toBe("0\n");
  });

  it("are written afresh by every start, hosts and hostname; resolv.conf keeps an edit", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name web busybox sleep 1000");
    await sb.run(["exec", "web", "sh", "-c", "echo 10.0.0.9 db >> /etc/hosts; echo other > /etc/hostname; echo '# mine' >> /etc/resolv.conf"]);
    expect((await sb.run("exec web grep -c 10.0.0.9 /etc/hosts")).stdout).toBe("1\n");
    await sb.run("restart -t 0 web");
    expect((await sb.run("exec web grep -c 10.0.0.9 /etc/hosts")).stdout).toBe("0\n");
    const id = (await sb.run("inspect -f {{.Id}} web")).stdout.slice(0, 12);
    expect((await sb.run("exec web cat /etc/hostname")).stdout).toBe(`${id}\n`);
    expect((await sb.run("exec web tail -1 /etc/resolv.conf")).stdout).toBe("# mine\n");
  });

  it("stay on top of a volume mounted at /etc", async () => {
    const sb = createSandbox();
    await sb.run("run --rm -v hostsvol:/etc busybox sh -c 'echo mine > /etc/motd'");
    expect((await sb.run("run --rm -v hostsvol:/etc busybox cat /etc/motd")).stdout).toBe("mine\n");
    expect((await sb.run("run --rm -v hostsvol:/etc busybox rm /etc/hosts")).stderr).toBe("rm: can't remove '/etc/hosts': Resource busy\n");
  });
});
