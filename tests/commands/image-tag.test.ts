import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function host() {
  const sb = createSandbox();
  expect((await sb.run("pull -q alpine")).exitCode).toBe(0);
  return sb;
}

const refs = (sb: ReturnType<typeof createSandbox>) => sb.state()!.references;

describe("docker tag", () => {
  it("adds a reference to the source image, defaulting the tag to latest", async () => {
    const sb = await host();
    expectGolden("image-tag-ok", await sb.run("tag alpine localhost:5000/mine"));
    expect(refs(sb)["localhost:5000/mine:latest"]).toBe(refs(sb)["docker.io/library/alpine:latest"]);
  });

  it("accepts an image ID as the source", async () => {
    const sb = await host();
    const id = (await sb.run("images -q")).stdout.trim();
    expect((await sb.run(`image tag ${id} mine:v1`)).exitCode).toBe(0);
    expect(refs(sb)["docker.io/library/mine:v1"]).toBe(refs(sb)["docker.io/library/alpine:latest"]);
  });

  it.each([
    ["source-uppercase", "tag UPPER b"],
    ["target-uppercase", "tag alpine B"],
    ["target-bad-format", "tag alpine b:"],
    ["target-digest", `tag alpine b@sha256:${"a".repeat(64)}`],
    ["missing-source", "tag nope b"],
    ["one-argument", "tag alpine"],
  ])("fails: %s", async (name, cmd) => {
    const sb = await host();
    const before = Object.keys(refs(sb)).length;
    const r = await sb.run(cmd);
    expect(r.exitCode).toBe(1);
    expectGolden(`image-tag-error-${name}`, r);
    expect(Object.keys(refs(sb)).length).toBe(before);
  });
});
