import { describe, expect, it } from "vitest";
import {
  ReferenceError,
  familiarName,
  familiarString,
  fullName,
  fullString,
  isDigest,
  isNameOnly,
  parse,
  parseAnyReference,
  parseNamed,
  parseNormalizedNamed,
  tagNameOnly,
  trimNamed,
  validateDigestReference,
  validateTag,
} from "../../../src/engine/registry/reference.js";

const HEX64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const HEX32 = "0123456789abcdef0123456789abcdef";

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ReferenceError);
    return (e as Error).message;
  }
  throw new Error("expected a ReferenceError");
}

describe("parseNormalizedNamed", () => {
  it.each([
    ["nginx", "docker.io", "library/nginx", undefined, undefined],
    ["nginx:1.27", "docker.io", "library/nginx", "1.27", undefined],
    ["library/nginx", "docker.io", "library/nginx", undefined, undefined],
    ["docker.io/nginx", "docker.io", "library/nginx", undefined, undefined],
    ["index.docker.io/nginx:alpine", "docker.io", "library/nginx", "alpine", undefined],
    ["docker.io/library/nginx:latest", "docker.io", "library/nginx", "latest", undefined],
    ["dockerinaction/hello_world", "docker.io", "dockerinaction/hello_world", undefined, undefined],
    ["a/b/c", "docker.io", "a/b/c", undefined, undefined],
    ["localhost/app", "localhost", "app", undefined, undefined],
    ["localhost:5000/app:v1", "localhost:5000", "app", "v1", undefined],
    ["registry.example.com/team/app", "registry.example.com", "team/app", undefined, undefined],
    ["127.0.0.1:5000/x", "127.0.0.1:5000", "x", undefined, undefined],
    ["[::1]:5000/x", "[::1]:5000", "x", undefined, undefined],
    ["Foo/bar", "Foo", "bar", undefined, undefined],
    ["a__b", "docker.io", "library/a__b", undefined, undefined],
    ["a--b", "docker.io", "library/a--b", undefined, undefined],
    ["alpine:UP", "docker.io", "library/alpine", "UP", undefined],
    [`alpine@sha256:${HEX64}`, "docker.io", "library/alpine", undefined, `sha256:${HEX64}`],
    [`alpine:3@sha256:${HEX64}`, "docker.io", "library/alpine", "3", `sha256:${HEX64}`],
    // Not an ID: a name "sha256" with a 64-character tag (the real client accepts it).
    [`sha256:${HEX64}`, "docker.io", "library/sha256", HEX64, undefined],
  ])("%s", (input, domain, path, tag, digest) => {
    const ref = parseNormalizedNamed(input);
    expect(ref).toEqual({ domain, path, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) });
  });

  // Messages checked against the docker 28.2.2 client (`docker pull X`).
  it.each([
    ["UPPER", "invalid reference format: repository name (library/UPPER) must be lowercase"],
    ["Alpine:3", "invalid reference format: repository name (library/Alpine) must be lowercase"],
    ["foo/Bar", "invalid reference format: repository name (foo/Bar) must be lowercase"],
    ["localhost/UP", "invalid reference format: repository name (UP) must be lowercase"],
    ["docker.io/UP", "invalid reference format: repository name (library/UP) must be lowercase"],
    ["ex.com/UP:tag", "invalid reference format: repository name (UP) must be lowercase"],
    ["alpine:", "invalid reference format"],
    ["a b", "invalid reference format"],
    ["", "invalid reference format"],
    ["a//b", "invalid reference format"],
    ["alpine:-x", "invalid reference format"],
    [":tag", "invalid reference format"],
    ["/alpine", "invalid reference format"],
    ["alpine/", "invalid reference format"],
    ["a___b", "invalid reference format"],
    [`alpine:${"a".repeat(129)}`, "invalid reference format"],
    ["alpine@sha256:abc", "invalid reference format"],
    [`alpine@sha256:${HEX32}`, "invalid checksum digest length"],
    [`alpine@sha512:${HEX32}`, "invalid checksum digest length"],
    [`alpine@md5:${HEX32}`, "unsupported digest algorithm"],
    [`alpine@sha256:${HEX64.slice(0, 63)}F`, "invalid checksum digest format"],
    [HEX64, `invalid repository name (${HEX64}), cannot specify 64-byte hexadecimal strings`],
    ["a".repeat(256), "repository name must not be more than 255 characters"],
  ])("rejects %j", (input, message) => {
    expect(errorOf(() => parseNormalizedNamed(input))).toBe(message);
  });
});

describe("parse (no normalisation)", () => {
  it("keeps the name as given", () => {
    expect(parse("nginx")).toEqual({ domain: "", path: "nginx" });
    expect(parse("docker.io/library/nginx:1")).toEqual({ domain: "docker.io", path: "library/nginx", tag: "1" });
  });
  it.each([
    ["", "repository name must have at least one component"],
    ["NGINX", "repository name must be lowercase"],
    ["nginx:", "invalid reference format"],
  ])("rejects %j", (input, message) => {
    expect(errorOf(() => parse(input))).toBe(message);
  });
});

