// Exercise checks on a host state, the exercise schema, answer scripts, and `lab check` itself.
import { describe, expect, it } from "vitest";
import { evaluateChecks, gradeAnswer, validateExercise, type CheckSpec } from "../../../src/index.js";
import { parseScript } from "../../../src/lab/script.js";
import { createSandbox } from "../../../src/sandbox.js";

async function hostAfter(commands: string[]) {
  const host = createSandbox();
  for (const c of commands) {
    const r = await host.run(c);
    if (r.exitCode !== 0 && !c.includes("exit 3")) throw new Error(`${c}: ${r.stderr}`);
  }
  const state = host.state()!;
  return { state, now: state.clock.frozenAt! };
}

describe("evaluateChecks", () => {
  it("checks containers: state, image, ports, restart, env, read-only, network, links, files", async () => {
    const input = await hostAfter([
      "network create backend",
      "run -d --name db redis",
      "run -d --name web -p 8080:80 --restart unless-stopped -e MODE=prod --read-only --network backend nginx",
      "run -d --name app --link db:database busybox sleep 3600",
      "run --name job busybox sh -c 'exit 3'",
    ]);
    const checks: CheckSpec[] = [
      { container: "web", running: true, image: "nginx", publishes: "8080:80", restart: "unless-stopped", env: ["MODE=prod", "MODE"], readOnly: true, network: "backend" },
      { container: "web", publishes: "80" },
      { container: "app", links: ["db", "db:database"], file: { path: "/etc/hosts", contains: "database" } },
      { container: "job", status: "exited", exitCode: 3 },
      { container: "ghost", absent: true },
      { container: "web", publishes: "9090:80", hint: "publish 9090" },
      { container: "web", restart: "always" },
      { container: "job", exitCode: 0 },
      { container: "app", file: { path: "/nope", contains: "x" } },
      { container: "db", absent: true },
    ];
    const results = await evaluateChecks(checks, input);
    expect(results.map((r) => r.status)).toEqual(["pass", "pass", "pass", "pass", "pass", "fail", "fail", "fail", "fail", "fail"]);
    expect(results[5]).toEqual({
      name: "container web publishes 9090:80",
      status: "fail",
      detail: "container web: it does not publish 9090:80 (it publishes 8080:80/tcp)",
      hint: "publish 9090",
    });
    expect(results[6]!.detail).toBe("container web: its restart policy is unless-stopped");
    expect(results[7]!.detail).toBe("container job: it exited with 3");
    expect(results[8]!.detail).toBe("container app: it has no file /nope");
    expect(results[9]!.detail).toBe("container db still exists (running)");
  });

  it("checks images, networks, counts and the answer itself", async () => {
    const input = await hostAfter(["pull busybox", "tag busybox mine:1.0", "network create front", "run --name done busybox true"]);
    const results = await evaluateChecks(
      [
        { image: "mine:1.0" },
        { image: "alpine", absent: true },
        { network: "front", driver: "bridge" },
        { count: 1, networks: { custom: true } },
        { count: 1, containers: { status: "exited", image: "busybox" } },
        { count: 0, images: { dangling: true } },
        { used: "docker tag" },
        { avoid: "docker rm" },
        { exitCode: 0 },
        { output: "hello" },
        { network: "back" },
      ],
      { ...input, commands: ["docker tag busybox mine:1.0"], exitCode: 0, output: "hello world\n" },
    );
    expect(results.map((r) => r.status)).toEqual(["pass", "pass", "pass", "pass", "pass", "pass", "pass", "pass", "pass", "pass", "fail"]);
    expect(results.map((r) => r.name).slice(0, 4)).toEqual(["image mine:1.0 exists", "image alpine is gone", "network front exists (bridge)", "1 networks (custom=true)"]);
  });

  it("skips answer checks when there is no answer (the current host)", async () => {
    const input = await hostAfter(["pull busybox"]);
    const results = await evaluateChecks([{ used: "x" }, { exitCode: 0 }, { output: "x" }], input);
    expect(results.map((r) => r.status)).toEqual(["skip", "skip", "skip"]);
  });
});

