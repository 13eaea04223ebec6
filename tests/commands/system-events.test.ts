import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox.js";
import { fakeTerminal } from "./fake-terminal.js";
import { expectGolden } from "./golden.js";

// The sandbox clock stands at 2025-06-01T10:00:00Z; events at one instant are told apart by
// their sequence (the nanoseconds).
const UNTIL = "--until=2025-06-01T10:05:00Z";

/** Lets a stream started in the background reach the point where it waits for changes. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A sandbox whose `events` command is already loaded, so a background stream starts at once. */
async function warmSandbox(seed: string) {
  const sb = createSandbox({ seed });
  await sb.run("events --since 0 --until 0s");
  return sb;
}

/** A container's whole life, with a label, a named volume and a custom network. */
async function lifecycle() {
  const sb = createSandbox({ seed: "system-events" });
  for (const cmd of [
    "pull alpine",
    "network create net1",
    "run -d --name web --label tier=front -v vol:/data --network net1 alpine sleep 1000",
    "exec web touch /data/x",
    "rename web front",
    "pause front",
    "unpause front",
    "restart -t 1 front",
    "kill front",
    "commit front snap",
    "tag snap snap:v2",
    "rmi snap:v2",
    "cp front:/etc/hostname /tmp/h",
    "export -o /tmp/front.tar front",
    "rm front",
    "volume rm vol",
    "network rm net1",
    "run --rm --name once alpine echo hi",
    "save -o /tmp/alpine.tar alpine",
    "load -i /tmp/alpine.tar",
  ]) {
    expect((await sb.run(cmd)).exitCode, cmd).toBe(0);
  }
  return sb;
}

