import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { expectGolden } from "./golden.js";

async function withWeb() {
  const sb = createSandbox();
  expect((await sb.run("run -d --name web -p 8080:80 -e GREETING=hi -l a=first nginx")).exitCode).toBe(0);
  return sb;
}

describe("docker container inspect", () => {
  it("prints the daemon's JSON as an array indented by 4 spaces", async () => {
    const r = await (await withWeb()).run("container inspect web");
    expectGolden("container-inspect-full", r);
    const parsed = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(1);
    expect(Object.keys(parsed[0]!).slice(0, 5)).toEqual(["Id", "Created", "Path", "Args", "State"]);
    expect(r.stdout.split("\n")[2]).toMatch(/^ {8}"Id": "[0-9a-f]{64}",$/);
  });

  it("adds SizeRw and SizeRootFs with -s", async () => {
    const r = await (await withWeb()).run("container inspect -s web");
    const obj = (JSON.parse(r.stdout) as Array<Record<string, unknown>>)[0]!;
    expect(typeof obj.SizeRw).toBe("number");
    expect(typeof obj.SizeRootFs).toBe("number");
    const plain = (JSON.parse((await (await withWeb()).run("container inspect web")).stdout) as Array<Record<string, unknown>>)[0]!;
    expect("SizeRw" in plain).toBe(false);
  });

  it("runs -f per object", async () => {
    const sb = await withWeb();
    await sb.run("create --name idle nginx");
    expectGolden("container-inspect-format", await sb.run(["container", "inspect", "-f", "{{.Name}} {{.State.Status}} {{.State.Running}}", "web", "idle"]));
  });

  it("gives templates the JSON maps: json, range, index, nested fields", async () => {
    const sb = await withWeb();
    const f = [
      '{{json .Config.Cmd}}',
      '{{range .Config.Env}}{{if eq . "GREETING=hi"}}{{.}}{{end}}{{end}}',
      '{{range $p, $b := .NetworkSettings.Ports}}{{$p}}={{(index $b 0).HostPort}}{{end}}',
      '{{.NetworkSettings.IPAddress}}',
      '{{.HostConfig.RestartPolicy.Name}}',
      '{{json .State.Running}}',
      '{{json .Config.Labels}}',
      '{{.Config.Labels.maintainer}}',
      '{{json .HostConfig.RestartPolicy}}',
    ].join("|");
    expectGolden("container-inspect-template-data", await sb.run(["inspect", "--format", f, "web"]));
  });

  it("prints a compact array with --format json", async () => {
    const r = await (await withWeb()).run("container inspect --format json web");
    expect(r.stdout.endsWith("}]\n")).toBe(true);
    expect(r.stdout.split("\n")).toHaveLength(2);
    expect(JSON.parse(r.stdout)[0].Name).toBe("/web");
  });

  it("prints a single newline when the template printed nothing", async () => {
    const r = await (await withWeb()).run(["inspect", "-f", "{{if .State.Paused}}paused{{end}}", "web"]);
    expect(r).toEqual({ stdout: "\n", stderr: "", exitCode: 0 });
  });

  it("prints a newline, not [], when a template found nothing", async () => {
    const r = await createSandbox().run("container inspect -f {{.Id}} x");
    expect(r).toEqual({ stdout: "\n", stderr: "Error response from daemon: No such container: x\n", exitCode: 1 });
  });

  it("prints [] and the daemon's error for a missing container", async () => {
    expectGolden("container-inspect-missing", await createSandbox().run("container inspect x"));
  });

  it("prints what it found, then the errors", async () => {
    expectGolden("container-inspect-mixed", await (await withWeb()).run("container inspect -f {{.Name}} a web b"));
  });

  it("exits 64 for a template that does not parse, before looking anything up", async () => {
    expectGolden("container-inspect-template-parse", await createSandbox().run(["container", "inspect", "-f", "{{", "x"]));
  });
});

describe("docker inspect", () => {
  it("finds containers first, then images", async () => {
    const sb = await withWeb();
    const r = await sb.run("inspect -f {{.Id}} web nginx");
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\nsha256:[0-9a-f]{64}\n$/);
  });

  it("says 'No such object' for a name that is nothing", async () => {
    expectGolden("system-inspect-missing", await createSandbox().run("inspect x"));
  });

  it("limits the search with --type and reports that kind's error", async () => {
    const sb = await withWeb();
    expectGolden("system-inspect-type-image", await sb.run("inspect --type image web"));
    expect((await sb.run("inspect --type container -f {{.Name}} web")).stdout).toBe("/web\n");
  });

  it("rejects an unknown or empty --type", async () => {
    const sb = createSandbox();
    expectGolden("system-inspect-type-unknown", await sb.run("inspect --type bogus x"));
    expectGolden("system-inspect-type-empty", await sb.run(["inspect", "--type", "", "x"]));
  });

  it("warns that --size only applies to containers", async () => {
    const sb = await withWeb();
    expectGolden("system-inspect-size-image", await sb.run("inspect -s -f {{.RepoTags}} nginx"));
  });

  it("exits 64 for a bad template", async () => {
    expectGolden("system-inspect-template-parse", await createSandbox().run(["inspect", "--format", "{{", "x"]));
  });
});
