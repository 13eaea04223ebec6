// Volume lessons of the Docker books, replayed in-process: a read-only root with a volume as
// the one writable place, data shared and kept by volumes, --volumes-from, :ro, tmpfs, --rm,
// and bind mounts that read the real host but never write it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { nodeHostFs } from "../../src/cli/host-fs.js";
import { parseTranscript, renderStep } from "../../src/commands/lab/transcript.js";
import { createSandbox, splitCommandLine, type Sandbox } from "../../src/sandbox.js";

async function replay(sb: Sandbox, transcript: string): Promise<void> {
  for (const step of parseTranscript(transcript)) {
    const argv = splitCommandLine(step.command);
    expect(argv[0]).toBe("docker");
    const r = await sb.run(argv.slice(1));
    expect(renderStep(step.command, r.stdout, r.stderr, r.exitCode), `line ${step.line}`).toBe(
      renderStep(step.command, step.stdout, step.stderr, step.exitCode),
    );
  }
}

const READ_ONLY = String.raw`
$ docker pull -q busybox
docker.io/library/busybox:latest
$ docker run --rm --read-only -v /data busybox sh -c 'echo kept > /data/note && cat /data/note'
kept
$ docker run --rm --read-only -v /data busybox touch /x
! touch: /x: Read-only file system
? 1
$ docker run --rm --read-only -v /data busybox sh -c 'echo no > /etc/motd'
! sh: can't create /etc/motd: Read-only file system
? 2
$ docker run --rm --read-only -v /data busybox mkdir /x
! mkdir: can't create directory '/x': Read-only file system
? 1
$ docker run --rm --read-only --tmpfs /tmp busybox sh -c 'echo scratch > /tmp/t && cat /tmp/t'
scratch
$ docker volume ls -q
`;

const SHARED = String.raw`
$ docker pull -q busybox
docker.io/library/busybox:latest
$ docker volume create shared
shared
$ docker run -d --name writer -v shared:/out busybox sleep 3600
08bf6687f2c3aa7ff8398e4d69880602164a86753595a4dcd75acb25dfdd28ef
$ docker run -d --name reader -v shared:/in:ro busybox sleep 3600
b9ef8051711be800d317efec1fd43bdee7791a5b9ae2a73d94ca5dac879c0a81
$ docker exec writer sh -c 'echo hello > /out/msg'
$ docker exec reader cat /in/msg
hello
$ docker exec reader sh -c 'echo back > /in/reply'
! sh: can't create /in/reply: Read-only file system
? 2
$ docker rm -f writer reader
writer
reader
$ docker run --rm -v shared:/again busybox cat /again/msg
hello
$ docker volume rm shared
shared
`;

const VOLUMES_FROM = String.raw`
$ docker pull -q busybox
docker.io/library/busybox:latest
$ docker create --name store -v /logs busybox
13db94b4737668cff2858ec84db7646f0989ad89935974c92be9016c3580a585
$ docker run --rm --volumes-from store busybox sh -c 'echo line1 >> /logs/app.log'
$ docker run --rm --volumes-from store busybox sh -c 'echo line2 >> /logs/app.log'
$ docker run --rm --volumes-from store:ro busybox cat /logs/app.log
line1
line2
$ docker run --rm --volumes-from store:ro busybox rm /logs/app.log
! rm: can't remove '/logs/app.log': Read-only file system
? 1
`;

describe("volume lessons", () => {
  it("a read-only root with a volume and a tmpfs as the writable places", async () => {
    await replay(createSandbox(), READ_ONLY);
  });

  it("data shared through a volume outlives the containers", async () => {
    await replay(createSandbox({ seed: "shared" }), SHARED);
  });

  it("--volumes-from shares a data container's volumes, :ro refuses writes", async () => {
    const sb = createSandbox({ seed: "from" });
    await replay(sb, VOLUMES_FROM);
    expect(Object.keys(sb.state()!.volumes)).toHaveLength(1);
  });

  it("--rm and rm -v take anonymous volumes with them, never named ones", async () => {
    const sb = createSandbox();
    expect((await sb.run("run --rm -v /anon -v named:/named busybox true")).exitCode).toBe(0);
    expect(Object.keys(sb.state()!.volumes)).toEqual(["named"]);
    await sb.run("create --name keep -v /anon2 busybox");
    await sb.run("rm keep");
    expect(Object.keys(sb.state()!.volumes)).toHaveLength(2);
    await sb.run("create --name gone -v /anon3 -v named:/n busybox");
    await sb.run("rm -v gone");
    expect(Object.keys(sb.state()!.volumes)).toHaveLength(2);
  });

  it("tmpfs contents last while the container runs", async () => {
    const sb = createSandbox();
    await sb.run("run -d --name tmp1 --tmpfs /scratch busybox sleep 3600");
    await sb.run("exec tmp1 sh -c 'echo temp > /scratch/f'");
    expect((await sb.run("exec tmp1 cat /scratch/f")).stdout).toBe("temp\n");
    await sb.run("restart tmp1");
    expect((await sb.run("exec tmp1 ls /scratch")).stdout).toBe("");
  });
});

describe("bind mount safety", () => {
  let dir = "";
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the container sees the host's files; rm -rf through the mount leaves them on disk", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "mockdocker-bind-"));
    fs.writeFileSync(path.join(dir, "index.html"), "<h1>hi</h1>\n");
    fs.mkdirSync(path.join(dir, "css"));
    fs.writeFileSync(path.join(dir, "css", "site.css"), "body{}\n");
    const sb = createSandbox({ hostFs: nodeHostFs() });

    const seen = await sb.run(`run --rm -v ${dir}:/site busybox sh -c 'cat /site/index.html; ls /site/css'`);
    expect(seen.stdout).toBe("<h1>hi</h1>\nsite.css\n");

    const wiped = await sb.run(`run --rm -v ${dir}:/site busybox sh -c 'rm -rf /site/* && echo new > /site/added && ls /site'`);
    expect(wiped.stdout).toBe("added\n");
    expect(fs.readdirSync(dir).sort()).toEqual(["css", "index.html"]);
    expect(fs.readFileSync(path.join(dir, "index.html"), "utf8")).toBe("<h1>hi</h1>\n");

    // The simulated host remembers what was done through the mount.
    expect((await sb.run(`run --rm -v ${dir}:/again busybox ls /again`)).stdout).toBe("added\n");
    const ro = await sb.run(`run --rm -v ${dir}:/site:ro busybox touch /site/x`);
    expect(ro.stderr).toBe("touch: /site/x: Read-only file system\n");
    expect(ro.exitCode).toBe(1);
    expect(fs.existsSync(path.join(dir, "added"))).toBe(false);
  });

  it("a missing -v host path is made in the simulation only; --mount refuses it", async () => {
    const missing = path.join(os.tmpdir(), `mockdocker-missing-${process.pid}`);
    const sb = createSandbox({ hostFs: nodeHostFs() });
    expect((await sb.run(`run --rm -v ${missing}:/x busybox sh -c 'echo hi > /x/f'`)).exitCode).toBe(0);
    expect(fs.existsSync(missing)).toBe(false);
    const r = await sb.run(`run --rm --mount type=bind,src=${missing}-2,dst=/x busybox true`);
    expect(r.stderr).toContain(`invalid mount config for type "bind": bind source path does not exist: ${missing}-2`);
    expect(r.exitCode).toBe(125);
  });
});
