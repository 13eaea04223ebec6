// dd, mount and free inside busybox containers, in-process on a sandbox host.
import { beforeEach, describe, expect, it } from "vitest";
import { type Sandbox, createSandbox } from "../../../src/sandbox.js";
import { humanSize } from "../../../src/engine/runtime/applets/dd.js";

let host: Sandbox;
beforeEach(async () => {
  host = createSandbox();
  await host.run("pull -q busybox");
});

const sh = (script: string, ...flags: string[]) => host.run(["run", "--rm", ...flags, "busybox", "sh", "-c", script]);

describe("dd", () => {
  it("copies blocks of zeros into a file and reports busybox's three lines", async () => {
    const r = await sh("dd if=/dev/zero of=/tmp/f bs=1M count=5 && ls -l /tmp/f");
    expect(r.exitCode).toBe(0);
    const err = r.stderr.split("\n");
    expect(err[0]).toBe("5+0 records in");
    expect(err[1]).toBe("5+0 records out");
    expect(err[2]).toMatch(/^5242880 bytes \(5\.0MB\) copied, \d+\.\d{6} seconds, \d+\.\dGB\/s$/);
    expect(r.stdout).toMatch(/^-rw-r--r-- +1 root +root +5242880 .* \/tmp\/f\n$/);
  });

  it("keeps a huge output as a sized placeholder, even under a small memory limit", async () => {
    const r = await host.run(["run", "--name", "big", "-m", "8m", "busybox", "dd", "if=/dev/urandom", "of=/big", "bs=1M", "count=500"]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/^500\+0 records in\n500\+0 records out\n524288000 bytes \(500\.0MB\) copied, /);
    expect((await host.run("ps -a --format {{.Status}}")).stdout).toMatch(/^Exited \(0\)/);
    expect((await host.run("diff big")).stdout).toContain("A /big\n");
    expect(JSON.stringify(await host.run("inspect big")).length).toBeLessThan(100_000);
  });

  it("reads regular files with skip/count and partial records, and writes stdout", async () => {
    const r = await sh("printf hello > /tmp/h; dd if=/tmp/h bs=2 skip=1 2>/dev/null; echo; dd if=/tmp/h of=/tmp/o bs=4 2>&1; cat /tmp/o");
    expect(r.stdout).toBe("llo\n1+1 records in\n1+1 records out\n" + r.stdout.split("\n")[3] + "\nhello");
    expect(r.stdout.split("\n")[3]).toMatch(/^5 bytes \(5B\) copied, /);
  });

  it("honours seek and conv=notrunc", async () => {
    const r = await sh("printf abcdef > /tmp/f; printf XY | dd of=/tmp/f bs=1 seek=2 conv=notrunc 2>/dev/null; cat /tmp/f; echo; printf XY | dd of=/tmp/f bs=1 seek=1 2>/dev/null; cat /tmp/f");
    expect(r.stdout).toBe("abXYef\naXY");
  });

  it("cannot write into a read-only root filesystem", async () => {
    const r = await host.run(["run", "--rm", "--read-only", "busybox", "dd", "if=/dev/zero", "of=/tmp/f", "bs=1M", "count=1"]);
    expect(r).toMatchObject({ exitCode: 1, stderr: "dd: can't open '/tmp/f': Read-only file system\n" });
  });

  it("rejects bad numbers and unknown operands", async () => {
    expect((await sh("dd bs=1X")).stderr).toBe("dd: invalid number '1X'\n");
    expect((await sh("dd conv=lcase")).stderr).toBe("dd: invalid argument 'lcase' to 'conv'\n");
    expect((await sh("dd if=/nope")).stderr).toBe("dd: can't open '/nope': No such file or directory\n");
  });

  it("speaks GNU coreutils' dd in Debian", async () => {
    await host.run("pull -q debian");
    const r = await host.run(["run", "--rm", "debian", "sh", "-c", "dd if=/dev/zero of=/tmp/f bs=1M count=5; dd if=/dev/zero of=/tmp/g bs=512 count=1; dd foo; dd if=/nope"]);
    const err = r.stderr.split("\n");
    expect(err.slice(0, 2)).toEqual(["5+0 records in", "5+0 records out"]);
    expect(err[2]).toMatch(/^5242880 bytes \(5\.2 MB, 5\.0 MiB\) copied, [\d.e-]+ s, [\d.]+ GB\/s$/);
    expect(err[5]).toMatch(/^512 bytes copied, [\d.e-]+ s, [\d.]+ MB\/s$/);
    expect(err.slice(6)).toEqual(["dd: unrecognized operand 'foo'", "Try 'dd --help' for more information.", "dd: failed to open '/nope': No such file or directory", ""]);
  });

  it("formats sizes as busybox's make_human_readable_str", () => {
    expect(humanSize(0)).toBe("0");
    expect(humanSize(512)).toBe("512");
    expect(humanSize(3072)).toBe("3.0K");
    expect(humanSize(1536)).toBe("1.5K");
    expect(humanSize(1024 ** 3 - 1)).toBe("1024.0M");
  });
});

