import { describe, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

describe("docker network inspect", () => {
  it("prints the default bridge in the daemon's shape", async () => {
    expectGolden("network-inspect-bridge", await createSandbox().run("network inspect bridge"));
  });

  it("shows running containers' endpoints", async () => {
    const sb = createSandbox();
    await sb.run("network create mynet");
    await sb.run("run -d --name web --network mynet nginx");
    expectGolden("network-inspect-containers", await sb.run("network inspect mynet"));
  });

  it("finds networks by id prefix and renders -f templates", async () => {
    const sb = createSandbox();
    await sb.run("network create mynet");
    const id = Object.values(sb.state()?.networks ?? {}).find((n) => n.name === "mynet")!.id;
    expectGolden("network-inspect-format", await sb.run(["network", "inspect", "-f", "{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}", id.slice(0, 5)]));
  });

  it("prints [] and the daemon's error for a missing network", async () => {
    expectGolden("network-inspect-missing", await createSandbox().run("network inspect bridge nope"));
  });

  it("is found by docker inspect, with or without --type", async () => {
    const sb = createSandbox();
    await sb.run("network create mynet");
    expectGolden("network-inspect-generic", await sb.run(["inspect", "-f", "{{.Name}} {{.Driver}}", "mynet"]));
    expectGolden("network-inspect-generic-type", await sb.run(["inspect", "--type", "network", "-f", "{{.Scope}}", "host"]));
  });

  it("sorts map keys as Go's JSON encoder does", async () => {
    const sb = createSandbox();
    await sb.run("network create --label zz=1 --label aa=2 -o z.opt=1 -o a.opt=2 sorted");
    await sb.run("run -d --name one --network sorted nginx");
    await sb.run("run -d --name two --network sorted nginx");
    await sb.run("run -d --name three --network sorted nginx");
    expectGolden("network-inspect-sorted", await sb.run("network inspect sorted"));
  });
});
