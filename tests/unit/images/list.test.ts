import { describe, expect, it } from "vitest";
import { listImages } from "../../../src/engine/images/list.js";
import { pathMatch } from "../../../src/engine/images/glob.js";
import { addContainer, addImage, DIGEST, makeEngine, T0 } from "./fixtures.js";

const DAY = 86_400_000;

async function setup() {
  const { engine } = makeEngine();
  const ids = await engine.transact((tx) => {
    const nginx = addImage(tx, { layers: ["n"], created: T0 - 10 * DAY, refs: ["nginx:latest", `nginx@${DIGEST("n")}`], labels: { maintainer: "NGINX" } });
    const alpine = addImage(tx, { layers: ["a"], created: T0 - 5 * DAY, refs: ["alpine:3.20", "myrepo/alpine:dev"] });
    const digestOnly = addImage(tx, { layers: ["old"], created: T0 - 20 * DAY, refs: [`nginx@${DIGEST("old")}`] });
    const dangling = addImage(tx, { layers: ["d"], created: T0 - 1 * DAY });
    const parent = addImage(tx, { layers: ["p"], created: T0 - 30 * DAY });
    const child = addImage(tx, { layers: ["p", "c"], created: T0 - 2 * DAY, parent, refs: ["app:1"] });
    addContainer(tx, "f".repeat(64), nginx, true);
    return { nginx, alpine, digestOnly, dangling, parent, child };
  });
  return { engine, ids };
}

describe("listImages", () => {
  it("one summary per image, newest first, intermediate parents hidden", async () => {
    const { engine, ids } = await setup();
    const list = listImages(await engine.view());
    expect(list.map((s) => s.Id)).toEqual([ids.dangling, ids.child, ids.alpine, ids.nginx, ids.digestOnly]);
    const nginx = list.find((s) => s.Id === ids.nginx)!;
    expect(nginx).toEqual({
      Containers: -1,
      Created: Math.floor((T0 - 10 * DAY) / 1000),
      Id: ids.nginx,
      Labels: { maintainer: "NGINX" },
      ParentId: "",
      RepoDigests: [`nginx@${DIGEST("n")}`],
      RepoTags: ["nginx:latest"],
      SharedSize: -1,
      Size: 1000,
    });
    expect(Object.keys(nginx)).toEqual(["Containers", "Created", "Id", "Labels", "ParentId", "RepoDigests", "RepoTags", "SharedSize", "Size"]);
    expect(list.find((s) => s.Id === ids.alpine)!.RepoTags).toEqual(["alpine:3.20", "myrepo/alpine:dev"]);
    expect(list.find((s) => s.Id === ids.dangling)).toMatchObject({ RepoTags: [], RepoDigests: [] });
  });

  it("-a shows intermediate images; container counts on request", async () => {
    const { engine, ids } = await setup();
    const view = await engine.view();
    expect(listImages(view, { all: true }).map((s) => s.Id)).toContain(ids.parent);
    expect(listImages(view, { containerCount: true }).find((s) => s.Id === ids.nginx)!.Containers).toBe(1);
  });

  it("dangling filter", async () => {
    const { engine, ids } = await setup();
    const view = await engine.view();
    expect(listImages(view, { filters: { dangling: ["true"] } }).map((s) => s.Id)).toEqual([ids.dangling, ids.digestOnly]);
    expect(listImages(view, { filters: { dangling: ["false"] } }).map((s) => s.Id)).toEqual([ids.child, ids.alpine, ids.nginx, ids.digestOnly]);
    expect(() => listImages(view, { filters: { dangling: ["foo"] } })).toThrow("invalid filter 'dangling=[foo]'");
    expect(() => listImages(view, { filters: { foo: ["bar"] } })).toThrow("invalid filter 'foo'");
  });

  it("reference filter globs on familiar names", async () => {
    const { engine, ids } = await setup();
    const view = await engine.view();
    expect(listImages(view, { filters: { reference: ["alpine"] } }).map((s) => s.RepoTags)).toEqual([["alpine:3.20"]]);
    expect(listImages(view, { filters: { reference: ["*/alpine"] } }).map((s) => s.RepoTags)).toEqual([["myrepo/alpine:dev"]]);
    const tagged = listImages(view, { filters: { reference: ["nginx:latest"] } });
    expect(tagged.map((s) => s.Id)).toEqual([ids.nginx]);
    expect(tagged[0]!.RepoDigests).toEqual([`nginx@${DIGEST("n")}`]);
    expect(listImages(view, { filters: { reference: ["ngin?"] } }).map((s) => s.Id)).toEqual([ids.nginx, ids.digestOnly]);
  });

  it("label, before, since and until filters", async () => {
    const { engine, ids } = await setup();
    const view = await engine.view();
    expect(listImages(view, { filters: { label: ["maintainer=NGINX"] } }).map((s) => s.Id)).toEqual([ids.nginx]);
    expect(listImages(view, { filters: { label: ["maintainer=other"] } })).toEqual([]);
    expect(listImages(view, { filters: { before: ["alpine:3.20"] } }).map((s) => s.Id)).toEqual([ids.nginx, ids.digestOnly]);
    expect(listImages(view, { filters: { since: ["alpine:3.20"] } }).map((s) => s.Id)).toEqual([ids.dangling, ids.child]);
    expect(listImages(view, { filters: { until: ["72h"] } }).map((s) => s.Id)).toEqual([ids.alpine, ids.nginx, ids.digestOnly]);
    expect(() => listImages(view, { filters: { before: ["nope"] } })).toThrow("No such image: nope:latest");
    expect(() => listImages(view, { filters: { until: ["soon"] } })).toThrow('failed to parse value as time or duration: "soon"');
  });
});

describe("pathMatch (Go path.Match)", () => {
  it("matches like Go", () => {
    expect(pathMatch("*", "nginx")).toBe(true);
    expect(pathMatch("*", "library/nginx")).toBe(false);
    expect(pathMatch("*/*", "a/b")).toBe(true);
    expect(pathMatch("ng[a-z]nx", "nginx")).toBe(true);
    expect(pathMatch("ng[^a-z]nx", "nginx")).toBe(false);
    expect(pathMatch("a\\*b", "a*b")).toBe(true);
    expect(() => pathMatch("[", "x")).toThrow("syntax error in pattern");
  });
});
