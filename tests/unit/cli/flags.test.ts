// pflag grammar and docker's value types, exercised on a small flag set.
import { beforeAll, describe, expect, it } from "vitest";
import { FlagError, loadFlagParser, parseFlags, withHelpFlag } from "../../../src/cli/flags.js";

beforeAll(loadFlagParser);
import type { FlagSpec } from "../../../src/cli/spec.js";
import { createFlags } from "../../../src/cli/specs/container-flags.js";

const flags: FlagSpec[] = withHelpFlag([
  { name: "all", short: "a", type: "bool", usage: "" },
  { name: "quiet", short: "q", type: "bool", usage: "" },
  { name: "last", short: "n", type: "int", usage: "", default: -1 },
  { name: "format", type: "string", usage: "" },
  { name: "filter", short: "f", type: "filter", usage: "" },
  { name: "env", short: "e", type: "list", usage: "", validate: (v, ctx) => (v.includes("=") ? v : `${v}=${ctx.env[v]}`) },
  { name: "label", type: "map", usage: "" },
  { name: "memory", short: "m", type: "bytes", usage: "" },
  { name: "time", type: "duration", usage: "" },
  { name: "cpus", type: "decimal", usage: "" },
]);

const parse = (argv: string[], interspersed = true) =>
  parseFlags(argv, flags, { interspersed, ctx: { env: { HOME: "/h" } } });

const error = (argv: string[]) => {
  try {
    parse(argv);
  } catch (e) {
    if (e instanceof FlagError) return e.message;
    throw e;
  }
  return "no error";
};

describe("parseFlags", () => {
  it("fills defaults and records nothing as changed", () => {
    const r = parse([]);
    expect(r.flags.values).toMatchObject({ all: false, last: -1, format: "", filter: [], label: {}, memory: 0 });
    expect([...r.flags.changed]).toEqual([]);
  });

  it("accepts every value spelling pflag accepts", () => {
    expect(parse(["--last=3"]).flags.values.last).toBe(3);
    expect(parse(["--last", "3"]).flags.values.last).toBe(3);
    expect(parse(["-n3"]).flags.values.last).toBe(3);
    expect(parse(["-n=3"]).flags.values.last).toBe(3);
    expect(parse(["-n", "-5"]).flags.values.last).toBe(-5);
    expect(parse(["-n", "0x10"]).flags.values.last).toBe(16);
    expect(parse(["-n", "1_000"]).flags.values.last).toBe(1000);
    expect(parse(["--format="]).flags.changed.has("format")).toBe(true);
  });

  it("combines short booleans and a trailing valued shorthand", () => {
    const r = parse(["-aqn7"]);
    expect(r.flags.values).toMatchObject({ all: true, quiet: true, last: 7 });
    expect([...r.flags.changed].sort()).toEqual(["all", "last", "quiet"]);
  });

  it("reads explicit booleans", () => {
    expect(parse(["--all=false"]).flags.values.all).toBe(false);
    expect(parse(["-a=T"]).flags.values.all).toBe(true);
    expect(parse(["--all", "false"]).args).toEqual(["false"]);
  });

  it("keeps the last value of a repeated flag and accumulates lists", () => {
    const r = parse(["--format", "a", "--format", "b", "-e", "X=1", "-e", "HOME", "--label", "k=v", "--label", "z"]);
    expect(r.flags.values.format).toBe("b");
    expect(r.flags.values.env).toEqual(["X=1", "HOME=/h"]);
    expect(r.flags.values.label).toEqual({ k: "v", z: "" });
  });

  it("stops at -- and, when not interspersed, at the first argument", () => {
    expect(parse(["x", "-a", "--", "-q"]).args).toEqual(["x", "-q"]);
    expect(parse(["x", "-a"]).flags.values.all).toBe(true);
    const r = parse(["-a", "img", "-q", "--bogus"], false);
    expect(r.args).toEqual(["img", "-q", "--bogus"]);
    expect(r.flags.values.quiet).toBe(false);
  });

  it("converts docker's value types", () => {
    const r = parse(["-m", "1.5g", "--time", "1m30s", "--cpus", "1.5", "-f", "name=x", "-f", ""]);
    expect(r.flags.values.memory).toBe(1610612736);
    expect(r.flags.values.time).toBe(90e9);
    expect(r.flags.values.cpus).toBe(1.5e9);
    expect(r.flags.values.filter).toEqual(["name=x"]);
  });

  it("reports pflag's errors", () => {
    expect(error(["--bogus"])).toBe("unknown flag: --bogus");
    expect(error(["-aqz"])).toBe("unknown shorthand flag: 'z' in -z");
    expect(error(["-n"])).toBe("flag needs an argument: 'n' in -n");
    expect(error(["--format"])).toBe("flag needs an argument: --format");
    expect(error(["---x"])).toBe("bad flag syntax: ---x");
    expect(error(["-n", "99999999999999999999"])).toBe(
      'invalid argument "99999999999999999999" for "-n, --last" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range',
    );
    expect(error(["--time", "5"])).toBe('invalid argument "5" for "--time" flag: time: missing unit in duration "5"');
    expect(error(["--time", "5y"])).toBe('invalid argument "5y" for "--time" flag: time: unknown unit "y" in duration "5y"');
    expect(error(["-m", "1x"])).toBe(`invalid argument "1x" for "-m, --memory" flag: invalid suffix: 'x'`);
  });

  it("reports errors in argv order: a bad value before a later unknown flag", () => {
    expect(error(["-n", "x", "--bogus"])).toMatch(/^invalid argument "x"/);
    expect(error(["--bogus", "-n", "x"])).toBe("unknown flag: --bogus");
  });

  it("prints the -h deprecation through the notice callback", () => {
    let notice = "";
    const r = parseFlags(["-h"], flags, { ctx: { env: {} }, notice: (t) => (notice += t) });
    expect(r.flags.values.help).toBe(true);
    expect(notice).toBe("Flag shorthand -h has been deprecated, use --help\n");
  });

  it("parses --mount into docker's mount structure", () => {
    const r = parseFlags(["--mount", "type=bind,src=/a,dst=/b,ro"], withHelpFlag(createFlags), { ctx: { env: {} } });
    expect(r.flags.values.mount).toEqual([{ Type: "bind", Source: "/a", Target: "/b", ReadOnly: true }]);
  });
});
