import { describe, expect, it } from "vitest";
import { removeImage } from "../../../src/engine/images/remove.js";
import { chainIds } from "../../../src/engine/images/layers.js";
import { addContainer, addImage, diff, DIGEST, makeEngine } from "./fixtures.js";

const short = (id: string) => id.slice(7, 19);

describe("removeImage", () => {
  it("untags the tag and its digest, deletes the image and its unshared layers top first", async () => {
    const { engine, store } = makeEngine();
    const id = await engine.transact((tx) => addImage(tx, { layers: ["a", "b"], refs: ["nginx:latest", `nginx@${DIGEST("n")}`] }));
    const out = await engine.transact((tx) => removeImage(tx, "nginx", {}));
    const [c1, c2] = chainIds([diff("a"), diff("b")]);
    expect(out).toEqual([{ Untagged: "nginx:latest" }, { Untagged: `nginx@${DIGEST("n")}` }, { Deleted: id }, { Deleted: c2 }, { Deleted: c1 }]);
    expect(c1).toBe(diff("a"));
    const s = store.snapshot()!;
    expect(s.images).toEqual({});
    expect(s.references).toEqual({});
    expect(s.layers).toEqual({});
    const actions = s.events.map((e) => `${e.action} ${e.actorId}`);
    expect(actions).toEqual([`untag ${id}`, `delete ${id}`]);
  });

  it("keeps layers another image shares", async () => {
    const { engine, store } = makeEngine();
    await engine.transact((tx) => addImage(tx, { layers: ["base"], refs: ["alpine:latest"] }));
    const id = await engine.transact((tx) => addImage(tx, { layers: ["base", "app"], refs: ["app:1"] }));
    const out = await engine.transact((tx) => removeImage(tx, "app:1"));
    const chains = chainIds([diff("base"), diff("app")]);
    expect(out).toEqual([{ Untagged: "app:1" }, { Deleted: id }, { Deleted: chains[1] }]);
    expect(Object.keys(store.snapshot()!.layers)).toEqual([diff("base")]);
  });

  it("only untags when other tags remain", async () => {
    const { engine, store } = makeEngine();
    const id = await engine.transact((tx) => addImage(tx, { layers: ["a"], refs: ["app:1", "app:2"] }));
    expect(await engine.transact((tx) => removeImage(tx, "app:1"))).toEqual([{ Untagged: "app:1" }]);
    expect(store.snapshot()!.references).toEqual({ "docker.io/library/app:2": id });
  });

  it("reports the missing image with the tag defaulted", async () => {
    const { engine } = makeEngine();
    await expect(engine.transact((tx) => removeImage(tx, "nope"))).rejects.toMatchObject({ message: "No such image: nope:latest", httpStatus: 404 });
  });

  it("refuses to untag the only reference of an image a container uses", async () => {
    const { engine } = makeEngine();
    const cid = "3c2d0e7e1c4a".padEnd(64, "0");
    const id = await engine.transact((tx) => {
      const id = addImage(tx, { layers: ["a"], refs: ["nginx:latest"] });
      addContainer(tx, cid, id, false);
      return id;
    });
    await expect(engine.transact((tx) => removeImage(tx, "nginx"))).rejects.toMatchObject({
      message: `conflict: unable to remove repository reference "nginx" (must force) - container 3c2d0e7e1c4a is using its referenced image ${short(id)}`,
      httpStatus: 409,
    });
  });

  it("by id: stopped container must be forced, running cannot be", async () => {
    const { engine, store } = makeEngine();
    const cid = "aaaabbbbcccc".padEnd(64, "1");
    const id = await engine.transact((tx) => {
      const id = addImage(tx, { layers: ["a"], refs: ["nginx:latest"] });
      addContainer(tx, cid, id, false);
      return id;
    });
    await expect(engine.transact((tx) => removeImage(tx, short(id)))).rejects.toThrow(
      `conflict: unable to delete ${short(id)} (must be forced) - image is being used by stopped container aaaabbbbcccc`,
    );
    const out = await engine.transact((tx) => removeImage(tx, short(id), { force: true }));
    // The stopped container still sits on the layers, so none is freed.
    expect(out).toEqual([{ Untagged: "nginx:latest" }, { Deleted: id }]);
    expect(Object.keys(store.snapshot()!.layers)).toEqual([diff("a")]);

    const id2 = await engine.transact((tx) => {
      const id2 = addImage(tx, { layers: ["b"], refs: ["web:latest"] });
      addContainer(tx, "dddd".padEnd(64, "2"), id2, true);
      return id2;
    });
    await expect(engine.transact((tx) => removeImage(tx, id2, { force: true }))).rejects.toThrow(
      `conflict: unable to delete ${short(id2)} (cannot be forced) - image is being used by running container dddd22222222`,
    );
  });

  it("by id: tags in several repositories need -f, which untags them all", async () => {
    const { engine } = makeEngine();
    const id = await engine.transact((tx) => addImage(tx, { layers: ["a"], refs: ["one:latest", "two:latest"] }));
    await expect(engine.transact((tx) => removeImage(tx, id))).rejects.toThrow(
      `conflict: unable to delete ${short(id)} (must be forced) - image is referenced in multiple repositories`,
    );
    const out = await engine.transact((tx) => removeImage(tx, id, { force: true }));
    expect(out).toEqual([{ Untagged: "one:latest" }, { Untagged: "two:latest" }, { Deleted: id }, { Deleted: diff("a") }]);
  });

  it("by id: an image with children cannot be deleted", async () => {
    const { engine } = makeEngine();
    const parent = await engine.transact((tx) => addImage(tx, { layers: ["a"] }));
    await engine.transact((tx) => addImage(tx, { layers: ["a", "b"], parent, refs: ["child:latest"] }));
    await expect(engine.transact((tx) => removeImage(tx, parent, { force: true }))).rejects.toThrow(
      `conflict: unable to delete ${short(parent)} (cannot be forced) - image has dependent child images`,
    );
  });

  it("removing a child prunes its untagged parent unless noPrune", async () => {
    const { engine } = makeEngine();
    const parent = await engine.transact((tx) => addImage(tx, { layers: ["a"] }));
    const child = await engine.transact((tx) => addImage(tx, { layers: ["a", "b"], parent, refs: ["child:latest"] }));
    const [c1, c2] = chainIds([diff("a"), diff("b")]);
    const out = await engine.transact((tx) => removeImage(tx, "child"));
    expect(out).toEqual([{ Untagged: "child:latest" }, { Deleted: child }, { Deleted: c2 }, { Deleted: parent }, { Deleted: c1 }]);
  });
});
