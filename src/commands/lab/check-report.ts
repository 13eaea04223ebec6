// How `lab check` reports: text for people (colour on a terminal, a cli-table3 summary),
// JSON and JUnit XML for CI.
import Table from "cli-table3";
import type { ChalkInstance } from "chalk";
import type { GradeReport } from "../../client/lab.js";

const MARK = { pass: "✔", fail: "✘", skip: "-" } as const;

export function textReport(r: GradeReport, c: ChalkInstance): string {
  let out = `${c.bold(r.title)}${r.topic ? c.dim(` (${r.topic})`) : ""}\n\n`;
  for (const res of r.results) {
    const colour = res.status === "pass" ? c.green : res.status === "fail" ? c.red : c.yellow;
    out += `  ${colour(MARK[res.status])} ${res.name}\n      ${c.dim(res.detail.replace(/\n/g, "\n      "))}\n`;
    if (res.status === "fail" && res.hint) out += `      ${c.cyan("hint:")} ${res.hint.trim().replace(/\n/g, "\n            ")}\n`;
  }
  const failed = (r.steps ?? []).filter((s) => s.exitCode !== 0);
  if (failed.length > 0) {
    out += `\n${c.yellow("Commands of the answer that failed:")}\n`;
    for (const s of failed) {
      out += `  line ${s.line}: ${s.command} ${c.dim(`(exit ${s.exitCode})`)}\n`;
      const first = s.stderr.trim().split("\n")[0];
      if (first) out += `      ${c.dim(first)}\n`;
    }
  }
  const count = (s: string) => r.results.filter((x) => x.status === s).length;
  const head = (t: string) => (c.level > 0 ? c.bold(t) : t);
  const table = new Table({ head: ["passed", "failed", "skipped", "total"].map(head), style: { head: [], border: [] } });
  table.push([c.green(String(count("pass"))), (count("fail") ? c.red : c.green)(String(count("fail"))), String(count("skip")), String(r.results.length)]);
  out += `\n${table.toString()}\n`;
  const skipped = count("skip");
  const verdict = !r.passed ? c.red.bold("Some checks failed.") : skipped > 0 ? c.green.bold(`No check failed (${skipped} skipped).`) : c.green.bold("All checks passed.");
  out += `${verdict}\n`;
  return out;
}

export function jsonReport(r: GradeReport): string {
  const steps = r.steps?.map(({ line, command, stdout, stderr, exitCode }) => ({ line, command, stdout, stderr, exitCode }));
  return JSON.stringify({ ...r, ...(steps ? { steps } : {}) }, null, 2) + "\n";
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function junitReport(r: GradeReport): string {
  const failures = r.results.filter((x) => x.status === "fail").length;
  const skipped = r.results.filter((x) => x.status === "skip").length;
  const suite = xml(r.title);
  const classname = xml(r.topic ?? r.title);
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="mockdocker lab check" tests="${r.results.length}" failures="${failures}" skipped="${skipped}">\n`;
  out += `  <testsuite name="${suite}" tests="${r.results.length}" failures="${failures}" skipped="${skipped}">\n`;
  for (const res of r.results) {
    out += `    <testcase name="${xml(res.name)}" classname="${classname}"`;
    if (res.status === "pass") {
      out += " />\n";
      continue;
    }
    out += ">\n";
    if (res.status === "skip") out += `      <skipped message="${xml(res.detail)}" />\n`;
    else out += `      <failure message="${xml(res.detail)}">${xml(res.hint ?? "")}</failure>\n`;
    out += "    </testcase>\n";
  }
  return out + "  </testsuite>\n</testsuites>\n";
}
