import { describe, expect, it } from "vitest";
import {
  execute, executePartial, headerFuncs, parseTemplate, renderTemplate, TemplateError, GO_TYPE,
} from "../../../src/formatter/template/index.js";
import { goFloat, goNil } from "../../../src/formatter/template/values.js";

// A stand-in for docker's *formatter.ContainerContext (methods, one unexported field).
class ContainerContext {
  readonly [GO_TYPE] = "*formatter.ContainerContext";
  constructor(private readonly c: { id: string; names: string; labels: Record<string, string> }) {}
  ID(): string { return this.c.id; }
  Names(): string { return this.c.names; }
  Label(name: string): string { return this.c.labels[name] ?? ""; }
  Platform(): object { return goNil("*formatter.Platform"); }
}
const ctx = new ContainerContext({ id: "4c01db0b339c", names: "web", labels: { "com.x": "1" } });

const render = (t: string, data: unknown = ctx): string => renderTemplate(t, data);
const failure = (t: string, data: unknown = ctx): string => {
  try {
    render(t, data);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as Error).message;
  }
  throw new Error("expected an error");
};

describe("template: parse errors (texts checked against docker 28.2.2)", () => {
  it.each([
    ["{{.ID}", "template: :1: bad character U+007D '}'"],
    ["{{.ID}\t{{.Names}}", "template: :1: bad character U+007D '}'"],
    ["{{.ID }\t{{.Names}}", 'template: :1: unexpected "}" in operand'],
    ["{{.ID", "template: :1: unclosed action"],
    ["{{foo}}", 'template: :1: function "foo" not defined'],
    ["x{{if}}{{end}}", "template: :1: missing value for if"],
    ["{{end}}", "template: :1: unexpected {{end}}"],
    ["{{if .ID}}", "template: :1: unexpected EOF"],
    ["{{$x}}", 'template: :1: undefined variable "$x"'],
    ['{{.ID | printf "%s" | foo}}', 'template: :1: function "foo" not defined'],
    ["{{1.5.3}}", 'template: :1: unexpected ".3" in operand'],
    ['{{"abc}}', "template: :1: unterminated quoted string"],
    ["{{.ID (}}", "template: :1: unclosed left paren"],
    ["{{)}}", "template: :1: unexpected right paren"],
    ["{{break}}", "template: :1: {{break}} outside {{range}}"],
    ["{{/* x", "template: :1: unclosed comment"],
    ["a\nb\n{{.ID | 3}}", "template: :3: non executable command in pipeline stage 2"],
  ])("%j", (text, message) => {
    expect(() => parseTemplate(text)).toThrow(new TemplateError(message));
    expect(failure(text)).toBe(message);
  });
});

describe("template: execution errors (texts checked against docker 28.2.2)", () => {
  it.each([
    ["{{.Foo}}", 'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext'],
    ["{{.Label}}", 'template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0'],
    ["{{upper 3}}", 'template: :1:8: executing "" at <3>: expected string; found 3'],
    ["{{.c}}", 'template: :1:2: executing "" at <.c>: c is an unexported field of struct type *formatter.ContainerContext'],
    ["{{.ID}}\n{{.Nope}}", 'template: :2:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext'],
    ['{{json .Nope "x"}}', 'template: :1:2: executing "" at <json>: wrong number of args for json: want 1 got 2'],
    ['{{.Label "a" "b"}}', 'template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 2'],
    ["{{index .ID 20}}", 'template: :1:2: executing "" at <index .ID 20>: error calling index: index out of range: 20'],
    ["{{.ID.X}}", 'template: :1:5: executing "" at <.ID.X>: can\'t evaluate field X in type string'],
    ['{{"a" | upper | .ID}}', 'template: :1:16: executing "" at <.ID>: wrong number of args for ID: want 0 got 1'],
    ["{{3 | upper}}", 'template: :1:6: executing "" at <upper>: wrong type for value; expected string; got int'],
    ["{{len 3}}", 'template: :1:2: executing "" at <len 3>: error calling len: len of type int'],
    ["{{eq .ID 1}}", 'template: :1:2: executing "" at <eq .ID 1>: error calling eq: incompatible types for comparison'],
    ["{{lt true false}}", 'template: :1:2: executing "" at <lt true false>: error calling lt: invalid type for comparison'],
    ["{{nil}}", 'template: :1:2: executing "" at <nil>: nil is not a command'],
    ['{{template "x"}}', 'template: :1:11: executing "" at <{{template "x"}}>: template "x" not defined'],
    ["{{/* x */}}{{.Nope}}", 'template: :1:13: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext'],
    ["{{- .Nope -}}", 'template: :1:4: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext'],
    ["{{$x := 1}}{{$x.Y}}", 'template: :1:15: executing "" at <$x.Y>: can\'t evaluate field Y in type int'],
    ["{{range .Names}}{{break}}{{end}}", 'template: :1:8: executing "" at <.Names>: range can\'t iterate over web'],
    ["{{.ID\n}}x{{.Nope}}", 'template: :2:5: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext'],
    ["{{.Platform.OS}}", 'template: :1:11: executing "" at <.Platform.OS>: nil pointer evaluating *formatter.Platform.OS'],
  ])("%j", (text, message) => {
    expect(failure(text)).toBe(message);
  });

  it("keeps the output written before the error", () => {
    const r = executePartial(parseTemplate("a{{.ID}}b{{.Nope}}c"), ctx);
    expect(r.output).toBe("a4c01db0b339cb");
    expect(r.error?.phase).toBe("exec");
  });
});

