// dispatch() on a fake command tree: lazy loading, what reaches the action, and the routing
// of help and errors.
import { describe, expect, it } from "vitest";
import type { CommandModule, CommandSpec, ParsedFlags } from "../../../src/cli/spec.js";
import { globalFlags } from "../../../src/cli/specs/root.js";
import { run } from "./harness.js";

function tree() {
  const loaded: string[] = [];
  const calls: { name: string; flags: ParsedFlags; args: string[] }[] = [];
  const mod = (name: string) => async (): Promise<CommandModule> => {
    loaded.push(name);
    return {
      action: async (cli, flags, args) => {
        calls.push({ name, flags, args });
        cli.out.write(`${name} ran\n`);
      },
    };
  };
  const ls: CommandSpec = {
    name: "ls",
    aliases: ["list"],
    use: "docker thing ls [OPTIONS]",
    short: "List things",
    args: { kind: "none" },
    flags: [{ name: "quiet", short: "q", type: "bool", usage: "Only IDs" }],
    load: mod("ls"),
  };
  const exec: CommandSpec = {
    name: "exec",
    use: "docker exec [OPTIONS] CONTAINER COMMAND [ARG...]",
    short: "Run a command",
    args: { kind: "min", n: 2 },
    interspersed: false,
    flags: [{ name: "tty", short: "t", type: "bool", usage: "TTY" }],
    load: mod("exec"),
    group: "common",
  };
  const root: CommandSpec = {
    name: "docker",
    use: "docker [OPTIONS] COMMAND [ARG...]",
    short: "Fake",
    args: { kind: "any" },
    flags: globalFlags,
    subcommands: [
      exec,
      { name: "thing", use: "docker thing", short: "Things", args: { kind: "none" }, flags: [], subcommands: [ls] },
    ],
  };
  return { root, loaded, calls };
}

describe("dispatch", () => {
  it("loads only the invoked command and hands it flags and arguments", async () => {
    const t = tree();
    const r = await run(["-D", "exec", "-t", "web", "sh", "-c", "echo hi"], t.root);
    expect(r).toEqual({ stdout: "exec ran\n", stderr: "", exitCode: 0 });
    expect(t.loaded).toEqual(["exec"]);
    expect(t.calls[0]!.args).toEqual(["web", "sh", "-c", "echo hi"]);
    expect(t.calls[0]!.flags.values.tty).toBe(true);
    expect([...t.calls[0]!.flags.changed]).toEqual(["tty"]);
  });

  it("finds subcommands by alias and names them canonically in errors", async () => {
    const t = tree();
    expect((await run(["thing", "list", "-q"], t.root)).stdout).toBe("ls ran\n");
    const r = await run(["thing", "list", "x"], t.root);
    expect(r.stderr).toBe(
      "docker: 'docker thing ls' accepts no arguments\n\nUsage:  docker thing ls [OPTIONS]\n\nRun 'docker thing ls --help' for more information\n",
    );
    expect(r.exitCode).toBe(1);
  });

  it("prints a management command's help on stderr with status 0, and nothing is loaded", async () => {
    const t = tree();
    const r = await run(["thing"], t.root);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "Usage:  docker thing COMMAND\n\nThings\n\nCommands:\n  ls          List things\n\nRun 'docker thing COMMAND --help' for more information on a command.\n",
    );
    expect(t.loaded).toEqual([]);
  });

  it("prints help on stdout for --help, help X and a help flag before the subcommand", async () => {
    const t = tree();
    const want = "Usage:  docker thing ls [OPTIONS]\n\nList things\n\nAliases:\n  docker thing ls, docker thing list\n\nOptions:\n  -q, --quiet   Only IDs\n";
    expect((await run(["thing", "ls", "--help"], t.root)).stdout).toBe(want);
    expect((await run(["help", "thing", "ls"], t.root)).stdout).toBe(want);
    expect((await run(["thing", "--help", "ls"], t.root)).stdout).toBe(want);
    expect(t.loaded).toEqual([]);
  });

  it("does not let a non-interspersed command read flags after its first argument", async () => {
    const t = tree();
    await run(["exec", "web", "ls", "-t"], t.root);
    expect(t.calls[0]!.flags.values.tty).toBe(false);
    expect(t.calls[0]!.args).toEqual(["web", "ls", "-t"]);
  });

  it("propagates what the action throws", async () => {
    const root: CommandSpec = {
      ...tree().root,
      subcommands: [
        {
          name: "boom",
          use: "docker boom",
          short: "Fails",
          args: { kind: "any" },
          flags: [],
          load: async () => ({
            action: async () => {
              throw new Error("kaput");
            },
          }),
        },
      ],
    };
    await expect(run(["boom"], root)).rejects.toThrow("kaput");
  });
});