describe("validateExercise", () => {
  const ok = { title: "T", checks: [{ container: "web" }] };
  it("accepts the documented fields", () => {
    expect(validateExercise({ ...ok, topic: "x", setup: ["docker pull busybox"], hints: ["h"], seed: "s" })).toMatchObject(ok);
  });
  it.each([
    [null, "the file must be a mapping"],
    [{ checks: ok.checks }, '"title" must be a non-empty string'],
    [{ title: "T", checks: [] }, '"checks" must be a non-empty list'],
    [{ ...ok, extra: 1 }, 'unknown field "extra"'],
    [{ title: "T", checks: [{ hint: "h" }] }, "checks[0] says nothing to check"],
    [{ title: "T", checks: [{ container: "web", driver: "x" }] }, 'checks[0]: "driver" does not belong in a container check'],
    [{ title: "T", checks: [{ container: "web", running: "yes" }] }, "checks[0].running must be a boolean"],
    [{ title: "T", checks: [{ used: "(" }] }, "not a valid regular expression"],
    [{ ...ok, setup: "docker ps" }, '"setup" must be a list of strings'],
    [{ title: "T", checks: [{ container: "web", file: { contains: "x" } }] }, 'checks[0].file needs an absolute "path"'],
  ])("rejects %j", (data, message) => {
    expect(() => validateExercise(data)).toThrow(message);
  });
});

describe("answer scripts", () => {
  it("reads comments, continuations, && and ;, and redirections", () => {
    const script = "#!/bin/sh\nset -e\n# a comment\ndocker run \\\n  --rm busybox echo 'a && b'\ndocker pull x && docker tag x y; docker ps\ndocker save x > x.tar\ndocker load < x.tar\n";
    expect(parseScript(script).map(({ line, argv, onlyAfterSuccess, stdoutTo, stdinFrom }) => ({ line, argv, onlyAfterSuccess, stdoutTo, stdinFrom }))).toEqual([
      { line: 4, argv: ["docker", "run", "--rm", "busybox", "echo", "a && b"], onlyAfterSuccess: false, stdoutTo: undefined, stdinFrom: undefined },
      { line: 6, argv: ["docker", "pull", "x"], onlyAfterSuccess: false, stdoutTo: undefined, stdinFrom: undefined },
      { line: 6, argv: ["docker", "tag", "x", "y"], onlyAfterSuccess: true, stdoutTo: undefined, stdinFrom: undefined },
      { line: 6, argv: ["docker", "ps"], onlyAfterSuccess: false, stdoutTo: undefined, stdinFrom: undefined },
      { line: 7, argv: ["docker", "save", "x"], onlyAfterSuccess: false, stdoutTo: { path: "x.tar", append: false }, stdinFrom: undefined },
      { line: 8, argv: ["docker", "load"], onlyAfterSuccess: false, stdoutTo: undefined, stdinFrom: "x.tar" },
    ]);
  });

  it("runs the answer after the setup; a failed && stops its chain; other programs fail with 127", async () => {
    const exercise = validateExercise({ title: "T", setup: ["docker pull busybox"], checks: [{ image: "y:1" }, { exitCode: 0 }] });
    const report = await gradeAnswer(exercise, "docker tag nosuch y:1 && docker tag busybox y:1\necho hi\n");
    expect(report.steps!.map((s) => [s.command, s.exitCode])).toEqual([
      ["docker tag nosuch y:1", 1],
      ["echo hi", 127],
    ]);
    expect(report.results.map((r) => r.status)).toEqual(["fail", "fail"]);
    expect(report.passed).toBe(false);
  });

  it("reports a broken setup as a failure of its own", async () => {
    const report = await gradeAnswer(validateExercise({ title: "T", setup: ["docker rm nosuch"], checks: [{ exitCode: 0 }] }), "docker ps");
    expect(report.results).toEqual([
      { name: "exercise setup", status: "fail", detail: "setup command failed (1): docker rm nosuch\nError response from daemon: No such container: nosuch" },
    ]);
  });
});