describe("template: output (checked against docker 28.2.2 where marked)", () => {
  const client = { Os: "linux", Version: "28.2.2", Empty: "" };
  it.each([
    // [docker] docker version --format
    ['{{printf "%-10s|%5d|%q|%v|%.2f|%x|%05d|%+d|%t|%s|%d" "ab" 42 "h\\"i" .Os 3.14159 255 42 7 true 5 "x"}}',
      'ab        |   42|"h\\"i"|linux|3.14|ff|00042|+7|true|%!s(int=5)|%!d(string=x)'],
    ["{{1e6}} {{1.5}} {{1.0}} {{0.000001}} {{123456789.0}} {{json 1e6}} {{json 0.1}}", "1e+06 1.5 1 1e-06 1.23456789e+08 1000000 0.1"],
    ['{{print 1 2 "x" 3 nil}}|{{println 1 "a"}}', "1 2x3 <nil>|1 a\n"],
    ["{{index .Os 1}} {{slice .Os 1 3}} {{len .Os}}", "105 in 5"],
    ['{{range $i, $c := split "a,b" ","}}{{$i}}{{$c}}{{end}}', "0a1b"],
    ['{{html "<a&b>\\"x\\""}} {{js "a<b\'c"}} {{urlquery "a b&c/d"}}', "&lt;a&amp;b&gt;&#34;x&#34; a\\u003Cb\\'c a+b%26c%2Fd"],
    ['{{title "hello wORLD foo-bar x_y"}}', "Hello WORLD Foo-Bar X_y"],
    ['{{printf "%v %s" (split "a b" " ") (split "a b" " ")}}', "[a b] [a b]"],
    ['{{printf "%d %s"}}', "%!d(MISSING) %!s(MISSING)"],
    ['{{printf "%d" 1 2}}', "1%!(EXTRA int=2)"],
    ['{{printf "%6.2f|%-6.1f|%e|%g|%10.3g" 3.14159 2.5 1234.5678 0.00001234 1234567.0}}', "  3.14|2.5   |1.234568e+03|1.234e-05|  1.23e+06"],
    ['{{eq .Os "linux" "x"}} {{ne 1 2}} {{le 2 2}} {{gt "b" "a"}}', "true true true true"],
    ['{{ 3 | printf "%d %d" 2 }}', "2 3"],
    ["{{range 3}}{{.}}{{end}}", "012"],
    // semantics from Go's text/template
    ['{{if eq .Os "x"}}a{{else if .Version}}b{{else}}c{{end}}', "b"],
    ["{{with $v := .Version}}{{$v}}{{end}}|{{with .Empty}}x{{else}}none{{end}}", "28.2.2|none"],
    ["{{- /* comment */ -}}\n  {{.Os}}  {{- .Version -}}  \n", "linux28.2.2"],
    ["{{`raw\\n`}}{{'a'}}{{0x10}}{{true}}", "raw\\n9716true"],
    ['{{and 1 0}} {{or 0 "" "z"}} {{not 0}} {{and 1 "y"}}', "0 z true y"],
    ['{{upper .Os | lower}} {{pad "" 1 1}}|{{pad "x" 2 1}}| {{truncate "abcdef" 3}} {{truncate "ab" 3}}', "linux |  x | abc ab"],
  ])("%j", (text, out) => {
    expect(render(text, client)).toBe(out);
  });

  it("prints Go %v forms of slices, maps, structs, nil and missing keys", () => {
    const data = { L: ["a", "b"], M: { __goMap: true, b: 2, a: 1 }, S: { X: 1, Y: "z" }, N: null };
    expect(render("{{.L}} {{.M}} {{.S}} {{.N}} {{.M.zz}}", data)).toBe("[a b] map[a:1 b:2] {1 z} <nil> <no value>");
  });

  it("ranges over maps in sorted key order, with else for empty", () => {
    const data = { M: new Map([["b", "2"], ["a", "1"]]), E: [] };
    expect(render("{{range $k, $v := .M}}{{$k}}={{$v}};{{end}}{{range .E}}x{{else}}empty{{end}}", data)).toBe("a=1;b=2;empty");
  });

  it("supports break, continue, variables and assignment", () => {
    const t = "{{$n := 0}}{{range .}}{{if eq . \"skip\"}}{{continue}}{{end}}{{if eq . \"stop\"}}{{break}}{{end}}{{$n = .}}{{.}},{{end}}{{$n}}";
    expect(render(t, ["a", "skip", "b", "stop", "c"])).toBe("a,b,b");
  });

  it("calls methods with arguments and pipelines", () => {
    expect(render('{{.Label "com.x"}}|{{.Label "nope"}}|{{.Names | upper}}|{{(.Label "com.x") | printf "%s!"}}')).toBe("1||WEB|1!");
  });

  it("encodes json without HTML escaping, and via MarshalJSON when present", () => {
    expect(render("{{json .}}", { A: "<x>&", B: [1, 2], C: null })).toBe('{"A":"<x>&","B":[1,2],"C":null}');
    const m = { MarshalJSON: () => '{"Ports":"0.0.0.0:80-\\u003e80/tcp"}' };
    expect(render("{{json .}}", m)).toBe('{"Ports":"0.0.0.0:80-\\u003e80/tcp"}');
  });

  it("defines and invokes templates", () => {
    expect(render('{{define "T"}}<{{.}}>{{end}}{{template "T" .Os}}', client)).toBe("<linux>");
  });

  it("renders header maps with the header functions (identity, pad kept)", () => {
    const tmpl = parseTemplate("{{upper .ID}}\t{{json .Names}}\t{{pad .Size 1 1}}\t{{.Nope}}");
    const header = { ID: "CONTAINER ID", Names: "NAMES", Size: "SIZE", __goMap: true };
    expect(execute(tmpl, header, { funcs: headerFuncs })).toBe("CONTAINER ID\tNAMES\t SIZE \t<no value>");
  });

  it("keeps float literals as floats", () => {
    expect(render("{{.}}", goFloat(1e6))).toBe("1e+06");
  });
});

describe("template: lexer details", () => {
  it("distinguishes trim markers from negative numbers", () => {
    expect(render("{{-3}}|a \n {{- 3 }}|{{3 -}} \n b", {})).toBe("-3|a3|3b");
  });
  it("allows newlines inside actions and comments", () => {
    expect(render("{{\n  .A\n}}{{/* multi\nline */}}!", { A: "x" })).toBe("x!");
  });
  it("reports the line of the failing action", () => {
    expect(failure("a\nb\n{{.A}}\n{{.B", { A: 1 })).toBe("template: :4: unclosed action");
    expect(failure("{{if .A}}\n{{else}}\n{{else}}{{end}}", {})).toBe("template: :3: expected end; found {{else}}");
  });
  it("uses the template name in messages", () => {
    expect(() => parseTemplate("{{.A", { name: "t" })).toThrow(new TemplateError("template: t:1: unclosed action"));
  });
});
