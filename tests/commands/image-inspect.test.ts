import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function host() {
  const sb = createSandbox();
  expect((await sb.run("pull -q hello-world")).exitCode).toBe(0);
  return sb;
}

describe("docker image inspect", () => {
  it("prints an indented JSON array of the image", async () => {
    const r = await (await host()).run("image inspect hello-world");
    const parsed = JSON.parse(r.stdout) as Array<{ Id: string; RepoTags: string[] }>;
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.RepoTags).toEqual(["hello-world:latest"]);
    expect(r.stdout.startsWith("[\n    {\n")).toBe(true);
    expectGolden("image-inspect-default", r);
  });

  it("renders a template per image with -f", async () => {
    expectGolden("image-inspect-format", await (await host()).run("image inspect -f '{{.Id}} {{json .RepoTags}} {{.Config.Cmd}}' hello-world"));
  });

  it("prints [] and the daemon's error for a missing image", async () => {
    expectGolden("image-inspect-missing", await (await host()).run("image inspect nope"));
  });

  it("prints the images found, then the errors", async () => {
    const r = await (await host()).run("image inspect --format '{{.Architecture}}' hello-world nope");
    expect(r.stdout).toBe("amd64\n");
    expect(r.stderr).toBe("Error response from daemon: No such image: nope:latest\n");
    expect(r.exitCode).toBe(1);
  });

  it("exits 64 on a template that does not parse", async () => {
    expectGolden("image-inspect-bad-template", await (await host()).run("image inspect -f '{{.Id' hello-world"));
  });
});
