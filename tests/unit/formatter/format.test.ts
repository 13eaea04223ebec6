import { describe, expect, it } from "vitest";
import {
  FormatError, isJson, isTable, marshalContext, preFormat, renderContexts,
} from "../../../src/formatter/format.js";

const PS_FORMAT = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
const PS_HEADER = {
  ID: "CONTAINER ID", Image: "IMAGE", Command: "COMMAND", RunningFor: "CREATED", Status: "STATUS",
  Ports: "PORTS", Names: "NAMES", Size: "SIZE", Labels: "LABELS",
};
const row = (ID: string, Image: string, Command: string, RunningFor: string, Status: string, Ports: string, Names: string) =>
  ({ ID, Image, Command, RunningFor, Status, Ports, Names });

describe("preFormat / isTable / isJson", () => {
  it("removes table, trims spaces and expands typed \\t and \\n", () => {
    expect(preFormat("table {{.ID}}\\t{{.Names}} ")).toBe("{{.ID}}\t{{.Names}}");
    expect(preFormat("json")).toBe("{{json .}}");
    expect(preFormat("  {{.ID}}\\n")).toBe("{{.ID}}\n");
    expect(isTable("table")).toBe(true);
    expect(isTable("tablex {{.ID}}")).toBe(true);
    expect(isTable("{{.ID}}")).toBe(false);
    expect(isJson("json")).toBe(true);
    expect(isJson("json ")).toBe(false);
  });
});

