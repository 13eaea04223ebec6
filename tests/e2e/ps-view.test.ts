// `docker ps` served from the container view kept beside the state (cli/ps-main.ts) prints
// exactly what the full listing prints, and steps aside whenever it cannot be sure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewedPs } from "../../src/cli/ps-main.js";

const bin = path.resolve(__dirname, "../../bin/mockdocker.js");
let home: string;
const env = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH!, HOME: home, MOCKDOCKER_HOME: home, MOCKDOCKER_SEED: "view", MOCKDOCKER_CLOCK: "2025-06-01T10:00:00Z", ...extra });

function docker(...args: string[]) {
  const r = spawnSync(process.execPath, ["--", bin, ...args], { encoding: "utf8", env: env(), input: "" });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

function setUp(...commands: string[][]) {
  for (const args of commands) {
    const r = docker(...args);
    if (r.code !== 0 && args[0] !== "run") throw new Error(`${args.join(" ")}: ${r.stderr}`);
  }
}

beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "md-psview-"));
  setUp(
    ["pull", "-q", "busybox"],
    ["pull", "-q", "nginx"],
    ["run", "-d", "--name", "web", "-p", "8080:80", "nginx"],
    ["run", "-d", "--name", "chatty", "busybox", "sh", "-c", "while true; do echo hello world; sleep 1; done"],
    ["run", "--name", "done", "busybox", "true"],
    ["run", "--name", "failed", "busybox", "false"],
    ["create", "--name", "fresh", "busybox"],
    ["run", "-d", "--name", "napping", "busybox", "sleep", "1000"],
    ["pause", "napping"],
    ["run", "-d", "--name", "db", "busybox", "sleep", "1000"],
    ["run", "-d", "--name", "app", "--link", "db:database", "busybox", "sleep", "1000"],
    ["run", "-d", "--name", "crashy", "--restart", "always", "busybox", "false"],
    ["tag", "busybox", "mybox"],
    ["run", "-d", "--name", "orphan", "mybox", "sleep", "1000"],
    ["rmi", "mybox"],
    ["run", "-d", "-P", "--name", "exposed", "nginx"],
    ["run", "-d", "--name", "wide", "busybox", "sh", "-c", "echo 漢字漢字漢字; sleep 1000"],
  );
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

const variants = [
  [],
  ["-a"],
  ["-q"],
  ["-aq"],
  ["-qa"],
  ["--no-trunc"],
  ["-a", "--no-trunc"],
  ["-n", "2"],
  ["-n", "-1"],
  ["-n", "0"],
  ["--last", "3"],
  ["--last=4", "-q"],
  ["-l"],
  ["--latest", "--no-trunc"],
  ["-a", "-q", "--no-trunc"],
  ["--all", "--quiet"],
];

