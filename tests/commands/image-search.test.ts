import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";

describe("docker search", () => {
  it("lists matching Docker Hub repositories with docker's columns, descriptions cut at 45 columns", async () => {
    const sb = createSandbox();
    const r = await sb.run("search --limit 3 ng");
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^NAME\s+DESCRIPTION\s+STARS\s+OFFICIAL$/);
    expect(lines).toHaveLength(5);
    for (const l of lines.slice(1, 4)) expect(l).toMatch(/^\S+\s+.+\s+\d+\s+(\[OK\])?\s*$/);
    const descriptions = lines.slice(1, 4).map((l) => l.split(/ {3,}/)[1]!);
    for (const d of descriptions) expect([...d].length).toBeLessThanOrEqual(45);
    expect(descriptions.some((d) => d.endsWith("…"))).toBe(true);
    const full = await sb.run("search --limit 3 --no-trunc ng");
    expect(full.stdout.split("\n").slice(1, 4).some((l) => l.split(/ {3,}/)[1]!.length > 45)).toBe(true);
  });

  it("orders by stars and filters by stars and is-official", async () => {
    const sb = createSandbox();
    const stars = (out: string) => out.trim().split("\n").slice(1).map((l) => Number(/\s(\d+)\s*(\[OK\])?\s*$/.exec(l)![1]));
    const all = stars((await sb.run("search o")).stdout);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    const big = stars((await sb.run("search --filter stars=10000 o")).stdout);
    expect(big.length).toBeGreaterThan(0);
    expect(big.every((n) => n >= 10000)).toBe(true);
    const unofficial = await sb.run("search -f is-official=false hello");
    expect(unofficial.stdout).toContain("dockerinaction/hello_world");
    expect(unofficial.stdout).not.toMatch(/^hello-world /m);
    const official = await sb.run("search -f is-official=true hello");
    expect(official.stdout).toMatch(/^hello-world\s.*\[OK\]$/m);
    expect((await sb.run("search -f is-automated=true hello")).stdout).toBe("NAME      DESCRIPTION   STARS     OFFICIAL\n");
  });

  it("renders --format templates and json", async () => {
    const sb = createSandbox();
    expect((await sb.run("search --format '{{.Name}}: {{.StarCount}} {{.IsOfficial}}' --limit 1 nginx")).stdout).toMatch(/^nginx: \d+ \[OK\]\n$/);
    const json = JSON.parse((await sb.run("search --format '{{json .}}' --limit 1 nginx")).stdout);
    expect(Object.keys(json)).toEqual(["Description", "IsOfficial", "Name", "StarCount"]);
    expect(json.IsOfficial).toBe("true");
    expect(json.Name).toBe("nginx");
  });

  it("gives the daemon's errors for bad filters and limits", async () => {
    const sb = createSandbox();
    expect(await sb.run("search -f stars=x a")).toEqual({
      stdout: "",
      stderr: `Error response from daemon: invalid filter 'stars=x': strconv.Atoi: parsing "x": invalid syntax\n`,
      exitCode: 1,
    });
    expect((await sb.run("search -f is-official=maybe a")).stderr).toBe("Error response from daemon: invalid filter 'is-official=[maybe]'\n");
    expect((await sb.run("search -f color=red a")).stderr).toBe("Error response from daemon: invalid filter 'color'\n");
    expect((await sb.run("search --limit 101 a")).stderr).toBe("Error response from daemon: limit 101 is outside the range of [1, 100]\n");
  });

  it("other registries are not searchable: registry:2 has no v1 search", async () => {
    const sb = createSandbox();
    await sb.run("run -d -p 5000:5000 registry:2");
    expect(await sb.run("search localhost:5000/app")).toEqual({ stdout: "", stderr: "Error response from daemon: Unexpected status code 404\n", exitCode: 1 });
  });
});
