import { describe, expect, it } from "vitest";
import {
  checkContainerFormat,
  ContainerContext,
  containerHeaders,
  formatContainers,
  formatPortLines,
  formatTop,
  goTimeStringInZone,
  newContainerFormat,
  type ContainerRow,
} from "../../../src/formatter/container.js";

const NOW = Date.UTC(2025, 5, 1, 10, 0, 0);

function row(over: Partial<ContainerRow> = {}): ContainerRow {
  return {
    Id: "4c01db0b339cf2a6e8c1b1e1f0a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4",
    Names: ["/web"],
    Image: "nginx",
    ImageID: "sha256:605c77e624ddb75e6110f997c58876baa13f8754486b461117934b24a9dc3a85",
    Command: "/docker-entrypoint.sh nginx -g 'daemon off;'",
    Created: NOW / 1000 - 120,
    Ports: [
      { IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
      { IP: "::", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
    ],
    Labels: { maintainer: "NGINX <m@nginx.com>", a: "1" },
    State: "running",
    Status: "Up 2 minutes",
    HostConfig: { NetworkMode: "bridge" },
    NetworkSettings: { Networks: { bridge: { NetworkID: "n", IPAddress: "172.17.0.2", MacAddress: "m" } } },
    Mounts: [
      { Type: "volume", Name: "0123456789abcdef0123", Source: "/var/lib/docker/volumes/x/_data", Destination: "/data", Driver: "local", Mode: "", RW: true, Propagation: "" },
      { Type: "bind", Source: "/home/me/site", Destination: "/usr/share/nginx/html", Mode: "", RW: true, Propagation: "rprivate" },
    ],
    ...over,
  };
}

const ctx = (over: Partial<ContainerRow> = {}, trunc = true) => new ContainerContext(row(over), { trunc, now: NOW });

describe("ContainerContext", () => {
  it("truncates the ID, command and mounts unless told not to", () => {
    expect(ctx().ID()).toBe("4c01db0b339c");
    expect(ctx({}, false).ID()).toHaveLength(64);
    expect(ctx().Command()).toBe('"/docker-entrypoint.…"');
    expect(ctx({}, false).Command()).toBe(`"/docker-entrypoint.sh nginx -g 'daemon off;'"`);
    expect(ctx({ Command: 'sh -c "x"' }).Command()).toBe('"sh -c \\"x\\""');
    expect(ctx().Mounts()).toBe("0123456789abcd…,/home/me/site");
    expect(ctx({}, false).Mounts()).toBe("0123456789abcdef0123,/home/me/site");
  });

  it("shows one name when truncating and all of them otherwise", () => {
    const names = { Names: ["/db/alias", "/c2", "/c2b"] };
    expect(ctx(names).Names()).toBe("c2");
    expect(ctx(names, false).Names()).toBe("db/alias,c2,c2b");
  });

  it("shortens images: digests dropped, familiar names, IDs to 12", () => {
    expect(ctx({ Image: "docker.io/library/busybox:latest" }).Image()).toBe("busybox:latest");
    expect(ctx({ Image: "nginx:1.25@sha256:" + "a".repeat(64) }).Image()).toBe("nginx:1.25");
    expect(ctx({ Image: "nginx@sha256:" + "a".repeat(64) }).Image()).toBe("nginx");
    expect(ctx({ Image: "sha256:605c77e624ddb75e6110f997c58876baa13f8754486b461117934b24a9dc3a85" }).Image()).toBe("605c77e624dd");
    expect(ctx({ Image: "" }).Image()).toBe("<no image>");
    expect(ctx({ Image: "docker.io/library/busybox:latest" }, false).Image()).toBe("docker.io/library/busybox:latest");
  });

  it("computes times from the client's clock and zone", () => {
    expect(ctx().RunningFor()).toBe("2 minutes ago");
    expect(ctx().CreatedAt()).toBe("2025-06-01 09:58:00 +0000 UTC");
    const berlin = new ContainerContext(row(), { trunc: true, now: NOW, tz: "Europe/Berlin" });
    expect(berlin.CreatedAt()).toBe("2025-06-01 11:58:00 +0200 CEST");
    expect(goTimeStringInZone(Date.UTC(2025, 0, 1, 12), "America/New_York")).toBe("2025-01-01 07:00:00 -0500 EST");
    expect(goTimeStringInZone(Date.UTC(2025, 0, 1, 12), "Not/AZone")).toBe("2025-01-01 12:00:00 +0000 UTC");
  });

  it("joins sorted labels, counts local volumes, lists networks", () => {
    expect(ctx().Labels()).toBe("a=1,maintainer=NGINX <m@nginx.com>");
    expect(ctx().Label("a")).toBe("1");
    expect(ctx().Label("nope")).toBe("");
    expect(ctx().LocalVolumes()).toBe("1");
    expect(ctx().Networks()).toBe("bridge");
    expect(ctx().Ports()).toBe("0.0.0.0:8080->80/tcp, [::]:8080->80/tcp");
  });

  it("formats sizes with the virtual size when known", () => {
    expect(ctx({ SizeRw: 2, SizeRootFs: 7_800_000 }).Size()).toBe("2B (virtual 7.8MB)");
    expect(ctx({ SizeRw: 1093 }).Size()).toBe("1.09kB");
    expect(ctx().Size()).toBe("0B");
  });

  it("marshals every field with sorted keys and HTML escaped", () => {
    const json = ctx().MarshalJSON();
    expect(Object.keys(JSON.parse(json))).toEqual([
      "Command", "CreatedAt", "ID", "Image", "Labels", "LocalVolumes", "Mounts", "Names", "Networks", "Platform", "Ports", "RunningFor", "Size", "State", "Status",
    ]);
    expect(json).toContain('"Ports":"0.0.0.0:8080-\\u003e80/tcp, [::]:8080-\\u003e80/tcp"');
    expect(json).toContain('"Platform":null');
    const withPlatform = ctx({ ImageManifestDescriptor: { platform: { architecture: "amd64", os: "linux" } } } as Partial<ContainerRow>);
    expect(withPlatform.MarshalJSON()).toContain('"Platform":{"architecture":"amd64","os":"linux"}');
    expect((withPlatform.Platform() as { String(): string }).String()).toBe("linux/amd64");
  });

  it("has docker's header for every field", () => {
    expect(containerHeaders).toMatchObject({ ID: "CONTAINER ID", RunningFor: "CREATED", CreatedAt: "CREATED AT", LocalVolumes: "LOCAL VOLUMES" });
    expect(Object.keys(containerHeaders)).toHaveLength(15);
  });
});

describe("container list formats", () => {
  it("picks docker's format for each source", () => {
    expect(newContainerFormat("", false, false)).toBe("table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}");
    expect(newContainerFormat("table", false, true)).toMatch(/\t\{\{\.Size\}\}$/);
    expect(newContainerFormat("", true, false)).toBe("{{.ID}}");
    expect(newContainerFormat("{{.Names}}", true, false)).toBe("{{.ID}}");
    expect(newContainerFormat("raw", true, false)).toBe("container_id: {{.ID}}");
  });

  it("renders the default table with the tabwriter rules", () => {
    const out = formatContainers([row()], { format: "", quiet: false, size: false, trunc: true, now: NOW });
    expect(out).toBe(
      "CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                                     NAMES\n" +
        '4c01db0b339c   nginx     "/docker-entrypoint.…"   2 minutes ago   Up 2 minutes   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web\n',
    );
  });

  it("leaves the header of a Label column empty (the header map has no Label method)", () => {
    const out = formatContainers([row()], { format: 'table {{.Names}}\\t{{.Label "a"}}', quiet: false, size: false, trunc: true, now: NOW });
    // The header stops at the error: "NAMES\t" and an empty last cell.
    expect(out).toBe("NAMES     \nweb       1\n");
  });

  it("detects .Size and rejects bad templates with docker's texts", () => {
    expect(checkContainerFormat("{{.Names}} {{.Size}}").usesSize).toBe(true);
    expect(checkContainerFormat("table {{.Names}}").usesSize).toBe(false);
    expect(() => checkContainerFormat("{{")).toThrow("failed to parse template: template: :1: unclosed action");
    expect(() => checkContainerFormat("{{.Foo}}")).toThrow(
      'failed to execute template: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
  });
});

describe("top and port layouts", () => {
  it("lays out top with a 20-column minimum", () => {
    expect(formatTop({ Titles: ["UID", "PID", "CMD"], Processes: [["root", "1", "sleep 100"]] })).toBe(
      "UID                 PID                 CMD\nroot                1                   sleep 100\n",
    );
  });

  it("lists port mappings in natural order", () => {
    const ports = {
      "8080/tcp": [{ HostIp: "0.0.0.0", HostPort: "80" }],
      "443/tcp": [{ HostIp: "::", HostPort: "443" }],
      "9/udp": null,
    };
    expect(formatPortLines(ports)).toBe("443/tcp -> [::]:443\n8080/tcp -> 0.0.0.0:80\n");
    expect(formatPortLines(ports, "443/tcp")).toBe("[::]:443\n");
    expect(formatPortLines({})).toBe("");
  });
});
