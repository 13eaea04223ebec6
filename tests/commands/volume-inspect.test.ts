import { describe, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

describe("docker volume inspect", () => {
  it("prints the volume JSON", async () => {
    const sb = createSandbox();
    await sb.run("volume create mydata");
    expectGolden("volume-inspect-full", await sb.run("volume inspect mydata"));
  });

  it("shows null labels and options for a volume a container's -v made", async () => {
    const sb = createSandbox();
    await sb.run("create -v auto:/data busybox");
    expectGolden("volume-inspect-auto", await sb.run("volume inspect auto"));
  });

  it("formats with -f and finds volumes through docker inspect", async () => {
    const sb = createSandbox();
    await sb.run("volume create --label a=b mydata");
    expectGolden("volume-inspect-format", await sb.run("volume inspect -f '{{.Name}} {{.Mountpoint}} {{.Labels.a}}' mydata"));
    expectGolden("volume-inspect-generic", await sb.run("inspect --format '{{.Driver}} {{.Scope}}' mydata"));
  });

  it("reports a missing volume after the ones found", async () => {
    const sb = createSandbox();
    await sb.run("volume create mydata");
    expectGolden("volume-inspect-missing", await sb.run("volume inspect -f {{.Name}} mydata nosuch"));
  });
});
