import { describe, expect, it } from "vitest";
import { displayablePorts, type PortSummary } from "../../../src/formatter/ports.js";

// Cases from docker/cli cli/command/formatter/container_test.go (TestDisplayablePorts), v28 forms.
describe("displayablePorts", () => {
  it.each<[PortSummary[], string]>([
    [[{ PrivatePort: 9988, Type: "tcp" }], "9988/tcp"],
    [[{ PrivatePort: 9988, Type: "udp" }], "9988/udp"],
    [[{ IP: "0.0.0.0", PrivatePort: 9988, Type: "tcp" }], "0.0.0.0:0->9988/tcp"],
    [[{ IP: "::", PrivatePort: 9988, Type: "tcp" }], "[::]:0->9988/tcp"],
    [[{ PrivatePort: 9988, PublicPort: 8899, Type: "tcp" }], "9988/tcp"],
    [[{ IP: "4.3.2.1", PrivatePort: 9988, PublicPort: 8899, Type: "tcp" }], "4.3.2.1:8899->9988/tcp"],
    [[{ IP: "4.3.2.1", PrivatePort: 9988, PublicPort: 9988, Type: "tcp" }], "4.3.2.1:9988->9988/tcp"],
    [[{ PrivatePort: 9988, Type: "udp" }, { PrivatePort: 9988, Type: "udp" }], "9988/udp, 9988/udp"],
    [[{ IP: "1.2.3.4", PublicPort: 9998, PrivatePort: 9998, Type: "udp" }, { IP: "1.2.3.4", PublicPort: 9999, PrivatePort: 9999, Type: "udp" }],
      "1.2.3.4:9998-9999->9998-9999/udp"],
    [[{ IP: "1.2.3.4", PublicPort: 8887, PrivatePort: 9998, Type: "udp" }, { IP: "1.2.3.4", PublicPort: 8888, PrivatePort: 9999, Type: "udp" }],
      "1.2.3.4:8887->9998/udp, 1.2.3.4:8888->9999/udp"],
    [[{ PrivatePort: 9998, Type: "udp" }, { PrivatePort: 9999, Type: "udp" }], "9998-9999/udp"],
    [[{ IP: "1.2.3.4", PrivatePort: 6677, PublicPort: 7766, Type: "tcp" }, { PrivatePort: 9988, PublicPort: 8899, Type: "udp" }],
      "9988/udp, 1.2.3.4:7766->6677/tcp"],
    [[{ IP: "1.2.3.4", PrivatePort: 9988, PublicPort: 8899, Type: "udp" }, { IP: "1.2.3.4", PrivatePort: 9988, PublicPort: 8899, Type: "tcp" },
      { IP: "4.3.2.1", PrivatePort: 2233, PublicPort: 3322, Type: "tcp" }],
      "4.3.2.1:3322->2233/tcp, 1.2.3.4:8899->9988/tcp, 1.2.3.4:8899->9988/udp"],
    [[{ PrivatePort: 9988, PublicPort: 8899, Type: "udp" }, { IP: "1.2.3.4", PrivatePort: 6677, PublicPort: 7766, Type: "tcp" },
      { IP: "4.3.2.1", PrivatePort: 2233, PublicPort: 3322, Type: "tcp" }],
      "9988/udp, 4.3.2.1:3322->2233/tcp, 1.2.3.4:7766->6677/tcp"],
    [[{ PrivatePort: 80, Type: "tcp" }, { PrivatePort: 1024, Type: "tcp" }, { PrivatePort: 80, Type: "udp" }, { PrivatePort: 1024, Type: "udp" },
      { IP: "1.1.1.1", PublicPort: 80, PrivatePort: 1024, Type: "tcp" }, { IP: "1.1.1.1", PublicPort: 80, PrivatePort: 1024, Type: "udp" },
      { IP: "1.1.1.1", PublicPort: 1024, PrivatePort: 80, Type: "tcp" }, { IP: "1.1.1.1", PublicPort: 1024, PrivatePort: 80, Type: "udp" },
      { IP: "2.1.1.1", PublicPort: 80, PrivatePort: 1024, Type: "tcp" }, { IP: "2.1.1.1", PublicPort: 80, PrivatePort: 1024, Type: "udp" },
      { IP: "2.1.1.1", PublicPort: 1024, PrivatePort: 80, Type: "tcp" }, { IP: "2.1.1.1", PublicPort: 1024, PrivatePort: 80, Type: "udp" },
      { PrivatePort: 12345, Type: "sctp" }],
      "80/tcp, 80/udp, 1024/tcp, 1024/udp, 12345/sctp, 1.1.1.1:1024->80/tcp, 1.1.1.1:1024->80/udp, 2.1.1.1:1024->80/tcp, 2.1.1.1:1024->80/udp, 1.1.1.1:80->1024/tcp, 1.1.1.1:80->1024/udp, 2.1.1.1:80->1024/tcp, 2.1.1.1:80->1024/udp"],
  ])("%j", (ports, shown) => {
    expect(displayablePorts(ports)).toBe(shown);
  });

  it("shows a dual-stack publish as docker 28 does (reference 1.2)", () => {
    expect(displayablePorts([
      { IP: "::", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
      { IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
    ])).toBe("0.0.0.0:8080->80/tcp, [::]:8080->80/tcp");
  });

  it("groups ranges published on the same ports", () => {
    expect(displayablePorts([8000, 8001, 8002].map((p) => ({ IP: "0.0.0.0", PrivatePort: p, PublicPort: p, Type: "tcp" }))))
      .toBe("0.0.0.0:8000-8002->8000-8002/tcp");
    expect(displayablePorts([80, 81, 82].map((p) => ({ PrivatePort: p, Type: "tcp" })))).toBe("80-82/tcp");
  });
});
