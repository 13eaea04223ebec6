import { describe, expect, it } from "vitest";
import {
  bytesSize, formatG, fromHumanSize, humanDuration, humanSize, humanSizeWithPrecision, ramInBytes, UnitsError,
} from "../../../src/formatter/units.js";
import { formatExp, formatFixed, formatFloatV } from "../../../src/formatter/gofloat.js";

describe("go-units sizes", () => {
  it("HumanSizeWithPrecision(n, 3) as docker ps/images show it", () => {
    expect([0, 13_300, 7_800_000, 187_000_000, 1_090, 1_200_000_000, 2].map((n) => humanSizeWithPrecision(n, 3)))
      .toEqual(["0B", "13.3kB", "7.8MB", "187MB", "1.09kB", "1.2GB", "2B"]);
  });

  it("keeps Go's exponent quirk when rounding reaches 1000", () => {
    expect(humanSizeWithPrecision(999_999, 3)).toBe("1e+03kB");
    expect(humanSizeWithPrecision(999_500, 3)).toBe("1e+03kB");
  });

  it("rounds exact halves to even like strconv", () => {
    expect(humanSizeWithPrecision(1_125, 3)).toBe("1.12kB");
    expect(humanSizeWithPrecision(1_135, 3)).toBe("1.14kB");
  });

  it("HumanSize uses 4 digits, BytesSize base 1024", () => {
    expect([0, 1_093, 187_400_000, 7_797_000, 199_700_000].map(humanSize)).toEqual(["0B", "1.093kB", "187.4MB", "7.797MB", "199.7MB"]);
    expect(bytesSize(8_232_296_448)).toBe("7.667GiB");
    expect(bytesSize(1024)).toBe("1KiB");
  });
});

describe("Go float formatting", () => {
  it("formatG matches %.Ng", () => {
    expect(formatG(2.5, 1)).toBe("2");
    expect(formatG(0.00001234, 3)).toBe("1.23e-05");
    expect(formatG(123456, 3)).toBe("1.23e+05");
    expect(formatG(100, 3)).toBe("100");
    expect(formatG(-1.5, 4)).toBe("-1.5");
  });
  it("%v, %f and %e", () => {
    expect([1e6, 123456, 0.000001, 1.5, 1e21].map(formatFloatV)).toEqual(["1e+06", "123456", "1e-06", "1.5", "1e+21"]);
    expect(formatFixed(3.14159, 2)).toBe("3.14");
    expect(formatFixed(2.5, 0)).toBe("2");
    expect(formatExp(1234.5678, 6)).toBe("1.234568e+03");
  });
});

describe("RAMInBytes / FromHumanSize (checked against docker run -m)", () => {
  it("parses sizes", () => {
    expect(ramInBytes("512m")).toBe(512 * 1024 * 1024);
    expect(ramInBytes("1.5k")).toBe(1536);
    expect(ramInBytes("1GiB")).toBe(2 ** 30);
    expect(ramInBytes("5 ")).toBe(5);
    expect(ramInBytes("10b")).toBe(10);
    expect(fromHumanSize("1kB")).toBe(1000);
    expect(fromHumanSize("1.5 MB")).toBe(1_500_000);
  });
  it.each([
    ["abc", "invalid size: 'abc'"],
    ["10x", "invalid suffix: 'x'"],
    ["10X", "invalid suffix: 'x'"],
    ["10KiBB", "invalid suffix: 'KiBB'"],
    ["10Kx", "invalid suffix: 'kx'"],
    ["10Bb", "invalid suffix: 'bb'"],
    ["-5", "invalid size: '-5'"],
    [" 5", 'strconv.ParseFloat: parsing " 5": invalid syntax'],
    ["1.2.3", 'strconv.ParseFloat: parsing "1.2.3": invalid syntax'],
  ])("rejects %j", (input, message) => {
    expect(() => ramInBytes(input)).toThrow(new UnitsError(message));
  });
});

describe("HumanDuration (reference 0.5)", () => {
  const s = 1000;
  const m = 60 * s;
  const h = 60 * m;
  const d = 24 * h;
  it.each([
    [500, "Less than a second"], [s, "1 second"], [59 * s, "59 seconds"], [60 * s, "About a minute"],
    [119 * s, "About a minute"], [2 * m, "2 minutes"], [59 * m, "59 minutes"], [60 * m, "About an hour"],
    [89 * m, "About an hour"], [90 * m, "2 hours"], [47 * h, "47 hours"], [48 * h, "2 days"], [13 * d, "13 days"],
    [14 * d, "2 weeks"], [59 * d, "8 weeks"], [60 * d, "2 months"], [729 * d, "24 months"], [730 * d, "2 years"],
  ])("%d ms -> %s", (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
