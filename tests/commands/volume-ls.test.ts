import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function host() {
  const sb = createSandbox();
  for (const cmd of ["volume create --label tier=db data10", "volume create data2", "volume create --label tier=web web", "run -d --name app -v data2:/d busybox sleep 100"]) {
    expect((await sb.run(cmd)).exitCode).toBe(0);
  }
  return sb;
}

describe("docker volume ls", () => {
  it("lists driver and name, names in natural order", async () => {
    expectGolden("volume-ls-table", await (await host()).run("volume ls"));
  });

  it("prints names only with -q", async () => {
    expectGolden("volume-ls-quiet", await (await host()).run("volume ls -q"));
  });

  it("filters by dangling, name, label and driver", async () => {
    const sb = await host();
    expectGolden("volume-ls-dangling", await sb.run("volume ls -f dangling=true"));
    expectGolden("volume-ls-in-use", await sb.run("volume ls -f dangling=false -q"));
    expectGolden("volume-ls-name", await sb.run("volume ls -f name=data -q"));
    expectGolden("volume-ls-label", await sb.run("volume ls -f label=tier=db -q"));
    expect((await sb.run("volume ls -f driver=local -q")).stdout.split("\n").filter(Boolean)).toHaveLength(3);
  });

  it("renders templates and json", async () => {
    const sb = await host();
    expectGolden("volume-ls-format", await sb.run(["volume", "ls", "--format", "table {{.Name}}\t{{.Scope}}\t{{.Labels}}\t{{.Links}}\t{{.Size}}"]));
    expectGolden("volume-ls-label-field", await sb.run(["volume", "ls", "--format", "{{.Name}}={{.Label \"tier\"}}"]));
    expectGolden("volume-ls-json", await sb.run("volume ls -f name=web --format json"));
    expectGolden("volume-ls-mountpoint", await sb.run("volume ls -f name=web --format {{.Mountpoint}}"));
  });

  it("rejects unknown filters and bad values", async () => {
    const sb = await host();
    expectGolden("volume-ls-bad-filter", await sb.run("volume ls -f colour=red"));
    expectGolden("volume-ls-bad-dangling", await sb.run("volume ls -f dangling=maybe"));
  });
});
