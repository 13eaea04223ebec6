import { describe, expect, it } from "vitest";
import type { ImageSummary } from "../../../src/client/api.js";
import { formatImages, imageRows, newImageFormat, defaultImageTableFormat, defaultImageTableFormatWithDigest } from "../../../src/formatter/image.js";

const NOW = Date.UTC(2025, 5, 1, 10, 0, 0);
const D1 = "sha256:" + "1".repeat(64);
const D2 = "sha256:" + "2".repeat(64);

function image(over: Partial<ImageSummary> = {}): ImageSummary {
  return {
    Id: "sha256:" + "ab".repeat(32),
    ParentId: "",
    RepoTags: [],
    RepoDigests: [],
    Created: NOW / 1000 - 3 * 86400,
    Size: 7_834_000,
    SharedSize: -1,
    Labels: null,
    Containers: -1,
    ...over,
  };
}

const opts = { trunc: true, now: NOW, digest: false, format: defaultImageTableFormat };
const rows = (img: ImageSummary, o: Partial<typeof opts> = {}) =>
  imageRows([img], { ...opts, ...o }).map((r) => [r.Repository(), r.Tag(), r.Digest()]);

describe("imageRows (docker/cli imageFormat)", () => {
  it("gives one row per (repository, tag), with <none> digests unless asked", () => {
    const img = image({ RepoTags: ["nginx:latest", "nginx:1.27", "localhost:5000/web:v1"], RepoDigests: [`nginx@${D1}`] });
    expect(rows(img)).toEqual([
      ["nginx", "latest", "<none>"],
      ["nginx", "1.27", "<none>"],
      ["localhost:5000/web", "v1", "<none>"],
    ]);
  });

  it("attaches a repository's digests to each of its tags with --digests or {{.Digest}}", () => {
    const img = image({ RepoTags: ["nginx:latest", "other:1"], RepoDigests: [`nginx@${D1}`, `nginx@${D2}`] });
    const expected = [
      ["nginx", "latest", D1],
      ["nginx", "latest", D2],
      ["other", "1", "<none>"],
    ];
    expect(rows(img, { digest: true })).toEqual(expected);
    expect(rows(img, { format: "{{.Repository}} {{.Digest}}" })).toEqual(expected);
  });

  it("shows a repository known only by digest as <none>, with its digests only under --digests", () => {
    const img = image({ RepoTags: ["new:latest"], RepoDigests: [`old@${D1}`, `old@${D2}`] });
    expect(rows(img)).toEqual([
      ["new", "latest", "<none>"],
      ["old", "<none>", ""],
    ]);
    expect(rows(img, { digest: true })).toEqual([
      ["new", "latest", "<none>"],
      ["old", "<none>", D1],
      ["old", "<none>", D2],
    ]);
  });

  it("shows a dangling image as <none> <none> <none>", () => {
    expect(rows(image())).toEqual([["<none>", "<none>", "<none>"]]);
    expect(rows(image({ RepoTags: ["<none>:<none>"], RepoDigests: ["<none>@<none>"] }))).toEqual([["<none>", "<none>", "<none>"]]);
  });

  it("formats the row values as docker does", () => {
    const [r] = imageRows([image({ RepoTags: ["a:b"], Containers: 2, SharedSize: 1_000_000 })], opts);
    expect(r!.ID()).toBe("abababababab");
    expect(r!.Size()).toBe("7.83MB");
    expect(r!.VirtualSize()).toBe("7.834MB");
    expect(r!.SharedSize()).toBe("1MB");
    expect(r!.UniqueSize()).toBe("6.834MB");
    expect(r!.Containers()).toBe("2");
    expect(r!.CreatedSince()).toBe("3 days ago");
    expect(r!.CreatedAt()).toBe("2025-05-29 10:00:00 +0000 UTC");
    const [full] = imageRows([image({ RepoTags: ["a:b"] })], { ...opts, trunc: false });
    expect(full!.ID()).toBe("sha256:" + "ab".repeat(32));
    expect(full!.SharedSize()).toBe("N/A");
    expect(full!.UniqueSize()).toBe("N/A");
    expect(full!.Containers()).toBe("N/A");
  });

  it("shows N/A only for Go's zero time", () => {
    const zero = image({ RepoTags: ["a:b"], Created: -62135596800 });
    const epoch = image({ RepoTags: ["c:d"], Created: 0 });
    const text = formatImages([zero, epoch], { format: "table", quiet: false, digest: false, trunc: true, now: NOW });
    expect(text.split("\n")[1]).toMatch(/^a +b +abababababab +N\/A +7\.83MB$/);
    expect(text.split("\n")[2]).toMatch(/ 55 years ago /);
  });
});

describe("newImageFormat", () => {
  it("picks docker's defaults", () => {
    expect(newImageFormat("table", false, false)).toBe(defaultImageTableFormat);
    expect(newImageFormat("table", false, true)).toBe(defaultImageTableFormatWithDigest);
    expect(newImageFormat("table", true, true)).toBe("{{.ID}}");
    expect(newImageFormat("raw", true, false)).toBe("image_id: {{.ID}}");
    expect(newImageFormat("table {{.ID}}", false, true)).toBe("table {{.ID}}\t{{.Digest}}");
    expect(newImageFormat("table {{.Digest}}", false, true)).toBe("table {{.Digest}}");
    expect(newImageFormat("{{.ID}}", true, true)).toBe("{{.ID}}");
  });
});

describe("formatImages", () => {
  const imgs = [image({ RepoTags: ["alpine:latest"], RepoDigests: [`alpine@${D1}`] })];
  const base = { quiet: false, digest: false, trunc: true, now: NOW };

  it("marshals a row with sorted keys and HTML escaping", () => {
    expect(formatImages(imgs, { ...base, format: "json" })).toBe(
      '{"Containers":"N/A","CreatedAt":"2025-05-29 10:00:00 +0000 UTC","CreatedSince":"3 days ago","Digest":"\\u003cnone\\u003e",' +
        '"ID":"abababababab","Repository":"alpine","SharedSize":"N/A","Size":"7.83MB","Tag":"latest","UniqueSize":"N/A","VirtualSize":"7.834MB"}\n',
    );
  });

  it("renders headers from the header map, including unknown columns as <no value>", () => {
    const text = formatImages(imgs, { ...base, format: "table {{.Repository}}\t{{.CreatedAt}}\t{{.SharedSize}}\t{{.Containers}}" });
    expect(text.split("\n")[0]).toBe("REPOSITORY   CREATED AT                      SHARED SIZE   CONTAINERS");
    expect(formatImages([], { ...base, format: "table {{.Repository}}\t{{.Bogus}}" })).toBe("REPOSITORY   <no value>\n");
  });

  it("prints only the header for no images", () => {
    expect(formatImages([], { ...base, format: "table" })).toBe("REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n");
    expect(formatImages([], { ...base, format: "table", digest: true })).toBe("REPOSITORY   TAG       DIGEST    IMAGE ID   CREATED   SIZE\n");
  });

  it("reports execution errors against *formatter.imageContext", () => {
    expect(() => formatImages(imgs, { ...base, format: "{{.Bogus}}" })).toThrow(
      'template parsing error: template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *formatter.imageContext',
    );
  });

  it("keeps private state out of templates", () => {
    expect(() => formatImages(imgs, { ...base, format: "{{.repo}}" })).toThrow(/can't evaluate field repo/);
  });
});
