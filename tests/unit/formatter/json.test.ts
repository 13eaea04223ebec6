import { describe, expect, it } from "vitest";
import { goJson, indentJson } from "../../../src/formatter/json.js";

describe("goJson", () => {
  it("escapes HTML by default like json.Marshal", () => {
    expect(goJson({ Ports: "0.0.0.0:80->80/tcp", Digest: "<none>", A: "a&b" }))
      .toBe('{"Ports":"0.0.0.0:80-\\u003e80/tcp","Digest":"\\u003cnone\\u003e","A":"a\\u0026b"}');
  });
  it("does not escape HTML when asked, but always escapes U+2028/2029 and controls", () => {
    expect(goJson({ A: "<x>\u2028\u2029\x01\b\f\n\r\t\"\\" }, { escapeHtml: false }))
      .toBe('{"A":"<x>\\u2028\\u2029\\u0001\\b\\f\\n\\r\\t\\"\\\\"}');
  });
  it("keeps insertion order, sorts Map keys, omits undefined", () => {
    expect(goJson({ b: 1, a: [true, null], c: undefined, m: new Map([["z", 1], ["a", 2]]) }))
      .toBe('{"b":1,"a":[true,null],"m":{"a":2,"z":1}}');
  });
  it("formats numbers as Go does", () => {
    expect(goJson([1, 1.5, 1e21, 1e-7, 0.1])).toBe("[1,1.5,1e+21,1e-7,0.1]");
  });
});

describe("indentJson (docker inspect layout)", () => {
  it("indents with 4 spaces and keeps empty containers compact", () => {
    const out = indentJson([{ Id: "x", Args: [], Labels: {}, Env: ["A=<b>"], State: { Running: true, Pid: 0 } }]);
    expect(out).toBe([
      "[",
      "    {",
      '        "Id": "x",',
      '        "Args": [],',
      '        "Labels": {},',
      '        "Env": [',
      '            "A=<b>"',
      "        ],",
      '        "State": {',
      '            "Running": true,',
      '            "Pid": 0',
      "        }",
      "    }",
      "]",
    ].join("\n"));
  });
  it("prints an empty array as []", () => {
    expect(indentJson([])).toBe("[]");
  });
});
