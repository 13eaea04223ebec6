import { describe, expect, it } from "vitest";
import { NAME_LEFT, NAME_RIGHT, generateName } from "../../../src/engine/containers/names.js";

/** Returns a randInt that yields the given values in order and records the bounds it was asked for. */
function scripted(values: number[]) {
  const bounds: number[] = [];
  let i = 0;
  const randInt = (n: number): number => {
    bounds.push(n);
    if (i >= values.length) throw new Error("randInt called too often");
    return values[i++]!;
  };
  return { randInt, bounds };
}

describe("container name lists", () => {
  it("match moby's frozen lists", () => {
    expect(NAME_LEFT).toHaveLength(108);
    expect(NAME_RIGHT).toHaveLength(236);
    expect(NAME_LEFT.slice(0, 4)).toEqual(["admiring", "adoring", "affectionate", "agitated"]);
    expect(NAME_LEFT[NAME_LEFT.length - 1]).toBe("zen");
    expect(NAME_RIGHT.slice(0, 3)).toEqual(["agnesi", "albattani", "allen"]);
    expect(NAME_RIGHT[NAME_RIGHT.length - 1]).toBe("zhukovsky");
    expect(NAME_LEFT).not.toContain("kickass");
    expect(new Set(NAME_LEFT).size).toBe(NAME_LEFT.length);
    expect(new Set(NAME_RIGHT).size).toBe(NAME_RIGHT.length);
    for (const n of [...NAME_LEFT, ...NAME_RIGHT]) expect(n).toMatch(/^[a-z]+$/);
  });
});

describe("generateName", () => {
  it("joins left and right with an underscore, left drawn first", () => {
    const r = scripted([0, NAME_RIGHT.length - 1]);
    expect(generateName(r.randInt, 0)).toBe("admiring_zhukovsky");
    expect(r.bounds).toEqual([NAME_LEFT.length, NAME_RIGHT.length]);
  });

  it("re-rolls boring_wozniak", () => {
    const boring = NAME_LEFT.indexOf("boring");
    const wozniak = NAME_RIGHT.indexOf("wozniak");
    const r = scripted([boring, wozniak, boring, wozniak + 1]);
    expect(generateName(r.randInt, 0)).toBe("boring_wright");
    expect(r.bounds).toHaveLength(4);
  });

  it("appends a digit from randInt(10) only when retry > 0", () => {
    const r = scripted([5, 7, 3]);
    expect(generateName(r.randInt, 1)).toBe(`${NAME_LEFT[5]}_${NAME_RIGHT[7]}3`);
    expect(r.bounds).toEqual([NAME_LEFT.length, NAME_RIGHT.length, 10]);
    const r0 = scripted([6, 7]);
    expect(generateName(r0.randInt, 0)).toBe("awesome_aryabhata");
  });
});