const EXERCISE = `title: Detached nginx
topic: services
checks:
  - name: web runs nginx
    container: web
    running: true
    image: nginx
    hint: docker run -d --name web nginx
  - used: docker run
`;

describe("mockdocker lab check", () => {
  const host = () => {
    const h = createSandbox();
    h.files.set("/ex.yaml", EXERCISE);
    h.files.set("/good.sh", "docker run -d --name web nginx\n");
    h.files.set("/bad.sh", "docker run -d --name web httpd\n");
    return h;
  };

  it("prints each check and a summary table; exits 0 when all pass", async () => {
    const r = await host().run("lab check /ex.yaml --answer /good.sh");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        "Detached nginx (services)",
        "",
        "  ✔ web runs nginx",
        "      container web (running, nginx)",
        "  ✔ uses a command matching /docker run/",
        "      used: docker run -d --name web nginx",
        "",
        "┌────────┬────────┬─────────┬───────┐",
        "│ passed │ failed │ skipped │ total │",
        "├────────┼────────┼─────────┼───────┤",
        "│ 2      │ 0      │ 0       │ 2     │",
        "└────────┴────────┴─────────┴───────┘",
        "All checks passed.",
        "",
      ].join("\n"),
    );
  });

  it("says why a check failed, with its hint, and exits 1", async () => {
    const r = await host().run("lab check /ex.yaml --answer /bad.sh");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("  ✘ web runs nginx\n      container web: it runs httpd, not nginx\n      hint: docker run -d --name web nginx\n");
    expect(r.stdout).toContain("Some checks failed.\n");
  });

  it("colours only when asked to or on a terminal", async () => {
    const h = createSandbox({ env: { FORCE_COLOR: "1" } });
    h.files.set("/ex.yaml", EXERCISE);
    h.files.set("/good.sh", "docker run -d --name web nginx\n");
    expect((await h.run("lab check /ex.yaml --answer /good.sh")).stdout).toContain("\x1b[32m✔\x1b[39m");
  });

  it("writes JSON and JUnit reports", async () => {
    const h = host();
    const json = await h.run("lab check /ex.yaml --answer /bad.sh --reporter json");
    expect(JSON.parse(json.stdout)).toMatchObject({ title: "Detached nginx", passed: false, results: [{ status: "fail" }, { status: "pass" }], exitCode: 0 });
    const junit = await h.run("lab check /ex.yaml --answer /bad.sh --reporter junit -o /report.xml");
    expect(junit).toMatchObject({ stdout: "", exitCode: 1 });
    const xml = h.files.get("/report.xml")!;
    expect(xml).toContain('<testsuite name="Detached nginx" tests="2" failures="1" skipped="0">');
    expect(xml).toContain('<failure message="container web: it runs httpd, not nginx">docker run -d --name web nginx</failure>');
  });

  it("checks the current host with --current", async () => {
    const h = host();
    await h.run("run -d --name web nginx");
    const r = await h.run("lab check /ex.yaml --current --reporter json");
    expect(JSON.parse(r.stdout).results.map((x: { status: string }) => x.status)).toEqual(["pass", "skip"]);
    expect(r.exitCode).toBe(0);
  });

  it("reports bad input as mockdocker's own errors", async () => {
    const h = host();
    h.files.set("/broken.yaml", "title: [unclosed\n");
    h.files.set("/schema.yaml", "title: T\nchecks: []\n");
    expect((await h.run("lab check /ex.yaml")).stderr).toBe("mockdocker: give the answer to check: --answer SCRIPT, or --current for the current host\n");
    expect((await h.run("lab check /missing.yaml --current")).stderr).toMatch(/^mockdocker: cannot read the exercise \/missing.yaml/);
    expect((await h.run("lab check /broken.yaml --current")).stderr).toMatch(/^mockdocker: \/broken.yaml is not valid YAML/);
    expect((await h.run("lab check /schema.yaml --current")).stderr).toBe('mockdocker: /schema.yaml: invalid exercise: "checks" must be a non-empty list\n');
    expect((await h.run("lab check /ex.yaml --current --reporter tap")).exitCode).toBe(1);
  });
});
