import { describe, expect, it } from "vitest";
import { detachKeyBytes, EscapeProxy } from "../../../src/cli/detach-keys.js";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("detach keys (term.ToBytes)", () => {
  it("reads ctrl-<key> names and single characters", () => {
    expect(detachKeyBytes("ctrl-p,ctrl-q")).toEqual([16, 17]);
    expect(detachKeyBytes("ctrl-@,ctrl-[,ctrl-_,a,Z")).toEqual([0, 27, 31, 97, 90]);
    expect(detachKeyBytes("CTRL-X")).toEqual([24]);
  });

  it("rejects anything else with term's message", () => {
    expect(() => detachKeyBytes("bogus")).toThrow("Unknown character: 'bogus'");
    expect(() => detachKeyBytes("ctrl-1")).toThrow("Unknown character: 'ctrl-1'");
  });
});

describe("EscapeProxy", () => {
  it("swallows the whole sequence and reports the detach", () => {
    const p = new EscapeProxy([16, 17]);
    expect(p.push(bytes(16))).toEqual({ pass: bytes(), detach: false });
    expect(p.push(bytes(17))).toEqual({ pass: bytes(), detach: true });
  });

  it("lets a held key through when the next one breaks the sequence", () => {
    const p = new EscapeProxy([16, 17]);
    p.push(bytes(16));
    expect(p.push(bytes(97))).toEqual({ pass: bytes(16, 97), detach: false });
    expect(p.push(bytes(104, 105))).toEqual({ pass: bytes(104, 105), detach: false });
  });

  it("passes everything through without keys", () => {
    expect(new EscapeProxy([]).push(bytes(16, 17))).toEqual({ pass: bytes(16, 17), detach: false });
  });
});