describe("docker events", () => {
  it("replays every state change with docker's actions and attributes", async () => {
    const sb = await lifecycle();
    expectGolden("system-events-lifecycle", await sb.run(`events --since 0 ${UNTIL}`));
  });

  it("is the same under docker system events", async () => {
    const a = await (await lifecycle()).run(`events --since 0 ${UNTIL} --filter type=volume`);
    const b = await (await lifecycle()).run(`system events --since 0 ${UNTIL} --filter type=volume`);
    expect(b).toEqual(a);
  });

  it.each([
    ["type", ["--filter", "type=network"]],
    ["container-name", ["--filter", "container=once"]],
    ["image", ["--filter", "image=alpine", "--filter", "event=start"]],
    ["event-or", ["--filter", "event=die", "--filter", "event=destroy"]],
    ["event-exec", ["--filter", "event=exec_start"]],
    ["label", ["--filter", "label=tier=front", "--filter", "event=rename"]],
    ["network", ["--filter", "network=net1"]],
    ["volume", ["--filter", "volume=vol"]],
    ["image-events", ["--filter", "type=image"]],
  ])("--filter %s", async (name, args) => {
    const sb = await lifecycle();
    expectGolden(`system-events-filter-${name}`, await sb.run(["events", "--since", "0", UNTIL, ...args]));
  });

  it("image events carry the image's labels and the reference as name", async () => {
    const sb = createSandbox({ seed: "events-images" });
    for (const cmd of ["pull nginx", "save -o /tmp/nginx.tar nginx", "load -i /tmp/nginx.tar", "create --name box busybox", "export -o /tmp/box.tar box", "import /tmp/box.tar imported:1", "rmi imported:1"]) {
      expect((await sb.run(cmd)).exitCode, cmd).toBe(0);
    }
    expectGolden("system-events-image-labels", await sb.run(["events", "--since", "0", UNTIL, "--filter", "type=image"]));
  });

  it("logs what prunes remove and one prune event per kind with the reclaimed bytes", async () => {
    const sb = createSandbox({ seed: "events-prune" });
    for (const cmd of ["network create spare", "run --name wr -v /v busybox sh -c 'echo 12345 > /v/f; echo ab > /g'", "rm wr", "run --name xx busybox true", "system prune -af --volumes"]) {
      expect((await sb.run(cmd)).exitCode, cmd).toBe(0);
    }
    const r = await sb.run(["events", "--since", "0", UNTIL, "--filter", "event=prune", "--filter", "event=destroy", "--filter", "event=delete"]);
    expectGolden("system-events-prune", r);
  });

  it("names an exec by its entrypoint, a space and its arguments", async () => {
    const sb = createSandbox({ seed: "events-exec" });
    await sb.run("run -d --name box busybox sleep 100");
    await sb.run("exec box ls");
    await sb.run("exec box echo a b");
    const r = await sb.run(["events", "--since", "0", UNTIL, "--filter", "event=exec_create", "--filter", "event=exec_die", "--format", "[{{.Action}}] {{.Actor.Attributes.exitCode}}"]);
    expect(r.stdout).toBe("[exec_create: ls ] <no value>\n[exec_die] 0\n[exec_create: echo a b] <no value>\n[exec_die] 0\n");
  });

  it("a push names the repository; the image's labels come along", async () => {
    const sb = createSandbox({ seed: "events-push" });
    for (const cmd of ["pull -q registry:2", "pull -q nginx", "run -d --name registry -p 5000:5000 registry:2", "tag nginx localhost:5000/web:1", "push -q localhost:5000/web:1"]) {
      expect((await sb.run(cmd)).exitCode, cmd).toBe(0);
    }
    const r = await sb.run(["events", "--since", "0", UNTIL, "--filter", "event=push", "--filter", "event=tag"]);
    expectGolden("system-events-push", r);
  });

  it.each([
    ["json", ["--format", "json"]],
    ["json-template", ["--format", "{{json .}}"]],
    ["fields", ["--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}} {{.Status}} {{.From}}"]],
  ])("--format %s", async (name, args) => {
    const sb = await lifecycle();
    expectGolden(`system-events-format-${name}`, await sb.run(["events", "--since", "0", UNTIL, "--filter", "container=once", ...args]));
  });

  it.each([
    ["bad-template", ["--format", "{{"]],
    ["unknown-field", ["--format", "{{.Nope}}"]],
    ["filter-without-value", ["--filter", "type"]],
    ["bad-since", ["--since", "yesterday"]],
    ["fails-on-first-event", ["--since", "0", "--until", "0s", "--format", "{{if .Action}}{{.Nope}}{{end}}"]],
    ["until-before-since", ["--since", "2025-06-01T10:00:00Z", "--until", "2025-05-01T00:00:00Z"]],
  ])("errors: %s", async (name, args) => {
    const sb = createSandbox();
    await sb.run("volume create v1");
    await sb.run("volume create v2");
    expectGolden(`system-events-error-${name}`, await sb.run(["events", ...args]));
  });

  it("shows only events in the --since/--until window", async () => {
    const sb = createSandbox({ seed: "events-window" });
    await sb.run("run -d --name sleeper alpine sleep 5");
    // A future --until on a frozen clock lets that time pass: the sleep ends on the way.
    expectGolden("system-events-until-future", await sb.run("events --since 2025-06-01T10:00:01Z --until 2025-06-01T10:00:10Z"));
    expect(sb.state()!.clock.frozenAt).toBe(Date.UTC(2025, 5, 1, 10, 0, 10));
    // Durations count back from the new now (10:00:10), in whole seconds; until is inclusive.
    expect((await sb.run("events --since 9s --until 0s --format '{{.Action}}'")).stdout).toBe("die\ndisconnect\n");
    expect((await sb.run("events --since 10s --until 5s --format '{{.Action}}'")).stdout).toBe("pull\ncreate\nconnect\nstart\ndie\n");
  });

  it("--until 0 replays the whole log, as the daemon's untilNanoUnix > 0 check lets it", async () => {
    const sb = createSandbox({ seed: "events-until-zero" });
    await sb.run("volume create one");
    await sb.run("volume create two");
    expect((await sb.run("events --until 0 --format '{{.Action}} {{.Actor.ID}}'")).stdout).toBe("create one\ncreate two\n");
  });

  it("an interactive run attaches before it starts; exec -it does not attach", async () => {
    const sb = createSandbox({ seed: "events-tty" });
    expect((await sb.run("run -it --name tty busybox", { terminal: fakeTerminal(["exit"]).open })).exitCode).toBe(0);
    await sb.run("run -d -it --name bg busybox");
    expect((await sb.run("exec -it bg sh", { terminal: fakeTerminal(["exit"]).open })).exitCode).toBe(0);
    const r = await sb.run(["events", "--since", "0", UNTIL, "--filter", "type=container", "--format", "{{.Action}} {{.Actor.Attributes.name}}"]);
    expect(r.stdout).toBe(
      ["create tty", "attach tty", "start tty", "die tty", "create bg", "start bg", "exec_create: sh  bg", "exec_start: sh  bg", "exec_die bg", ""].join("\n"),
    );
  });

  it("follows live events until interrupted", async () => {
    const sb = await warmSandbox("events-live");
    await sb.run("pull alpine");
    const ac = new AbortController();
    const following = sb.run("events --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}}'", { signal: ac.signal });
    await tick();
    // Nothing from before the stream started (no --since).
    await sb.run("run --name live alpine true");
    await sb.run("volume create v1");
    ac.abort();
    const r = await following;
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        "container create live",
        "container attach live",
        "network connect bridge",
        "container start live",
        "container die live",
        "network disconnect bridge",
        "volume create <no value>",
        "",
      ].join("\n"),
    );
  });

  it("ends after the log when nothing could interrupt it (a replayed transcript)", async () => {
    const sb = createSandbox({ seed: "events-no-signal" });
    await sb.run("volume create kept");
    expect(await sb.run("events --since 0 --format '{{.Action}} {{.Actor.ID}}'")).toEqual({ stdout: "create kept\n", stderr: "", exitCode: 0 });
    expect(await sb.run("events")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("an interrupt before anything happens ends the stream with nothing printed", async () => {
    const sb = await warmSandbox("events-abort");
    const ac = new AbortController();
    const following = sb.run("events", { signal: ac.signal });
    ac.abort();
    expect(await following).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("follows live events with filters", async () => {
    const sb = await warmSandbox("events-live");
    const ac = new AbortController();
    const following = sb.run("events --filter type=volume --filter event=create", { signal: ac.signal });
    await tick();
    await sb.run("volume create a1");
    await sb.run("volume rm a1");
    ac.abort();
    expectGolden("system-events-live-filtered", await following);
  });
});
