// DESIGN.md's import rules, checked on every source file.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Code without comments and string literals, for looking at what a file calls. */
function codeOnly(file: string): string {
  return fs
    .readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/`(?:\\.|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, '""');
}

/** Every module a file imports: { spec, resolved (for relative specs, relative to src/) }. */
function importsOf(file: string): Array<{ spec: string; target?: string }> {
  const text = fs.readFileSync(file, "utf8");
  const specs = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm)].map((m) => m[1] ?? m[2]!);
  return specs.map((spec) => (spec.startsWith(".") ? { spec, target: path.relative(src, path.resolve(path.dirname(file), spec)) } : { spec }));
}

const layer = (file: string) => path.relative(src, file).split(path.sep)[0]!;
const files = sourceFiles(src);

describe("layers", () => {
  it("the engine is pure: nothing of ours outside it, no Node, no process, no console, no CLI libraries", () => {
    const offences: string[] = [];
    for (const file of files.filter((f) => layer(f) === "engine")) {
      for (const { spec, target } of importsOf(file)) {
        if (target !== undefined && !target.startsWith("engine/")) offences.push(`${file}: ${spec}`);
        if (target === undefined && !spec.startsWith("@noble/hashes")) offences.push(`${file}: ${spec}`);
      }
      // The whole text, strings and fields included: nothing in the engine may even read like them.
      if (/\bprocess\.(argv|env|exit|stdout|stderr|stdin)|\bconsole\./.test(fs.readFileSync(file, "utf8"))) offences.push(`${file}: process/console`);
    }
    expect(offences).toEqual([]);
  });

  it("commands reach the host only through the client: no engine, no store", () => {
    const offences = files
      .filter((f) => layer(f) === "commands")
      .flatMap((file) => importsOf(file).filter(({ target }) => target?.startsWith("engine/") || target?.startsWith("store/")).map(({ spec }) => `${file}: ${spec}`));
    expect(offences).toEqual([]);
  });

  it("the formatter is pure rendering: only itself and the client's types", () => {
    const offences = files
      .filter((f) => layer(f) === "formatter")
      .flatMap((file) =>
        importsOf(file)
          .filter(({ spec, target }) => (target === undefined ? true : !(target.startsWith("formatter/") || target.startsWith("client/"))) && !spec.startsWith("@noble"))
          .map(({ spec }) => `${file}: ${spec}`),
      );
    expect(offences).toEqual([]);
  });

  it("the store knows only the engine's model and store contract", () => {
    const offences = files
      .filter((f) => layer(f) === "store")
      .flatMap((file) =>
        importsOf(file)
          .filter(({ target }) => target !== undefined && !target.startsWith("store/") && !["engine/model.js", "engine/store.js"].includes(target))
          .map(({ spec }) => `${file}: ${spec}`),
      );
    expect(offences).toEqual([]);
  });

  it("only the entry points (cli/main.ts, cli/fast-main.ts, cli/ps-main.ts) touch the process's argv, env and exit", () => {
    const entries = [path.join("cli", "main.ts"), path.join("cli", "fast-main.ts"), path.join("cli", "ps-main.ts")];
    const offences = files
      .filter((f) => !entries.some((e) => f.endsWith(e)) && layer(f) !== "engine")
      .filter((f) => /(?<![.\w])process\.(argv|exit|exitCode|env)\b/.test(codeOnly(f)))
      .map((f) => path.relative(src, f));
    expect(offences).toEqual([]);
  });
});
