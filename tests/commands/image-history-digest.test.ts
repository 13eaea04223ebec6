// `docker history` of a committed image, and pulling by digest, through whole command lines.
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";

const BUSYBOX = "sha256:fdc5cbe3bd0169ddc6b01e9caeb75bd88cfcc6e9bf52fb22845ee28cb5dad559";

describe("history of a committed image", () => {
  it("shows the commit's layer on top: the container's command, its size, the -m comment", async () => {
    const sb = createSandbox();
    await sb.run("pull -q busybox");
    await sb.run(["run", "--name", "c1", "busybox", "sh", "-c", "echo hi > /tmp/x"]);
    const id = (await sb.run(["commit", "-m", "add x", "-a", "Ann <ann@example.com>", "c1", "snap:1"])).stdout.trim();
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    const r = await sb.run("history snap:1");
    expect(r.exitCode).toBe(0);
    // moby daemon/commit.go: CreatedBy is the container's Cmd joined by spaces.
    expect(r.stdout).toBe(
      [
        "IMAGE          CREATED                  CREATED BY                          SIZE      COMMENT",
        `${id.slice(7, 19)}   Less than a second ago   sh -c echo hi > /tmp/x              3B        add x`,
        "4e1b0b766a11   8 months ago             BusyBox 1.37.0 (glibc), Debian 12   4.28MB    ",
        "",
      ].join("\n"),
    );
    expect((await sb.run(["history", "-H=false", "--format", "{{.CreatedAt}}|{{.Size}}|{{.Comment}}", "snap:1"])).stdout).toBe(
      "2025-06-01T10:00:00Z|3|add x\n2024-09-26T21:31:42Z|4277910|\n",
    );
    expect((await sb.run(["image", "inspect", "-f", "{{.Author}}|{{.Comment}}|{{len .RootFS.Layers}}", "snap:1"])).stdout).toBe(
      "Ann <ann@example.com>|add x|2\n",
    );
  });

  it("a committed image can be committed again: history grows by one row per commit", async () => {
    const sb = createSandbox();
    await sb.run(["run", "--name", "c1", "busybox", "sh", "-c", "echo one > /a"]);
    await sb.run("commit c1 step:1");
    await sb.run(["run", "--name", "c2", "step:1", "sh", "-c", "echo two > /b"]);
    await sb.run(["commit", "-m", "second", "c2", "step:2"]);
    expect((await sb.run(["history", "--format", "{{.CreatedBy}}|{{.Comment}}", "step:2"])).stdout).toBe(
      "sh -c echo two > /b|second\nsh -c echo one > /a|\nBusyBox 1.37.0 (glibc), Debian 12|\n",
    );
    expect((await sb.run("run --rm step:2 cat /a /b")).stdout).toBe("one\ntwo\n");
  });
});

describe("pull by digest", () => {
  it("pulls an untagged image, says it is up to date the second time, and runs it by digest", async () => {
    const sb = createSandbox();
    const first = await sb.run(`pull busybox@${BUSYBOX}`);
    expect(first.exitCode).toBe(0);
    expect(first.stdout.split("\n")[0]).toBe(`${BUSYBOX}: Pulling from library/busybox`);
    expect(first.stdout).toContain(`Status: Downloaded newer image for busybox@${BUSYBOX}\ndocker.io/library/busybox@${BUSYBOX}\n`);
    const again = await sb.run(`pull busybox@${BUSYBOX}`);
    expect(again.stdout).toContain(`Status: Image is up to date for busybox@${BUSYBOX}\n`);
    expect((await sb.run(["images", "--digests", "--format", "{{.Repository}} {{.Tag}} {{.Digest}}"])).stdout).toBe(`busybox <none> ${BUSYBOX}\n`);
    expect((await sb.run(`run --rm busybox@${BUSYBOX} echo ok`)).stdout).toBe("ok\n");
  });

  it("an unknown digest is not found; a malformed one is refused client-side", async () => {
    const sb = createSandbox();
    const unknown = `sha256:${"0".repeat(64)}`;
    expect(await sb.run(`pull busybox@${unknown}`)).toEqual({
      stdout: "",
      stderr: `Error response from daemon: manifest for busybox@${unknown} not found: manifest unknown: manifest unknown\n`,
      exitCode: 1,
    });
    expect(await sb.run("pull busybox@sha256:abc")).toEqual({ stdout: "", stderr: "invalid reference format\n", exitCode: 1 });
  });
});

describe("import of an exported container", () => {
  it("counts busybox's hard-linked applets once, and its history row has only the comment", async () => {
    const sb = createSandbox();
    await sb.run(["run", "--name", "c1", "busybox", "sh", "-c", "echo hi > /x"]);
    const tar = (await sb.run("export c1")).stdoutBytes!;
    expect((await sb.run(["import", "-m", "from tar", "-", "flat:1"], { stdin: tar })).exitCode).toBe(0);
    // One busybox binary (1129256 bytes) and a few small files, not one copy per applet.
    const size = Number((await sb.run(["image", "inspect", "-f", "{{.Size}}", "flat:1"])).stdout);
    expect(size).toBeGreaterThan(1_129_256);
    expect(size).toBeLessThan(1_200_000);
    expect((await sb.run(["history", "--format", "{{.CreatedBy}}|{{.Comment}}", "flat:1"])).stdout).toBe("|from tar\n");
  });
});
