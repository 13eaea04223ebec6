import { describe, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function host() {
  const sb = createSandbox();
  await sb.run("network create --label team=web frontend");
  await sb.run("network create backend10");
  await sb.run("network create backend9");
  return sb;
}

describe("docker network ls", () => {
  it("lists networks sorted by name", async () => {
    expectGolden("network-ls-default", await (await host()).run("network ls"));
  });

  it("prints ids only with -q, and full ids with --no-trunc", async () => {
    const sb = await host();
    expectGolden("network-ls-quiet", await sb.run("network ls -q"));
    expectGolden("network-ls-no-trunc", await sb.run("network ls --no-trunc"));
  });

  it("filters by driver, name, label and type", async () => {
    const sb = await host();
    expectGolden("network-ls-filter-driver", await sb.run("network ls -f driver=bridge"));
    expectGolden("network-ls-filter-label", await sb.run("network ls --filter label=team"));
    expectGolden("network-ls-filter-type", await sb.run("network ls --filter type=custom"));
    expectGolden("network-ls-filter-bad", await sb.run("network ls --filter nope=1"));
  });

  it("renders --format templates and json", async () => {
    const sb = await host();
    expectGolden("network-ls-format", await sb.run(["network", "ls", "--format", "table {{.Name}}\t{{.IPv6}}\t{{.Internal}}\t{{.Labels}}\t{{.Label \"team\"}}"]));
    expectGolden("network-ls-format-json", await sb.run("network ls --format json --filter name=frontend"));
    expectGolden("network-ls-format-created", await sb.run(["network", "ls", "--filter", "name=frontend", "--format", "{{.CreatedAt}}"]));
  });

  it("takes no arguments", async () => {
    expectGolden("network-ls-args", await createSandbox().run("network ls x"));
  });
});
