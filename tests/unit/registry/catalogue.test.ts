import { readFileSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { FileEntry, FileTree, FsEntry } from "../../../src/engine/fs/types.js";
import {
  getByDigest,
  getLayer,
  getRepository,
  getTag,
  listRepositories,
  listTags,
  search,
  tagsOfImage,
  type CatalogueImage,
} from "../../../src/engine/registry/catalogue.js";
import { EMPTY_LAYER_BLOB, EMPTY_LAYER_DIFF_ID, imageConfigJson, digestOf } from "../../../src/engine/registry/catalogue/blobs.js";
import { imageDefs, layerDefs } from "../../../src/engine/registry/catalogue/data.js";
import { BUSYBOX_APPLETS } from "../../../src/engine/registry/catalogue/userland.js";
import { renderDigestsModule } from "./digests-module.js";

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const catalogueDir = fileURLToPath(new URL("../../../src/engine/registry/catalogue/", import.meta.url));

const allTags = (): [string, string][] => listRepositories().flatMap((r) => listTags(r).map((t): [string, string] => [r, t]));
const img = (path: string, tag: string): CatalogueImage => {
  const t = getTag(path, tag);
  if (!t) throw new Error(`no ${path}:${tag}`);
  return t.image;
};

/** The image's merged root filesystem (catalogue layers have no whiteouts). */
function rootfs(image: CatalogueImage): FileTree {
  const tree: FileTree = {};
  for (const id of image.layers) Object.assign(tree, getLayer(id)!.files);
  return tree;
}

/** Follows symlinks in every component, like the kernel's path walk. */
function resolvePath(tree: FileTree, path: string, depth = 0): string | undefined {
  if (depth > 40) return undefined;
  const parts = path.split("/").filter(Boolean);
  let cur = "";
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p === ".") continue;
    if (p === "..") {
      cur = cur.slice(0, cur.lastIndexOf("/"));
      continue;
    }
    const next = `${cur}/${p}`;
    const e = tree[next];
    if (e?.type === "symlink") {
      const target = e.target.startsWith("/") ? e.target : `${cur}/${e.target}`;
      return resolvePath(tree, [target, ...parts.slice(i + 1)].join("/"), depth + 1);
    }
    cur = next;
  }
  return cur || "/";
}

function lookup(tree: FileTree, path: string): FsEntry | undefined {
  const r = resolvePath(tree, path);
  const e = r ? tree[r] : undefined;
  return e && e.type !== "whiteout" ? e : undefined;
}

function which(tree: FileTree, name: string, env: string[], workdir: string): FileEntry | undefined {
  const pathVar = env.find((e) => e.startsWith("PATH="))?.slice(5) ?? "";
  const candidates = name.includes("/") ? [name.startsWith("/") ? name : `${workdir || "/"}/${name}`] : pathVar.split(":").map((d) => `${d}/${name}`);
  for (const c of candidates) {
    const e = lookup(tree, c);
    if (e?.type === "file" && (e.mode & 0o111) !== 0) return e;
  }
  return undefined;
}