describe("parseNamed", () => {
  it("accepts canonical references only", () => {
    expect(parseNamed("docker.io/library/nginx:latest").tag).toBe("latest");
    expect(errorOf(() => parseNamed("nginx"))).toBe("repository name must be canonical");
    expect(errorOf(() => parseNamed("docker.io/nginx"))).toBe("repository name must be canonical");
  });
});

describe("formatting", () => {
  it.each([
    ["nginx", "nginx", "nginx", "docker.io/library/nginx"],
    ["nginx:1.27", "nginx", "nginx:1.27", "docker.io/library/nginx:1.27"],
    ["docker.io/library/foo/bar", "library/foo/bar", "library/foo/bar", "docker.io/library/foo/bar"],
    ["dockerinaction/hello_world", "dockerinaction/hello_world", "dockerinaction/hello_world", "docker.io/dockerinaction/hello_world"],
    ["localhost:5000/app:v1", "localhost:5000/app", "localhost:5000/app:v1", "localhost:5000/app:v1"],
    [`alpine@sha256:${HEX64}`, "alpine", `alpine@sha256:${HEX64}`, `docker.io/library/alpine@sha256:${HEX64}`],
  ])("%s", (input, name, familiar, full) => {
    const ref = parseNormalizedNamed(input);
    expect(familiarName(ref)).toBe(name);
    expect(familiarString(ref)).toBe(familiar);
    expect(fullString(ref)).toBe(full);
  });

  it("tagNameOnly adds latest only when there is neither tag nor digest", () => {
    expect(fullString(tagNameOnly(parseNormalizedNamed("nginx")))).toBe("docker.io/library/nginx:latest");
    expect(fullString(tagNameOnly(parseNormalizedNamed("nginx:alpine")))).toBe("docker.io/library/nginx:alpine");
    expect(tagNameOnly(parseNormalizedNamed(`nginx@sha256:${HEX64}`)).tag).toBeUndefined();
  });

  it("isNameOnly, trimNamed, fullName", () => {
    expect(isNameOnly(parseNormalizedNamed("nginx"))).toBe(true);
    expect(isNameOnly(parseNormalizedNamed("nginx:1"))).toBe(false);
    const t = trimNamed(parseNormalizedNamed(`a/b:1@sha256:${HEX64}`));
    expect(t).toEqual({ domain: "docker.io", path: "a/b" });
    expect(fullName(t)).toBe("docker.io/a/b");
  });
});

describe("tags and digests", () => {
  it("validateTag", () => {
    expect(() => validateTag("latest")).not.toThrow();
    expect(() => validateTag("v1.0_rc-2")).not.toThrow();
    expect(() => validateTag("a".repeat(128))).not.toThrow();
    for (const bad of ["", "-x", ".x", "a".repeat(129), "a/b", "a:b"]) {
      expect(errorOf(() => validateTag(bad))).toBe("invalid tag format");
    }
  });

  it("validateDigestReference", () => {
    expect(() => validateDigestReference(`sha256:${HEX64}`)).not.toThrow();
    expect(errorOf(() => validateDigestReference("sha256:abc"))).toBe("invalid digest format");
  });

  it("isDigest", () => {
    expect(isDigest(`sha256:${HEX64}`)).toBe(true);
    expect(isDigest(`sha512:${HEX64}${HEX64}`)).toBe(true);
    expect(isDigest(`sha256:${HEX32}`)).toBe(false);
    expect(isDigest(`sha256:${HEX64.toUpperCase()}`)).toBe(false);
    expect(isDigest(HEX64)).toBe(false);
    expect(isDigest("sha256:")).toBe(false);
  });
});

describe("parseAnyReference", () => {
  it("treats 64 hex digits and sha256 digests as image IDs", () => {
    expect(parseAnyReference(HEX64)).toEqual({ kind: "id", id: `sha256:${HEX64}` });
    expect(parseAnyReference(`sha256:${HEX64}`)).toEqual({ kind: "id", id: `sha256:${HEX64}` });
  });

  it("marks hex names that could be short IDs", () => {
    const r = parseAnyReference("605c77e624dd");
    expect(r).toEqual({ kind: "named", ref: { domain: "docker.io", path: "library/605c77e624dd" }, idPrefix: "605c77e624dd" });
    expect(parseAnyReference("nginx")).toEqual({ kind: "named", ref: { domain: "docker.io", path: "library/nginx" } });
    expect(parseAnyReference("abc")).toEqual({ kind: "named", ref: { domain: "docker.io", path: "library/abc" } });
  });

  it("passes reference errors through", () => {
    expect(errorOf(() => parseAnyReference("UPPER"))).toBe("invalid reference format: repository name (library/UPPER) must be lowercase");
  });
});