describe("renderContexts", () => {
  it("prints only the header for zero rows (docker ps on an empty host)", () => {
    expect(renderContexts({ format: PS_FORMAT, contexts: [], header: PS_HEADER }))
      .toBe("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
  });

  it("lays out the reference 1.1 example", () => {
    const out = renderContexts({
      format: PS_FORMAT,
      header: PS_HEADER,
      contexts: [
        row("4c01db0b339c", "nginx", '"/docker-entrypoint.…"', "2 minutes ago", "Up 2 minutes", "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp", "web"),
        row("a8c2b0f4d1e3", "redis:7", '"docker-entrypoint.s…"', "5 hours ago", "Exited (0) 3 hours ago", "", "cache"),
      ],
    });
    expect(out).toBe([
      "CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                   PORTS                                     NAMES",
      "4c01db0b339c   nginx     \"/docker-entrypoint.…\"   2 minutes ago   Up 2 minutes             0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web",
      "a8c2b0f4d1e3   redis:7   \"docker-entrypoint.s…\"   5 hours ago     Exited (0) 3 hours ago                                             cache",
      "",
    ].join("\n"));
  });

  it("matches the upstream golden container-list-without-format", () => {
    const ports = ["", "", "80-82/tcp", "81/udp", "8.8.8.8:82->82/tcp"];
    const out = renderContexts({
      format: PS_FORMAT,
      header: PS_HEADER,
      contexts: ports.map((p, i) => row("container_id", "busybox:latest", '"top"', "About a minute ago", "Up 1 minute", p, `c${i + 1}`)),
    });
    expect(out).toBe([
      "CONTAINER ID   IMAGE            COMMAND   CREATED              STATUS        PORTS                NAMES",
      "container_id   busybox:latest   \"top\"     About a minute ago   Up 1 minute                        c1",
      "container_id   busybox:latest   \"top\"     About a minute ago   Up 1 minute                        c2",
      "container_id   busybox:latest   \"top\"     About a minute ago   Up 1 minute   80-82/tcp            c3",
      "container_id   busybox:latest   \"top\"     About a minute ago   Up 1 minute   81/udp               c4",
      "container_id   busybox:latest   \"top\"     About a minute ago   Up 1 minute   8.8.8.8:82->82/tcp   c5",
      "",
    ].join("\n"));
  });

  it("renders the docker images default table with if/else (reference 2)", () => {
    const out = renderContexts({
      format: "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}",
      header: { Repository: "REPOSITORY", Tag: "TAG", ID: "IMAGE ID", CreatedSince: "CREATED", Size: "SIZE" },
      contexts: [
        { Repository: "nginx", Tag: "latest", ID: "605c77e624dd", CreatedSince: "2 weeks ago", Size: "192MB" },
        { Repository: "alpine", Tag: "3.20", ID: "1d34ffeaf190", CreatedSince: "3 months ago", Size: "7.8MB" },
        { Repository: "<none>", Tag: "<none>", ID: "9a1c3f0e2b7d", CreatedSince: "", Size: "13.3kB" },
      ],
    });
    expect(out).toBe([
      "REPOSITORY   TAG       IMAGE ID       CREATED        SIZE",
      "nginx        latest    605c77e624dd   2 weeks ago    192MB",
      "alpine       3.20      1d34ffeaf190   3 months ago   7.8MB",
      "<none>       <none>    9a1c3f0e2b7d   N/A            13.3kB",
      "",
    ].join("\n"));
  });

  it("renders the system df summary (reference 5.5)", () => {
    const types = ["Images", "Containers", "Local Volumes", "Build Cache"];
    const out = renderContexts({
      format: "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}",
      header: { Type: "TYPE", TotalCount: "TOTAL", Active: "ACTIVE", Size: "SIZE", Reclaimable: "RECLAIMABLE" },
      contexts: types.map((Type) => ({ Type, TotalCount: "0", Active: "0", Size: "0B", Reclaimable: "0B" })),
    });
    expect(out).toBe([
      "TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE",
      "Images          0         0         0B        0B",
      "Containers      0         0         0B        0B",
      "Local Volumes   0         0         0B        0B",
      "Build Cache     0         0         0B        0B",
      "",
    ].join("\n"));
  });

  it("prints non-table formats row by row with no header", () => {
    const out = renderContexts({ format: "{{.ID}}: {{.Names}}", header: PS_HEADER, contexts: [{ ID: "a", Names: "x" }, { ID: "b", Names: "y" }] });
    expect(out).toBe("a: x\nb: y\n");
    expect(renderContexts({ format: "{{.ID}}", contexts: [] })).toBe("");
  });

  it("keeps header functions as identity but pads headers with pad", () => {
    const out = renderContexts({
      format: "table {{upper .Names}}\t{{pad .Size 1 1}}",
      header: PS_HEADER,
      contexts: [{ Names: "web", Size: "2B" }],
    });
    expect(out).toBe("NAMES      SIZE \nWEB        2B \n");
  });

  it("prints <no value> for a header field missing from the header map", () => {
    expect(renderContexts({ format: "table {{.ID}}\t{{.Foo}}", header: PS_HEADER, contexts: [] }))
      .toBe("CONTAINER ID   <no value>\n");
  });

  it("ignores header execution errors but keeps what was written", () => {
    expect(renderContexts({ format: 'table {{.ID}}\t{{.Label "x"}}', header: PS_HEADER, contexts: [] }))
      .toBe("CONTAINER ID   \n");
  });

  it("wraps template errors as docker does and renders nothing", () => {
    try {
      renderContexts({ format: "{{.ID", contexts: [] });
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      expect((e as FormatError).message).toBe("template parsing error: template: :1: unclosed action");
      expect((e as FormatError).templateError.message).toBe("template: :1: unclosed action");
    }
    try {
      renderContexts({ format: "table {{.Nope}}", header: PS_HEADER, contexts: [{ __goType: "*formatter.ContainerContext", ID: "a" }] });
      throw new Error("no error");
    } catch (e) {
      expect((e as Error).message).toBe(
        'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext',
      );
    }
  });

  it("json prints one object per line, via the context's MarshalJSON", () => {
    class Ctx {
      constructor(private readonly id: string) {}
      ID(): string { return this.id; }
      Ports(): string { return "0.0.0.0:80->80/tcp"; }
      Label(name: string): string { return name; }
      MarshalJSON(): string { return marshalContext(this); }
    }
    const out = renderContexts({ format: "json", contexts: [new Ctx("a"), new Ctx("b")], header: PS_HEADER });
    expect(out).toBe('{"ID":"a","Ports":"0.0.0.0:80-\\u003e80/tcp"}\n{"ID":"b","Ports":"0.0.0.0:80-\\u003e80/tcp"}\n');
  });
});

describe("marshalContext", () => {
  it("sorts keys, escapes HTML, and marshals non-string results", () => {
    const ctx = {
      Status: () => "Up 6 minutes",
      Labels: () => "maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>",
      Platform: () => ({ architecture: "amd64", os: "linux" }),
      Size: () => "0B",
      Header: { ID: "CONTAINER ID" },
      FullHeader: () => ({}),
    };
    expect(marshalContext(ctx)).toBe(
      '{"Labels":"maintainer=NGINX Docker Maintainers \\u003cdocker-maint@nginx.com\\u003e","Platform":{"architecture":"amd64","os":"linux"},"Size":"0B","Status":"Up 6 minutes"}',
    );
    expect(marshalContext(ctx, ["Status"])).toBe('{"Status":"Up 6 minutes"}');
  });
});