const humanSize = (n: number): string => {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${Number(n.toPrecision(3))}${units[i]}`;
};

describe("catalogue integrity", () => {
  it("digests.ts matches the content it was generated from", () => {
    expect(readFileSync(`${catalogueDir}digests.ts`, "utf8")).toBe(renderDigestsModule());
  });

  it("every tag resolves to a well-formed image", () => {
    expect(allTags().length).toBeGreaterThan(80);
    for (const [path, tag] of allTags()) {
      const t = getTag(path, tag)!;
      expect(t, `${path}:${tag}`).toBeDefined();
      const i = t.image;
      expect(i.id).toMatch(DIGEST);
      expect(i.digest).toMatch(DIGEST);
      expect(i.manifestDigest).toMatch(DIGEST);
      expect(i.architecture).toBe("amd64");
      expect(i.os).toBe("linux");
      expect(Number.isFinite(i.created)).toBe(true);
      expect(i.layers.length).toBeGreaterThan(0);
      expect(i.history.filter((h) => !h.empty_layer)).toHaveLength(i.layers.length);
      expect(i.config.Env.some((e) => e.startsWith("PATH="))).toBe(true);
    }
  });

  it("the image ID is the digest of the image config blob", () => {
    const nginx = img("library/nginx", "latest");
    const def = imageDefs.find((d) => d.key === getRepository("library/nginx")!.tags.latest)!;
    expect(digestOf(imageConfigJson(def, nginx.layers))).toBe(nginx.id);
  });

  it("every layer an image names exists and sizes add up", () => {
    for (const [path, tag] of allTags()) {
      const i = img(path, tag);
      let sum = 0;
      for (const id of i.layers) {
        const l = getLayer(id);
        expect(l, `${path}:${tag} ${id}`).toBeDefined();
        expect(l!.diffId).toBe(id);
        expect(l!.blobDigest).toMatch(DIGEST);
        expect(l!.blobDigest).not.toBe(l!.diffId);
        sum += l!.size;
      }
      expect(i.size).toBe(sum);
    }
  });

  it("digests are unique per distinct content", () => {
    const diffIds = new Map<string, string>();
    const blobs = new Set<string>();
    for (const def of layerDefs) {
      const l = [...allTags()].map(([p, t]) => img(p, t)).flatMap((i) => i.layers).map((id) => getLayer(id)!).find((x) => x.key === def.key);
      if (!l) continue;
      expect(diffIds.has(l.diffId), def.key).toBe(false);
      diffIds.set(l.diffId, def.key);
      blobs.add(l.blobDigest);
    }
    expect(blobs.size).toBe(diffIds.size);
    const ids = new Map<string, string>();
    for (const [path, tag] of allTags()) {
      const key = getRepository(path)!.tags[tag]!;
      const prev = ids.get(img(path, tag).id);
      if (prev) expect(prev).toBe(key);
      ids.set(img(path, tag).id, key);
    }
  });

  it("the empty layer carries the well-known digests", () => {
    const redis = img("library/redis", "7.4");
    const empty = redis.layers.map((id) => getLayer(id)!).find((l) => l.size === 0 && Object.keys(l.files).length === 0)!;
    expect(empty.diffId).toBe(EMPTY_LAYER_DIFF_ID);
    expect(empty.blobDigest).toBe(EMPTY_LAYER_BLOB);
    expect(empty.compressedSize).toBe(32);
  });

  it("stays small enough to bundle", () => {
    const total = readdirSync(catalogueDir).reduce((n, f) => n + statSync(`${catalogueDir}${f}`).size, 0);
    expect(total).toBeLessThan(300_000);
  });
});

describe("tags and digests", () => {
  it("tags of the same image share digests", () => {
    for (const [a, b] of [["latest", "3.21"], ["3", "3.21"]]) expect(img("library/alpine", a!)).toBe(img("library/alpine", b!));
    expect(img("library/nginx", "latest").digest).toBe(img("library/nginx", "1.27").digest);
    expect(img("library/node", "lts").id).toBe(img("library/node", "22").id);
    expect(img("library/ubuntu", "noble").id).toBe(img("library/ubuntu", "24.04").id);
    expect(img("library/nginx", "stable").id).not.toBe(img("library/nginx", "latest").id);
    expect(img("library/alpine", "3.20").id).not.toBe(img("library/alpine", "3.21").id);
  });

  it("getByDigest finds index and manifest digests within the repository only", () => {
    const alpine = img("library/alpine", "3.21");
    expect(getByDigest("library/alpine", alpine.digest)).toBe(alpine);
    expect(getByDigest("library/alpine", alpine.manifestDigest)).toBe(alpine);
    expect(getByDigest("library/nginx", alpine.digest)).toBeUndefined();
    expect(getByDigest("library/nope", alpine.digest)).toBeUndefined();
  });

  it("unknown repositories and tags", () => {
    expect(getRepository("library/nope")).toBeUndefined();
    expect(getTag("library/nope", "latest")).toBeUndefined();
    expect(getTag("library/alpine", "9.99")).toBeUndefined();
    expect(getTag("library/alpine", "constructor")).toBeUndefined();
    expect(listTags("library/nope")).toEqual([]);
    expect(getLayer(`sha256:${"0".repeat(64)}`)).toBeUndefined();
  });

  it("lists what the brief requires", () => {
    const required: Record<string, string[]> = {
      "library/hello-world": ["latest"],
      "library/busybox": ["latest", "1.36", "1.37"],
      "library/alpine": ["latest", "3.20", "3.21", "3"],
      "library/ubuntu": ["latest", "24.04", "22.04", "noble", "jammy"],
      "library/debian": ["latest", "bookworm", "bookworm-slim", "12"],
      "library/nginx": ["latest", "1.27", "alpine", "stable"],
      "library/httpd": ["latest", "2.4", "alpine"],
      "library/redis": ["latest", "7", "7.4", "alpine"],
      "library/mysql": ["latest", "8", "8.4", "9"],
      "library/postgres": ["latest", "16", "17", "alpine"],
      "library/registry": ["2", "latest"],
      "library/node": ["latest", "20", "22", "lts", "20-alpine"],
      "library/python": ["latest", "3.12", "3.13", "3.12-slim"],
      "library/wordpress": ["latest"],
      "dockerinaction/hello_world": ["latest"],
    };
    for (const [path, tags] of Object.entries(required)) for (const t of tags) expect(getTag(path, t), `${path}:${t}`).toBeDefined();
    expect(tagsOfImage("library/alpine", getRepository("library/alpine")!.tags.latest!)).toEqual(["3", "3.21", "3.21.3", "latest"]);
  });

  it("sizes are what docker images shows for the real images", () => {
    const expected: [string, string, string][] = [
      ["library/hello-world", "latest", "10.1kB"],
      ["library/busybox", "latest", "4.28MB"],
      ["library/alpine", "latest", "7.83MB"],
      ["library/alpine", "3.20", "7.8MB"],
      ["library/ubuntu", "latest", "78.1MB"],
      ["library/debian", "latest", "117MB"],
      ["library/debian", "bookworm-slim", "74.8MB"],
      ["library/nginx", "latest", "192MB"],
      ["library/httpd", "latest", "148MB"],
      ["library/redis", "latest", "117MB"],
      ["library/mysql", "8.4", "602MB"],
      ["library/postgres", "latest", "438MB"],
      ["library/registry", "2", "25.4MB"],
      ["library/node", "22", "1.1GB"],
      ["library/python", "3.12", "1.02GB"],
    ];
    for (const [p, t, s] of expected) expect(humanSize(img(p, t).size), `${p}:${t}`).toBe(s);
    expect(img("library/wordpress", "latest").size).toBeGreaterThan(650_000_000);
  });
});

describe("shared layers", () => {
  const base = (p: string, t: string, n = 1) => img(p, t).layers.slice(0, n);

  it("bookworm-slim services share debian:bookworm-slim's layer", () => {
    const slim = base("library/debian", "bookworm-slim");
    for (const [p, t] of [["library/nginx", "latest"], ["library/nginx", "stable"], ["library/httpd", "2.4"], ["library/redis", "7"], ["library/postgres", "16"], ["library/postgres", "17"], ["library/python", "3.12-slim"], ["library/wordpress", "latest"]]) {
      expect(base(p!, t!), `${p}:${t}`).toEqual(slim);
    }
  });

  it("node and python share debian:bookworm and the buildpack-deps layers", () => {
    expect(base("library/node", "22")).toEqual(base("library/debian", "bookworm"));
    expect(base("library/node", "22", 4)).toEqual(base("library/python", "3.13", 4));
    expect(base("library/node", "20", 4)).toEqual(base("library/node", "24", 4));
    expect(img("library/node", "22").layers[4]).not.toBe(img("library/python", "3.13").layers[4]);
  });

  it("alpine variants share alpine's layer", () => {
    const alpine = base("library/alpine", "3.21");
    for (const [p, t] of [["library/nginx", "alpine"], ["library/httpd", "alpine"], ["library/redis", "alpine"], ["library/postgres", "alpine"], ["library/node", "20-alpine"], ["library/registry", "latest"]]) {
      expect(base(p!, t!), `${p}:${t}`).toEqual(alpine);
    }
  });

  it("rebuilt images share only their base", () => {
    const a = img("library/postgres", "16").layers;
    const b = img("library/postgres", "17").layers;
    expect(a.filter((id) => b.includes(id)).length).toBe(1);
    expect(img("library/mysql", "8.4").layers[0]).not.toBe(base("library/debian", "bookworm")[0]);
  });
});

describe("configs", () => {
  it("nginx", () => {
    const c = img("library/nginx", "latest").config;
    expect(c.Entrypoint).toEqual(["/docker-entrypoint.sh"]);
    expect(c.Cmd).toEqual(["nginx", "-g", "daemon off;"]);
    expect(c.ExposedPorts).toEqual({ "80/tcp": {} });
    expect(c.StopSignal).toBe("SIGQUIT");
    expect(c.Env).toContain("NGINX_VERSION=1.27.5");
    expect(c.Labels).toEqual({ maintainer: "NGINX Docker Maintainers <docker-maint@nginx.com>" });
  });

  it("redis", () => {
    const c = img("library/redis", "latest").config;
    expect(c.Entrypoint).toEqual(["docker-entrypoint.sh"]);
    expect(c.Cmd).toEqual(["redis-server"]);
    expect(c.ExposedPorts).toEqual({ "6379/tcp": {} });
    expect(c.Volumes).toEqual({ "/data": {} });
    expect(c.WorkingDir).toBe("/data");
  });

  it("others", () => {
    expect(img("library/hello-world", "latest").config.Cmd).toEqual(["/hello"]);
    expect(img("library/busybox", "latest").config.Cmd).toEqual(["sh"]);
    expect(img("library/alpine", "latest").config.Cmd).toEqual(["/bin/sh"]);
    expect(img("library/ubuntu", "latest").config.Cmd).toEqual(["/bin/bash"]);
    expect(img("library/debian", "latest").config.Cmd).toEqual(["bash"]);
    expect(img("library/httpd", "latest").config).toMatchObject({ Cmd: ["httpd-foreground"], Entrypoint: null, StopSignal: "SIGWINCH", WorkingDir: "/usr/local/apache2" });
    expect(img("library/mysql", "8.4").config).toMatchObject({ Cmd: ["mysqld"], ExposedPorts: { "3306/tcp": {}, "33060/tcp": {} }, Volumes: { "/var/lib/mysql": {} } });
    expect(img("library/postgres", "17").config).toMatchObject({ Cmd: ["postgres"], StopSignal: "SIGINT", ExposedPorts: { "5432/tcp": {} } });
    expect(img("library/postgres", "17").config.Env).toContain("PGDATA=/var/lib/postgresql/data");
    expect(img("library/registry", "2").config).toMatchObject({ Entrypoint: ["/entrypoint.sh"], Cmd: ["/etc/docker/registry/config.yml"], ExposedPorts: { "5000/tcp": {} } });
    expect(img("library/wordpress", "latest").config).toMatchObject({ Cmd: ["apache2-foreground"], Entrypoint: ["docker-entrypoint.sh"], WorkingDir: "/var/www/html" });
    expect(img("dockerinaction/hello_world", "latest").config.Cmd).toEqual(["echo", "hello world"]);
  });

  it("history uses the builders' created_by forms", () => {
    const hw = img("library/hello-world", "latest").history;
    expect(hw.map((h) => h.created_by)).toEqual(["COPY hello / # buildkit", 'CMD ["/hello"]']);
    expect(hw[1]).toMatchObject({ empty_layer: true, comment: "buildkit.dockerfile.v0" });
    expect(img("library/ubuntu", "24.04").history.at(-1)!.created_by).toBe('/bin/sh -c #(nop)  CMD ["/bin/bash"]');
    expect(img("library/nginx", "latest").history.at(-1)!.created_by).toBe('CMD ["nginx" "-g" "daemon off;"]');
  });
});

describe("file trees", () => {
  it("every image's entrypoint and command resolve on its PATH", () => {
    for (const [path, tag] of allTags()) {
      const i = img(path, tag);
      const fs = rootfs(i);
      const { Entrypoint, Cmd, Env, WorkingDir } = i.config;
      const first = Entrypoint?.[0] ?? Cmd?.[0];
      const exe = which(fs, first!, Env, WorkingDir);
      expect(exe?.program, `${path}:${tag} ${first}`).toBeTruthy();
      if (Entrypoint && Cmd) {
        // The entrypoint hands CMD on: a program, or a config file the program reads.
        const c = Cmd[0]!;
        expect(which(fs, c, Env, WorkingDir)?.program ?? lookup(fs, c)?.type, `${path}:${tag} ${c}`).toBeTruthy();
      }
    }
  });

  const program = (p: string, t: string, file: string) => {
    const fs = rootfs(img(p, t));
    const e = lookup(fs, file);
    return e?.type === "file" ? e.program : undefined;
  };

  it("executables carry the runtime's program names", () => {
    const cases: [string, string, string, string][] = [
      ["library/hello-world", "latest", "/hello", "hello"],
      ["library/busybox", "latest", "/bin/busybox", "busybox"],
      ["library/busybox", "latest", "/bin/sh", "busybox"],
      ["library/alpine", "latest", "/bin/sh", "busybox"],
      ["library/alpine", "latest", "/usr/bin/wget", "busybox"],
      ["library/alpine", "latest", "/sbin/apk", "apk"],
      ["library/debian", "latest", "/bin/bash", "bash"],
      ["library/debian", "latest", "/bin/sh", "dash"],
      ["library/debian", "latest", "/usr/bin/ls", "coreutils"],
      ["library/debian", "latest", "/bin/cat", "coreutils"],
      ["library/debian", "latest", "/usr/bin/apt-get", "apt"],
      ["library/ubuntu", "22.04", "/bin/sh", "dash"],
      ["library/ubuntu", "latest", "/bin/ps", "coreutils"],
      ["library/nginx", "latest", "/docker-entrypoint.sh", "nginx-entrypoint"],
      ["library/nginx", "latest", "/usr/sbin/nginx", "nginx"],
      ["library/nginx", "alpine", "/usr/sbin/nginx", "nginx"],
      ["library/httpd", "latest", "/usr/local/bin/httpd-foreground", "httpd-foreground"],
      ["library/httpd", "latest", "/usr/local/apache2/bin/httpd", "httpd"],
      ["library/redis", "latest", "/usr/local/bin/docker-entrypoint.sh", "redis-entrypoint"],
      ["library/redis", "latest", "/usr/local/bin/redis-server", "redis-server"],
      ["library/redis", "latest", "/usr/local/bin/redis-cli", "redis-cli"],
      ["library/mysql", "latest", "/usr/local/bin/docker-entrypoint.sh", "mysql-entrypoint"],
      ["library/mysql", "latest", "/usr/sbin/mysqld", "mysqld"],
      ["library/mysql", "latest", "/usr/bin/mysql", "mysql"],
      ["library/postgres", "latest", "/usr/local/bin/docker-entrypoint.sh", "postgres-entrypoint"],
      ["library/postgres", "latest", "/usr/lib/postgresql/17/bin/postgres", "postgres"],
      ["library/postgres", "latest", "/usr/bin/psql", "psql"],
      ["library/postgres", "alpine", "/usr/local/bin/psql", "psql"],
      ["library/registry", "2", "/entrypoint.sh", "registry-entrypoint"],
      ["library/registry", "2", "/bin/registry", "registry"],
      ["library/node", "latest", "/usr/local/bin/node", "node"],
      ["library/node", "latest", "/usr/local/bin/docker-entrypoint.sh", "node-entrypoint"],
      ["library/node", "20-alpine", "/usr/local/bin/npm", "npm"],
      ["library/python", "latest", "/usr/local/bin/python3", "python"],
      ["library/python", "3.12-slim", "/usr/local/bin/python", "python"],
      ["library/wordpress", "latest", "/usr/local/bin/docker-entrypoint.sh", "wordpress-entrypoint"],
      ["library/wordpress", "latest", "/usr/local/bin/apache2-foreground", "apache2-foreground"],
      ["library/wordpress", "latest", "/usr/local/bin/php", "php"],
      ["dockerinaction/hello_world", "latest", "/bin/echo", "busybox"],
    ];
    for (const [p, t, f, prog] of cases) expect(program(p, t, f), `${p}:${t} ${f}`).toBe(prog);
  });

  it("busybox and alpine have every applet", () => {
    const required = "sh ash echo printf cat env hostname sleep true false ls pwd touch mkdir rm rmdir cp mv ln ps wc id whoami date grep head tail uname top kill wget nc nslookup ping ip ifconfig vi chmod chown sed awk sort uniq cut tr tee find xargs which du df free uptime mount stat basename dirname seq yes expr test [ sync tar gzip".split(" ");
    for (const a of required) expect(BUSYBOX_APPLETS).toContain(a);
    for (const t of ["busybox", "alpine"]) {
      const i = img(`library/${t}`, "latest");
      const fs = rootfs(i);
      for (const a of required) expect(which(fs, a, i.config.Env, "/")?.program, `${t} ${a}`).toBe("busybox");
    }
  });

  it("curl only where the real image has it", () => {
    const hasCurl = (p: string, t: string) => {
      const i = img(p, t);
      return which(rootfs(i), "curl", i.config.Env, "/")?.program === "curl";
    };
    for (const [p, t] of [["nginx", "latest"], ["nginx", "alpine"], ["node", "22"], ["python", "3.13"], ["wordpress", "latest"]]) expect(hasCurl(`library/${p}`, t!), `${p}:${t}`).toBe(true);
    for (const [p, t] of [["busybox", "latest"], ["alpine", "latest"], ["debian", "latest"], ["ubuntu", "latest"], ["redis", "latest"], ["httpd", "latest"], ["python", "3.12-slim"]]) expect(hasCurl(`library/${p}`, t!), `${p}:${t}`).toBe(false);
  });

  it("GNU images are usrmerged; debian has no ps", () => {
    for (const t of ["library/debian", "library/ubuntu"]) {
      const fs = rootfs(img(t, "latest"));
      expect(fs["/bin"]).toEqual({ type: "symlink", target: "usr/bin" });
      expect(fs["/sbin"]).toEqual({ type: "symlink", target: "usr/sbin" });
    }
    expect(which(rootfs(img("library/debian", "latest")), "ps", img("library/debian", "latest").config.Env, "/")).toBeUndefined();
  });

  it("base layers have the usual directories and identity files, not the ones docker mounts", () => {
    for (const t of ["busybox", "alpine", "debian", "ubuntu"]) {
      const fs = rootfs(img(`library/${t}`, "latest"));
      for (const d of ["/bin", "/dev", "/etc", "/home", "/lib", "/proc", "/root", "/sys", "/tmp", "/usr", "/var"]) {
        expect(lookup(fs, d)?.type, `${t} ${d}`).toBe("dir");
      }
      expect(lookup(fs, "/tmp")).toMatchObject({ mode: 0o1777 });
      expect(lookup(fs, "/root")).toMatchObject({ mode: 0o700 });
      expect((lookup(fs, "/etc/passwd") as FileEntry).content).toMatch(/^root:x:0:0:root:\/root:/);
      expect(lookup(fs, "/etc/group")?.type).toBe("file");
      for (const f of ["/etc/hostname", "/etc/hosts", "/etc/resolv.conf"]) expect(fs[f], `${t} ${f}`).toBeUndefined();
    }
  });

  it("os-release names the distribution", () => {
    const osRelease = (p: string, t: string) => (lookup(rootfs(img(p, t)), "/etc/os-release") as FileEntry).content;
    expect(osRelease("library/debian", "12")).toContain("VERSION_CODENAME=bookworm");
    expect(osRelease("library/debian", "12")).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect(osRelease("library/ubuntu", "24.04")).toContain('VERSION_ID="24.04"');
    expect(osRelease("library/ubuntu", "jammy")).toContain("UBUNTU_CODENAME=jammy");
    expect(osRelease("library/alpine", "3.21")).toContain("VERSION_ID=3.21.3");
    expect(osRelease("library/alpine", "3.20")).toContain('PRETTY_NAME="Alpine Linux v3.20"');
    expect(osRelease("library/mysql", "8.4")).toContain('ID="ol"');
  });

  it("service content", () => {
    const nginx = rootfs(img("library/nginx", "latest"));
    expect((nginx["/usr/share/nginx/html/index.html"] as FileEntry).content).toMatch(/<title>Welcome to nginx!<\/title>[\s\S]*<h1>Welcome to nginx!<\/h1>/);
    expect(nginx["/usr/share/nginx/html/50x.html"]?.type).toBe("file");
    expect((nginx["/etc/nginx/conf.d/default.conf"] as FileEntry).content).toContain("listen       80;");
    expect((nginx["/etc/passwd"] as FileEntry).content).toContain("nginx:x:101:101:");
    expect((rootfs(img("library/httpd", "2.4"))["/usr/local/apache2/htdocs/index.html"] as FileEntry).content).toBe("<html><body><h1>It works!</h1></body></html>\n");
    expect((rootfs(img("library/registry", "2"))["/etc/docker/registry/config.yml"] as FileEntry).content).toContain("addr: :5000");
  });
});

describe("search", () => {
  it("matches names and descriptions, most stars first", () => {
    const r = search("nginx");
    expect(r[0]).toEqual({ name: "nginx", description: "Nginx web server and reverse proxy", stars: 20_800, official: true });
    expect(search("hello").map((x) => x.name)).toEqual(["hello-world", "dockerinaction/hello_world"]);
    expect(search("HELLO").length).toBe(2);
    expect(search("zzznothing")).toEqual([]);
  });
});

describe("sharing", () => {
  it("hands out frozen objects so callers cannot corrupt the catalogue", () => {
    const i = img("library/alpine", "latest");
    expect(() => i.config.Env.push("X=1")).toThrow(TypeError);
    const l = getLayer(i.layers[0]!)!;
    expect(() => {
      (l.files as Record<string, unknown>)["/new"] = {};
    }).toThrow(TypeError);
    expect(img("library/alpine", "latest").config.Env).toEqual(["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]);
  });
});
