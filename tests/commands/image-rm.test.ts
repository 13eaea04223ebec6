import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function host() {
  const sb = createSandbox();
  for (const cmd of ["pull -q alpine", "pull -q busybox"]) expect((await sb.run(cmd)).exitCode).toBe(0);
  return sb;
}

const tags = (sb: ReturnType<typeof createSandbox>) =>
  Object.keys(sb.state()!.references)
    .filter((r) => !r.includes("@"))
    .sort();

describe("docker rmi", () => {
  it("untags and deletes an image with its layers", async () => {
    const sb = await host();
    expectGolden("image-rm-delete", await sb.run("rmi alpine"));
    expect(tags(sb)).toEqual(["docker.io/library/busybox:latest"]);
  });

  it("only untags when the image has another tag", async () => {
    const sb = await host();
    await sb.run("tag alpine mine:1");
    expectGolden("image-rm-untag", await sb.run("image rm mine:1"));
    expect(tags(sb)).toContain("docker.io/library/alpine:latest");
  });

  it("removes several images in order", async () => {
    const sb = await host();
    const r = await sb.run("rmi busybox alpine");
    expect(r.exitCode).toBe(0);
    expect(r.stdout.indexOf("Untagged: busybox:latest")).toBeLessThan(r.stdout.indexOf("Untagged: alpine:latest"));
    expect(tags(sb)).toEqual([]);
  });

  it("reports a missing image with its defaulted tag", async () => {
    expectGolden("image-rm-missing", await (await host()).run("rmi nope"));
  });

  it("prints a missing image's error but exits 0 with -f", async () => {
    const sb = await host();
    expectGolden("image-rm-force-missing", await sb.run("rmi -f nope busybox"));
    expect(tags(sb)).toEqual(["docker.io/library/alpine:latest"]);
  });

  it("joins every error and exits 1", async () => {
    expectGolden("image-rm-missing-two", await (await host()).run("rmi a b:1"));
  });

  it("refuses a reference used by a container", async () => {
    const sb = await host();
    await sb.run("run -d --name web alpine sleep 1000");
    expectGolden("image-rm-conflict-container", await sb.run("rmi alpine"));
    expect(tags(sb)).toContain("docker.io/library/alpine:latest");
  });

  it("refuses an ID tagged in several repositories unless forced", async () => {
    const sb = await host();
    await sb.run("tag alpine mine:1");
    const id = (await sb.run("images -q alpine")).stdout.trim();
    const r = await sb.run(`rmi ${id}`);
    expect(r.stderr).toBe(`Error response from daemon: conflict: unable to delete ${id} (must be forced) - image is referenced in multiple repositories\n`);
    expect(r.exitCode).toBe(1);
    const forced = await sb.run(`rmi -f ${id}`);
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toContain("Untagged: mine:1\n");
    expect(tags(sb)).toEqual(["docker.io/library/busybox:latest"]);
  });

  it("fails with -f when the error is a conflict, not a missing image", async () => {
    const sb = await host();
    await sb.run("run -d --name web alpine sleep 1000");
    const id = (await sb.run("images -q alpine")).stdout.trim();
    const r = await sb.run(`rmi -f nope ${id}`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("Error response from daemon: No such image: nope:latest\n");
    expect(r.stderr).toContain(`(cannot be forced) - image is being used by running container`);
  });
});
