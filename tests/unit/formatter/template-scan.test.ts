// Templates of text and plain fields skip the parser until something needs the parse.
import { describe, expect, it } from "vitest";
import { executePartial, GO_MAP, parseTemplate } from "../../../src/formatter/template/index.js";
import { scanSimple } from "../../../src/formatter/template/simple.js";

describe("scanSimple", () => {
  it("reads text and {{.Field}} actions only", () => {
    expect(scanSimple("table {{.ID}}\t{{.Names}}")).toEqual([{ text: "table " }, { field: "ID" }, { text: "\t" }, { field: "Names" }]);
    expect(scanSimple("{ not an action } }}")).toEqual([{ text: "{ not an action } }}" }]);
    for (const t of ["{{ .ID }}", "{{.ID | upper}}", "{{json .}}", "{{.a}}", "{{- .ID}}", "{{.State.Status}}", "{{", "{{.ID}"]) expect(scanSimple(t), t).toBeNull();
  });

  it("gives the same output as the interpreter, on structs and on a header map", () => {
    const row = { ID: "abc", Names: "web" };
    const tmpl = parseTemplate("{{.ID}} is {{.Names}}");
    expect(executePartial(tmpl, row).output).toBe("abc is web");
    const header = { ID: "CONTAINER ID", [GO_MAP]: true };
    expect(executePartial(tmpl, header).output).toBe("CONTAINER ID is <no value>");
    // The full interpreter, through the lazily parsed trees, agrees.
    const full = parseTemplate("{{.ID}} is {{.Names}}{{if true}}{{end}}");
    expect(full.simple).toBeNull();
    expect(executePartial(full, header).output).toBe("CONTAINER ID is <no value>");
    expect(tmpl.trees.size).toBe(1);
  });
});
