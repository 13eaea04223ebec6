import { describe, expect, it } from "vitest";
import { ellipsis, goQuote, truncateId } from "../../../src/formatter/strings.js";
import { displayWidth } from "../../../src/formatter/width.js";

describe("ellipsis + goQuote (docker ps COMMAND, reference 1.2)", () => {
  it.each([
    ["/docker-entrypoint.sh nginx -g 'daemon off;'", '"/docker-entrypoint.…"'],
    ["docker-entrypoint.sh postgres", '"docker-entrypoint.s…"'],
    ["sh -c 'echo hi'", "\"sh -c 'echo hi'\""],
    ["/hello", '"/hello"'],
  ])("%s", (cmd, shown) => {
    expect(goQuote(ellipsis(cmd, 20))).toBe(shown);
  });

  it("counts wide characters when truncating", () => {
    expect(ellipsis("日本語のコマンドです", 7)).toBe("日本語…");
    expect(ellipsis("abc", 3)).toBe("abc");
    expect(ellipsis("abcd", 1)).toBe("a");
    expect(ellipsis("abcd", 0)).toBe("");
  });

  it("quotes like strconv.Quote", () => {
    expect(goQuote('a"b\\c\n\t\x01\x7f\u00a0é…\u{1F600}')).toBe('"a\\"b\\\\c\\n\\t\\x01\\x7f\\u00a0é…\u{1F600}"');
  });
});

describe("truncateId", () => {
  it("strips the algorithm and keeps 12 characters", () => {
    expect(truncateId("sha256:605c77e624ddb75e6110f997c58876baa13f8754486b461117934b24a9dc3a85")).toBe("605c77e624dd");
    expect(truncateId("4c01db0b339cabcdef")).toBe("4c01db0b339c");
    expect(truncateId("short")).toBe("short");
  });
});

describe("displayWidth", () => {
  it("counts wide as 2 and combining marks as 0", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("한국")).toBe(4);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("…")).toBe(1);
  });
});
