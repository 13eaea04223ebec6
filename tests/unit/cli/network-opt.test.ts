import { describe, expect, it } from "vitest";
import { parseNetworkAttachment } from "../../../src/cli/specs/network-opt.js";

describe("--network values (opts.NetworkOpt.Set)", () => {
  it("takes a plain name as it is", () => {
    expect(parseNetworkAttachment("MyNet")).toMatchObject({ target: "MyNet", aliases: [] });
    expect(parseNetworkAttachment("container:web")).toMatchObject({ target: "container:web" });
  });

  it("reads the long syntax, lower-casing every field as docker does", () => {
    expect(parseNetworkAttachment("name=Back,alias=API,alias=b,ip=10.0.0.5,driver-opt=a=1")).toMatchObject({
      target: "back",
      aliases: ["api", "b"],
      ipv4Address: "10.0.0.5",
      driverOpts: { a: "1" },
    });
  });

  it("fails with docker's texts", () => {
    expect(() => parseNetworkAttachment("x=y")).toThrow("invalid field key x");
    expect(() => parseNetworkAttachment("alias=a")).toThrow("network name/id is not specified");
    expect(() => parseNetworkAttachment("name=a,bad")).toThrow("invalid field bad");
  });
});
