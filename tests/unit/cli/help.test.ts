// pflag's wrapping reproduced byte for byte: docker's own flag lists (from the goldens) are
// fed back through flagUsages and must come out exactly as the real client printed them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { flagUsages, renderHelp } from "../../../src/cli/help.js";
import type { FlagSpec } from "../../../src/cli/spec.js";
import { rootSpec } from "../../../src/cli/specs/root.js";
import { compareHelp } from "./help-compare.js";

const golden = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../golden/cli/${name}.json`, import.meta.url)), "utf8")) as {
    stdout: string;
  };

/** The flag block of a help text, and the flags rebuilt from it (usage = joined lines). */
function flagBlock(text: string, title: string): { block: string; flags: FlagSpec[] } {
  const start = text.indexOf(`\n${title}\n`) + title.length + 2;
  const end = text.indexOf("\n\n", start);
  const block = text.slice(start, end < 0 ? undefined : end).replace(/\n?$/, "\n");
  const flags: FlagSpec[] = [];
  for (const line of block.trimEnd().split("\n")) {
    const m = /^(?:  -(\S), --(\S+)|      --(\S+))( [a-z][\w-]*)?  +(.*)$/.exec(line);
    if (m && !line.startsWith("        ")) {
      const type = m[4]?.trim();
      flags.push({
        name: (m[2] ?? m[3])!,
        ...(m[1] ? { short: m[1] } : {}),
        type: type ? "list" : "bool",
        ...(type ? { typeName: type } : {}),
        usage: m[5]!,
      });
    } else {
      flags.at(-1)!.usage += " " + line.trim();
    }
  }
  return { block, flags };
}

describe("flagUsages", () => {
  for (const [name, title] of [
    ["rm-help", "Options:"],
    ["logs-help", "Options:"],
    ["start-help", "Options:"],
    ["exec-help", "Options:"],
    ["pull-help", "Options:"],
    ["rmi-help", "Options:"],
    ["root-help", "Global Options:"],
  ] as const) {
    it(`re-wraps docker's own ${name} ${title} exactly`, () => {
      const { block, flags } = flagBlock(golden(name).stdout, title);
      expect(flags.length).toBeGreaterThan(2);
      expect(flagUsages(flags, 79, { env: {} })).toBe(block);
    });
  }

  it("keeps explicit newlines and indents continuation lines", () => {
    const flags: FlagSpec[] = [{ name: "format", type: "string", usage: "first\nsecond line" }];
    expect(flagUsages(flags, 79, { env: {} })).toBe("      --format string   first\n                        second line\n");
  });

  it("prints defaults the way pflag does for each type", () => {
    const flags: FlagSpec[] = [
      { name: "a", type: "bool", usage: "u", default: true },
      { name: "b", type: "string", usage: "u", default: "x y" },
      { name: "c", type: "int", usage: "u", default: -1 },
      { name: "d", type: "int", usage: "u", default: 0 },
      { name: "e", type: "map", usage: "u" },
      { name: "f", type: "duration", usage: "u" },
      { name: "g", type: "list", usage: "u", defaultText: "[]" },
      { name: "h", type: "bool", usage: "u", hidden: true },
    ];
    expect(flagUsages(flags, 0, { env: {} })).toBe(
      [
        "      --a            u (default true)",
        '      --b string     u (default "x y")',
        "      --c int        u (default -1)",
        "      --d int        u",
        "      --e map        u (default map[])",
        "      --f duration   u (default 0s)",
        "      --g list       u (default [])",
        "",
      ].join("\n"),
    );
  });
});

describe("renderHelp", () => {
  it("takes defaults that depend on the environment from it", () => {
    const text = renderHelp(rootSpec, ["docker"], { env: { HOME: "/home/ann" }, width: 80, tty: false });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain('(default "/home/ann/.docker")');
    expect(flat).toContain('(default "/home/ann/.docker/ca.pem")');
  });

  it("makes the closing line bold on a terminal", () => {
    const text = renderHelp(rootSpec, ["docker"], { env: { HOME: "/root" }, width: 80, tty: true });
    expect(text.endsWith("\x1b[1mFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\x1b[0m\n")).toBe(true);
  });
});

describe("compareHelp", () => {
  const real = golden("ps-help").stdout;
  it("accepts the real text itself", () => {
    expect(compareHelp(real, real)).toEqual([]);
  });
  it("notices a misaligned flag column, a changed default and a changed usage line", () => {
    expect(compareHelp(real.replace("  -q, --quiet           ", "  -q, --quiet            "), real)).not.toEqual([]);
    expect(compareHelp(real.replace("(default -1)", "(default 1)"), real)).not.toEqual([]);
    expect(compareHelp(real.replace("docker ps [OPTIONS]", "docker ps"), real)).not.toEqual([]);
  });
});
