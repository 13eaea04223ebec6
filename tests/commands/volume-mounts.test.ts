// How run/create record mounts (inspect's Mounts and HostConfig) and the daemon's refusals.
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

describe("mounts of run and create", () => {
  it("records each kind of mount as docker inspect shows it", async () => {
    const sb = createSandbox({ seed: "mounts" });
    const r = await sb.run([
      "create", "--name", "mnt",
      "-v", "named:/named", "-v", "/anon", "-v", "/srv/site:/site:ro",
      "--mount", "type=volume,src=viamount,dst=/vm,volume-label=x=y",
      "--mount", "type=tmpfs,dst=/scratch,tmpfs-size=64k",
      "--tmpfs", "/run:size=1m",
      "busybox",
    ]);
    expect(r.exitCode).toBe(0);
    expectGolden("volume-mounts-inspect", await sb.run(["inspect", "-f", "{{json .Mounts}}\n{{json .HostConfig.Binds}}\n{{json .HostConfig.Mounts}}\n{{json .HostConfig.Tmpfs}}\n{{json .Config.Volumes}}", "mnt"]));
    expect(Object.keys(sb.state()!.volumes).length).toBe(3);
  });

  it("--volumes-from copies the mounts, read-only with :ro", async () => {
    const sb = createSandbox({ seed: "mounts" });
    await sb.run("create --name src -v data:/data -v /cache busybox");
    await sb.run("create --name dst --volumes-from src:ro busybox");
    expectGolden("volume-mounts-volumes-from", await sb.run(["inspect", "-f", "{{json .Mounts}}", "dst"]));
  });

  it("refuses bad specifications with the daemon's texts", async () => {
    const sb = createSandbox();
    expectGolden("volume-mounts-relative-target", await sb.run("run --rm -v /a:b busybox true"));
    expectGolden("volume-mounts-bad-mode", await sb.run("run --rm -v data:/data:bogus busybox true"));
    expectGolden("volume-mounts-duplicate", await sb.run("run --rm -v a1:/data -v b1:/data busybox true"));
    expectGolden("volume-mounts-bind-missing", await sb.run("run --rm --mount type=bind,src=/no/such/dir,dst=/x busybox true"));
    expectGolden("volume-mounts-anon-ro", await sb.run("run --rm --mount type=volume,dst=/x,ro busybox true"));
    expectGolden("volume-mounts-from-missing", await sb.run("run --rm --volumes-from nosuch busybox true"));
    expectGolden("volume-mounts-bad-volume-name", await sb.run("run --rm -v my@vol:/x busybox true"));
    expectGolden("volume-mounts-root-target", await sb.run("run --rm -v data:/ busybox true"));
    expect(Object.keys(sb.state()!.containers)).toEqual([]);
    expect(Object.keys(sb.state()!.volumes)).toEqual([]);
  });

  it("gives an empty volume the image's content at its path", async () => {
    const sb = createSandbox();
    expect((await sb.run("run --rm -v etc:/etc busybox ls /etc")).stdout).toContain("passwd");
    expect(Object.keys(sb.state()!.volumes.etc!.files)).toContain("/passwd");
    // A volume with content keeps it.
    await sb.run("run --rm -v etc:/etc busybox sh -c 'echo mine > /etc/motd'");
    expect((await sb.run("run --rm -v etc:/usr/share busybox cat /usr/share/motd")).stdout).toBe("mine\n");
  });

  it("leaves mounted paths out of docker diff", async () => {
    const sb = createSandbox();
    await sb.run("run --name dd -v /data busybox sh -c 'echo x > /data/f; echo y > /root.txt'");
    expectGolden("volume-mounts-diff", await sb.run("diff dd"));
  });
});