describe("docker ps from the stored view", () => {
  it.each(variants.map((v) => [v.join(" ") || "(no flags)", v]))("ps %s prints what the full listing prints", (_name, flags) => {
    const viewed = viewedPs(["ps", ...flags], env(), Date.now());
    expect(viewed).toBeDefined();
    // --format "" is the default table, but the quick path leaves it to the full listing.
    const full = docker("ps", "--format", "", ...flags);
    expect(full.code).toBe(0);
    expect(viewed).toBe(full.stdout);
    expect(docker("ps", ...flags).stdout).toBe(full.stdout);
  });

  it("covers every kind of row: states, links, ports, truncation, an untagged image", () => {
    const all = viewedPs(["ps", "-a"], env(), Date.now())!;
    expect(all).toMatch(/Up Less than a second \(Paused\)/);
    expect(all).toMatch(/Restarting \(1\)/);
    expect(all).toMatch(/Exited \(1\)/);
    expect(all).toMatch(/Created/);
    expect(all).toMatch(/"sh -c 'while true; …"/);
    expect(all).toMatch(/0\.0\.0\.0:8080->80\/tcp/);
    expect(viewedPs(["ps", "--no-trunc"], env(), Date.now())).toMatch(/\bapp\/database,db\b/);
  });

  it("is used for `docker container ls` and its aliases too", () => {
    for (const verb of [["container", "ls"], ["container", "list"], ["container", "ps"]]) {
      expect(viewedPs([...verb, "-a"], env(), Date.now())).toBe(viewedPs(["ps", "-a"], env(), Date.now()));
    }
    expect(viewedPs(["--data-dir", home, "ps"], { PATH: process.env.PATH! }, Date.now())).toBe(viewedPs(["ps"], env(), Date.now()));
  });

  it.each([["-s"], ["--format", "table"], ["-f", "status=exited"], ["x"], ["-n"], ["-n", "abc"], ["-n=2"], ["--help"], ["-an", "1"], ["--all=false"], ["--"]])(
    "leaves ps %s to the full listing",
    (...flags) => {
      expect(viewedPs(["ps", ...flags], env(), Date.now())).toBeUndefined();
    },
  );

  it("leaves a client config with a psFormat to the full listing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "md-psview-config-"));
    try {
      fs.writeFileSync(path.join(dir, "config.json"), JSON.stringify({ auths: {} }));
      expect(viewedPs(["ps"], env({ DOCKER_CONFIG: dir }), Date.now())).toBeDefined();
      fs.writeFileSync(path.join(dir, "config.json"), JSON.stringify({ psFormat: "{{.Names}}" }));
      expect(viewedPs(["ps"], env({ DOCKER_CONFIG: dir }), Date.now())).toBeUndefined();
      fs.writeFileSync(path.join(dir, "config.json"), "{ not json");
      expect(viewedPs(["ps"], env({ DOCKER_CONFIG: dir }), Date.now())).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("when the stored view cannot be trusted", () => {
  let dir: string;
  const realEnv = () => ({ PATH: process.env.PATH!, HOME: dir, MOCKDOCKER_HOME: dir });
  const real = (...args: string[]) => spawnSync(process.execPath, ["--", bin, ...args], { encoding: "utf8", env: realEnv() });
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "md-psview-stale-"));
    expect(real("run", "-d", "--name", "short", "busybox", "sleep", "30").status).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is not used once a container's next transition is due", () => {
    expect(viewedPs(["ps"], realEnv(), Date.now())).toMatch(/short\n$/);
    expect(viewedPs(["ps"], realEnv(), Date.now() + 31_000)).toBeUndefined();
  });

  it("is not used for a state file it was not made from, nor when it is cut short", () => {
    const view = path.join(dir, "container-view.json");
    const text = fs.readFileSync(view, "utf8");
    fs.writeFileSync(view, text.slice(0, text.lastIndexOf("\n", text.length - 2) + 1));
    expect(viewedPs(["ps"], realEnv(), Date.now())).toBeUndefined();
    fs.writeFileSync(view, text);
    expect(viewedPs(["ps"], realEnv(), Date.now())).toBeDefined();
    // The same bytes in a new file (a new inode): another state file as far as the view knows.
    const state = path.join(dir, "state.json");
    fs.copyFileSync(state, `${state}.copy`);
    fs.renameSync(`${state}.copy`, state);
    expect(viewedPs(["ps"], realEnv(), Date.now())).toBeUndefined();
    expect(real("ps").stdout).toMatch(/short\n$/);
  });

  it("is not used when its header is damaged, nor for a state of another schema", () => {
    // A write makes the view anew.
    expect(real("create", "busybox").status).toBe(0);
    expect(viewedPs(["ps"], realEnv(), Date.now())).toBeDefined();
    const view = path.join(dir, "container-view.json");
    const text = fs.readFileSync(view, "utf8");
    const [fingerprint, head, ...rows] = text.split("\n");
    const damaged = JSON.stringify({ ...JSON.parse(head!), clock: null });
    fs.writeFileSync(view, [fingerprint, damaged, ...rows].join("\n"));
    expect(viewedPs(["ps"], realEnv(), Date.now())).toBeUndefined();
    const newer = JSON.stringify({ ...JSON.parse(fingerprint!), schemaVersion: 99 });
    fs.writeFileSync(view, [newer, head, ...rows].join("\n"));
    expect(viewedPs(["ps"], realEnv(), Date.now())).toBeUndefined();
    fs.writeFileSync(view, text);
    expect(viewedPs(["ps"], realEnv(), Date.now())).toBeDefined();
  });

  it("is not used after `lab reset`", () => {
    expect(real("lab", "reset", "-f").status).toBe(0);
    expect(viewedPs(["ps", "-a"], realEnv(), Date.now())).toBeUndefined();
    expect(real("ps", "-a").stdout).toBe("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
  });
});