describe("mount and /proc/mounts", () => {
  it("lists the default mounts, volumes, binds and tmpfs mounts", async () => {
    const r = await host.run(["run", "--rm", "-v", "data:/data", "-v", "/srv/site:/srv/www:ro", "--tmpfs", "/run:size=64m", "busybox", "mount"]);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^overlay on \/ type overlay \(rw,relatime,lowerdir=\/var\/lib\/docker\/overlay2\/l\/[A-Z2-7]{26}.*,nouserxattr\)$/);
    expect(lines).toContain("proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)");
    expect(lines).toContain("tmpfs on /dev type tmpfs (rw,nosuid,size=65536k,mode=755,inode64)");
    expect(lines).toContain("cgroup on /sys/fs/cgroup type cgroup2 (ro,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot)");
    expect(lines).toContain("shm on /dev/shm type tmpfs (rw,nosuid,nodev,noexec,relatime,size=65536k,inode64)");
    expect(lines).toContain("/dev/vda1 on /etc/hosts type ext4 (rw,relatime)");
    expect(lines).toContain("/dev/vda1 on /data type ext4 (rw,relatime)");
    expect(lines).toContain("/dev/vda1 on /srv/www type ext4 (ro,relatime)");
    expect(lines).toContain("tmpfs on /run type tmpfs (rw,nosuid,nodev,noexec,relatime,size=65536k,inode64)");
    // Shallower mount points first (sortMounts), the etc files before deeper user mounts.
    expect(lines.indexOf("/dev/vda1 on /data type ext4 (rw,relatime)")).toBeLessThan(lines.indexOf("/dev/vda1 on /etc/resolv.conf type ext4 (rw,relatime)"));
    expect(lines.indexOf("/dev/vda1 on /etc/hosts type ext4 (rw,relatime)")).toBeLessThan(lines.indexOf("/dev/vda1 on /srv/www type ext4 (ro,relatime)"));
  });

  it("shows a read-only root and the same table raw in /proc/mounts", async () => {
    const r = await sh("mount; echo --; cat /proc/mounts", "--read-only");
    const [listed, raw] = r.stdout.split("--\n") as [string, string];
    expect(listed).toMatch(/^overlay on \/ type overlay \(ro,relatime,/);
    expect(raw).toMatch(/^overlay \/ overlay ro,relatime,.* 0 0\n/);
    const fromRaw = raw.trimEnd().split("\n").map((l) => {
      const [s, t, ty, o] = l.split(" ");
      return `${s} on ${t} type ${ty} (${o})`;
    });
    expect(listed.trimEnd().split("\n")).toEqual(fromRaw);
  });

  it("filters by type and refuses to mount without privileges", async () => {
    const r = await sh("mount -t ext4");
    expect(r.stdout.split("\n").filter(Boolean).every((l) => l.includes(" type ext4 "))).toBe(true);
    const m = await sh("mount -t tmpfs tmpfs /mnt");
    expect(m).toMatchObject({ exitCode: 255, stderr: "mount: mounting tmpfs on /mnt failed: Permission denied\n" });
  });
});

describe("free", () => {
  it("reports the host memory docker info reports", async () => {
    const info = await host.run(["info", "--format", "{{.MemTotal}}"]);
    const r = await sh("free; grep MemTotal /proc/meminfo");
    const mem = r.stdout.split("\n")[1]!.trim().split(/\s+/);
    expect(Number(mem[1]) * 1024).toBe(Number(info.stdout.trim()));
    expect(Number(mem[1])).toBe(Number(mem[2]) + Number(mem[3]) + Number(mem[5]));
    expect(r.stdout).toContain(`MemTotal:        ${mem[1]} kB\n`);
  });
});
