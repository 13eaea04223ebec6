// Service images: nginx, httpd, redis, postgres, mysql, registry.
import * as C from "./content.js";
import { EMPTY_LAYER, defineImage, env, layer, ports, volumes } from "./define.js";
import { alpine318, alpine321, debianBookwormSlim, oracleLinux9Slim } from "./images-base.js";
import { appendLines, bin, blob, dir, dirs, file, link, merge, script } from "./tree.js";
import type { ImageDef, LayerDef } from "./types.js";
import { ALPINE_GROUP, ALPINE_PASSWD, DEBIAN_GROUP, DEBIAN_PASSWD, ORACLE_GROUP, ORACLE_PASSWD } from "./userland.js";

export const serviceLayers: LayerDef[] = [];
const L = (key: string, size: number, files: () => ReturnType<LayerDef["files"]>): string => {
  serviceLayers.push(layer(key, size, files));
  return key;
};

// --- nginx ---------------------------------------------------------------------------
// nginxinc/docker-nginx: mainline/debian and mainline/alpine Dockerfiles.

const nginxFiles = (alpine: boolean) => () =>
  merge(
    dirs(["/etc/nginx", "/etc/nginx/conf.d", "/usr/share/nginx", "/usr/share/nginx/html", "/var/log/nginx", "/var/cache/nginx", "/docker-entrypoint.d"]),
    {
      "/usr/sbin/nginx": bin("nginx", 1_346_632),
      "/usr/sbin/nginx-debug": bin("nginx", 1_377_160),
      "/usr/bin/curl": bin("curl", alpine ? 251_440 : 309_488),
      "/etc/nginx/nginx.conf": file(C.NGINX_CONF),
      "/etc/nginx/mime.types": file(C.NGINX_MIME_TYPES),
      "/etc/nginx/conf.d/default.conf": file(C.NGINX_DEFAULT_CONF),
      "/usr/share/nginx/html/index.html": file(C.NGINX_INDEX),
      "/usr/share/nginx/html/50x.html": file(C.NGINX_50X),
      "/var/log/nginx/access.log": link("/dev/stdout"),
      "/var/log/nginx/error.log": link("/dev/stderr"),
      "/etc/passwd": file(alpine
        ? appendLines(ALPINE_PASSWD, "nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin")
        : appendLines(DEBIAN_PASSWD, "nginx:x:101:101:nginx user:/nonexistent:/bin/false")),
      "/etc/group": file(alpine ? appendLines(ALPINE_GROUP, "nginx:x:101:nginx") : appendLines(DEBIAN_GROUP, "nginx:x:101:")),
    },
  );

function nginxCopies(prefix: string): string[] {
  const sizes = [1620, 2125, 389, 3018, 4783];
  const names = Object.keys(C.NGINX_ENTRYPOINT_D) as (keyof typeof C.NGINX_ENTRYPOINT_D)[];
  return [
    L(`${prefix}-entrypoint`, sizes[0]!, () => ({ "/docker-entrypoint.sh": script("nginx-entrypoint", C.NGINX_ENTRYPOINT) })),
    ...names.map((n, i) =>
      L(`${prefix}-${n}`, sizes[i + 1]!, () => ({ "/docker-entrypoint.d": dir(), [`/docker-entrypoint.d/${n}`]: { ...file(C.NGINX_ENTRYPOINT_D[n], 0o755) } })),
    ),
  ];
}

function nginx(o: { key: string; version: string; njs: string; created: string; alpine: boolean; runSize: number; modulesSize?: number }): ImageDef {
  const run = L(`${o.key}-run`, o.runSize, nginxFiles(o.alpine));
  const copies = nginxCopies(o.key);
  const rel = o.alpine ? "1" : "1~bookworm";
  const install = o.alpine
    ? 'RUN /bin/sh -c set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="nginx=${NGINX_VERSION}-r${PKG_RELEASE}"     && apk add --no-cache --virtual .checksum-deps openssl     && apk add --no-cache $nginxPackages     && apk add --no-cache tzdata     && apk add --no-cache curl ca-certificates     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit'
    : 'RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     && apt-get install --no-install-recommends --no-install-suggests -y $nginxPackages gettext-base curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit';
  const envs = o.alpine
    ? { NGINX_VERSION: o.version, PKG_RELEASE: "1", DYNPKG_RELEASE: "1", NJS_VERSION: o.njs, NJS_RELEASE: "1" }
    : { NGINX_VERSION: o.version, NJS_VERSION: o.njs, NJS_RELEASE: rel, PKG_RELEASE: rel, DYNPKG_RELEASE: rel };
  const copyNames = ["docker-entrypoint.sh /", ...Object.keys(C.NGINX_ENTRYPOINT_D).map((n) => `${n} /docker-entrypoint.d`)];
  const steps = [
    { by: "LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>" },
    ...Object.entries(envs).map(([k, v]) => ({ by: `ENV ${k}=${v}` })),
    { by: install, layer: run },
    ...copies.map((l, i) => ({ by: `COPY ${copyNames[i]} # buildkit`, layer: l })),
  ];
  if (o.alpine && o.modulesSize) {
    steps.push({
      by: 'RUN /bin/sh -c set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="nginx=${NGINX_VERSION}-r${PKG_RELEASE} nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE} nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE} nginx-module-image-filter=${NGINX_VERSION}-r${DYNPKG_RELEASE} nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}"     && apk add --no-cache $nginxPackages # buildkit',
      layer: L(`${o.key}-modules`, o.modulesSize, () => ({ "/usr/lib/nginx/modules": dir(), "/usr/lib/nginx/modules/ngx_http_js_module.so": blob(1_843_776) })),
    });
  }
  steps.push(
    { by: 'ENTRYPOINT ["/docker-entrypoint.sh"]' },
    { by: "EXPOSE map[80/tcp:{}]" },
    { by: "STOPSIGNAL SIGQUIT" },
    { by: 'CMD ["nginx" "-g" "daemon off;"]' },
  );
  return defineImage({
    key: o.key,
    created: o.created,
    base: o.alpine ? alpine321 : debianBookwormSlim,
    config: {
      Env: env(envs),
      Entrypoint: ["/docker-entrypoint.sh"],
      Cmd: ["nginx", "-g", "daemon off;"],
      ExposedPorts: ports("80/tcp"),
      Labels: { maintainer: "NGINX Docker Maintainers <docker-maint@nginx.com>" },
      StopSignal: "SIGQUIT",
    },
    steps,
  });
}

export const nginxMainline = nginx({ key: "nginx-1.27.5", version: "1.27.5", njs: "0.8.10", created: "2025-04-16T14:50:31Z", alpine: false, runSize: 117_210_000 });
export const nginxStable = nginx({ key: "nginx-1.28.0", version: "1.28.0", njs: "0.8.10", created: "2025-04-23T18:25:47Z", alpine: false, runSize: 117_180_000 });
export const nginxAlpine = nginx({ key: "nginx-1.27.5-alpine", version: "1.27.5", njs: "0.8.10", created: "2025-04-16T18:37:09Z", alpine: true, runSize: 7_380_000, modulesSize: 32_990_000 });

// --- httpd ---------------------------------------------------------------------------
// docker-library/httpd: 2.4/Dockerfile and 2.4/alpine/Dockerfile.

function httpd(o: { key: string; created: string; alpine: boolean; sizes: [number, number, number] }): ImageDef {
  const k = o.key;
  const steps = [
    { by: "ENV HTTPD_PREFIX=/usr/local/apache2" },
    { by: "ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
    { by: 'RUN /bin/sh -c mkdir -p "$HTTPD_PREFIX"     && chown www-data:www-data "$HTTPD_PREFIX" # buildkit', layer: L(`${k}-prefix`, 0, () => ({ "/usr/local/apache2": dir(0o755, o.alpine ? 82 : 33) })) },
    { by: "WORKDIR /usr/local/apache2", layer: EMPTY_LAYER },
    {
      by: o.alpine
        ? "RUN /bin/sh -c set -eux;     apk add --no-cache         apr         apr-util         apr-util-ldap         ca-certificates         perl     ; # buildkit"
        : "RUN /bin/sh -c set -eux;     apt-get update;     apt-get install -y --no-install-recommends         ca-certificates         libaprutil1-ldap         libldap-common     ;     rm -rf /var/lib/apt/lists/* # buildkit",
      layer: L(`${k}-deps`, o.sizes[0], () => ({ "/usr/lib/libapr-1.so.0": blob(256_000), "/etc/ssl/certs": dir() })),
    },
    { by: "ENV HTTPD_VERSION=2.4.63" },
    { by: "ENV HTTPD_PATCHES=" },
    {
      by: 'RUN /bin/sh -c set -eux;         wget -O httpd.tar.bz2 "https://dlcdn.apache.org/httpd/httpd-$HTTPD_VERSION.tar.bz2";     mkdir -p src;     tar -xf httpd.tar.bz2 -C src --strip-components=1;     cd src;     ./configure --prefix="$HTTPD_PREFIX" --enable-mods-shared=reallyall --enable-mpms-shared=all;     make -j "$(nproc)";     make install;     cd ..;     rm -r src man manual;     sed -ri         -e \'s!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g\'         -e \'s!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g\'         -e \'s!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g\'         -e \'s!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g\'         "$HTTPD_PREFIX/conf/httpd.conf";     httpd -v # buildkit',
      layer: L(`${k}-build`, o.sizes[1], () =>
        merge(dirs(["/usr/local/apache2/bin", "/usr/local/apache2/conf", "/usr/local/apache2/htdocs", "/usr/local/apache2/logs", "/usr/local/apache2/modules", "/usr/local/apache2/cgi-bin"]), {
          "/usr/local/apache2/bin/httpd": bin("httpd", 2_386_512),
          "/usr/local/apache2/bin/apachectl": bin("httpd", 3_458),
          "/usr/local/apache2/conf/httpd.conf": file(C.HTTPD_CONF),
          "/usr/local/apache2/conf/mime.types": file("text/html\t\t\t\t\thtml htm\ntext/css\t\t\t\t\tcss\n"),
          "/usr/local/apache2/htdocs/index.html": file(C.HTTPD_INDEX),
        })),
    },
    { by: "STOPSIGNAL SIGWINCH" },
    { by: "COPY httpd-foreground /usr/local/bin/ # buildkit", layer: L(`${k}-foreground`, o.sizes[2], () => ({ "/usr/local/bin/httpd-foreground": script("httpd-foreground", C.HTTPD_FOREGROUND) })) },
    { by: "EXPOSE map[80/tcp:{}]" },
    { by: 'CMD ["httpd-foreground"]' },
  ];
  return defineImage({
    key: k,
    created: o.created,
    base: o.alpine ? alpine321 : debianBookwormSlim,
    config: {
      Env: ["PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HTTPD_PREFIX=/usr/local/apache2", "HTTPD_VERSION=2.4.63", "HTTPD_PATCHES="],
      Cmd: ["httpd-foreground"],
      WorkingDir: "/usr/local/apache2",
      ExposedPorts: ports("80/tcp"),
      StopSignal: "SIGWINCH",
    },
    steps,
  });
}

export const httpdDebian = httpd({ key: "httpd-2.4.63", created: "2025-04-28T19:12:41Z", alpine: false, sizes: [9_640_000, 63_590_000, 138] });
export const httpdAlpine = httpd({ key: "httpd-2.4.63-alpine", created: "2025-02-14T18:08:51Z", alpine: true, sizes: [5_370_000, 48_180_000, 138] });

// --- redis ---------------------------------------------------------------------------
// docker-library/redis: 7.4/debian and 7.4/alpine Dockerfiles.

function redis(o: { key: string; created: string; alpine: boolean; sizes: [number, number, number] }): ImageDef {
  const k = o.key;
  return defineImage({
    key: k,
    created: o.created,
    base: o.alpine ? alpine321 : debianBookwormSlim,
    config: {
      Env: ["GOSU_VERSION=1.17", "REDIS_VERSION=7.4.3"],
      Entrypoint: ["docker-entrypoint.sh"],
      Cmd: ["redis-server"],
      ExposedPorts: ports("6379/tcp"),
      Volumes: volumes("/data"),
      WorkingDir: "/data",
    },
    steps: [
      {
        by: o.alpine
          ? "RUN /bin/sh -c set -eux;     addgroup -S -g 1000 redis;     adduser -S -G redis -u 999 redis # buildkit"
          : "RUN /bin/sh -c set -eux;     groupadd -r -g 999 redis;     useradd -r -g redis -u 999 redis # buildkit",
        layer: L(`${k}-user`, 4_840, () => ({
          "/etc/passwd": file(o.alpine ? appendLines(ALPINE_PASSWD, "redis:x:999:1000:Linux User,,,:/home/redis:/sbin/nologin") : appendLines(DEBIAN_PASSWD, "redis:x:999:999::/home/redis:/bin/sh")),
          "/etc/group": file(o.alpine ? appendLines(ALPINE_GROUP, "redis:x:1000:redis") : appendLines(DEBIAN_GROUP, "redis:x:999:")),
        })),
      },
      { by: "ENV GOSU_VERSION=1.17" },
      {
        by: 'RUN /bin/sh -c set -eux;     dpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')";     wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch";     chmod +x /usr/local/bin/gosu;     gosu --version;     gosu nobody true # buildkit',
        layer: L(`${k}-gosu`, o.sizes[0], () => ({ "/usr/local/bin/gosu": bin("gosu", 2_286_080) })),
      },
      { by: "ENV REDIS_VERSION=7.4.3" },
      {
        by: 'RUN /bin/sh -c set -eux;         wget -O redis.tar.gz "$REDIS_DOWNLOAD_URL";     mkdir -p /usr/src/redis;     tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1;     rm redis.tar.gz;     export BUILD_TLS=yes;     make -C /usr/src/redis -j "$(nproc)" all;     make -C /usr/src/redis install;     rm -r /usr/src/redis;     redis-cli --version;     redis-server --version # buildkit',
        layer: L(`${k}-build`, o.sizes[1], () => ({
          "/usr/local/bin/redis-server": bin("redis-server", 16_101_000),
          "/usr/local/bin/redis-cli": bin("redis-cli", 8_270_000),
          "/usr/local/bin/redis-benchmark": bin("redis-cli", 7_990_000),
          "/usr/local/bin/redis-check-aof": link("redis-server"),
          "/usr/local/bin/redis-check-rdb": link("redis-server"),
          "/usr/local/bin/redis-sentinel": link("redis-server"),
        })),
      },
      { by: "RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit", layer: L(`${k}-data`, 0, () => ({ "/data": dir(0o755, 999, o.alpine ? 1000 : 999) })) },
      { by: "VOLUME [/data]" },
      { by: "WORKDIR /data", layer: EMPTY_LAYER },
      { by: "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", layer: L(`${k}-entrypoint`, o.sizes[2], () => ({ "/usr/local/bin/docker-entrypoint.sh": script("redis-entrypoint", C.REDIS_ENTRYPOINT) })) },
      { by: 'ENTRYPOINT ["docker-entrypoint.sh"]' },
      { by: "EXPOSE map[6379/tcp:{}]" },
      { by: 'CMD ["redis-server"]' },
    ],
  });
}

export const redisDebian = redis({ key: "redis-7.4.3", created: "2025-04-23T17:57:02Z", alpine: false, sizes: [4_120_000, 38_090_000, 661] });
export const redisAlpine = redis({ key: "redis-7.4.3-alpine", created: "2025-04-23T18:02:44Z", alpine: true, sizes: [3_990_000, 33_470_000, 661] });

// --- postgres ------------------------------------------------------------------------
// docker-library/postgres: 17/bookworm and 17/alpine3.21 Dockerfiles.

function postgres(o: { key: string; major: string; version: string; created: string; alpine: boolean; installSize: number }): ImageDef {
  const k = o.key;
  const binDir = o.alpine ? "/usr/local/bin" : `/usr/lib/postgresql/${o.major}/bin`;
  const steps = [
    {
      by: o.alpine
        ? "RUN /bin/sh -c set -eux;     addgroup -g 70 -S postgres;     adduser -u 70 -S -D -G postgres -H -h /var/lib/postgresql -s /bin/sh postgres;     install --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql # buildkit"
        : "RUN /bin/sh -c set -eux;     groupadd -r postgres --gid=999;     useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres;     install --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql # buildkit",
      layer: L(`${k}-user`, 4_231, () => ({
        "/etc/passwd": file(o.alpine ? appendLines(ALPINE_PASSWD, "postgres:x:70:70:Linux User,,,:/var/lib/postgresql:/bin/sh") : appendLines(DEBIAN_PASSWD, "postgres:x:999:999::/var/lib/postgresql:/bin/bash")),
        "/etc/group": file(o.alpine ? appendLines(ALPINE_GROUP, "postgres:x:70:postgres") : appendLines(DEBIAN_GROUP, "postgres:x:999:")),
        "/var/lib/postgresql": dir(0o1777, o.alpine ? 70 : 999),
      })),
    },
    { by: "ENV GOSU_VERSION=1.17" },
    { by: 'RUN /bin/sh -c set -eux;     wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch";     chmod +x /usr/local/bin/gosu;     gosu --version;     gosu nobody true # buildkit', layer: L(`${k}-gosu`, 4_120_000, () => ({ "/usr/local/bin/gosu": bin("gosu", 2_286_080) })) },
    ...(o.alpine
      ? []
      : [{
          by: "RUN /bin/sh -c set -eux;     if [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then         grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker;         sed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker;         ! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker;     fi;     apt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*;     echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen;     locale-gen;     locale -a | grep 'en_US.utf8' # buildkit",
          layer: L(`${k}-locales`, 25_570_000, () => ({ "/usr/lib/locale": dir(), "/usr/lib/locale/locale-archive": blob(3_053_472), "/etc/locale.gen": file("en_US.UTF-8 UTF-8\n") })),
        }]),
    { by: "ENV LANG=en_US.utf8" },
    { by: "RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit", layer: L(`${k}-initdb-dir`, 0, () => ({ "/docker-entrypoint-initdb.d": dir() })) },
    { by: `ENV PG_MAJOR=${o.major}` },
    ...(o.alpine ? [] : [{ by: `ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${o.major}/bin` }]),
    { by: `ENV PG_VERSION=${o.version}` },
    {
      by: o.alpine
        ? 'RUN /bin/sh -c set -eux;     wget -O postgresql.tar.bz2 "https://ftp.postgresql.org/pub/source/v$PG_VERSION/postgresql-$PG_VERSION.tar.bz2";     mkdir -p /usr/src/postgresql;     tar --extract --file postgresql.tar.bz2 --directory /usr/src/postgresql --strip-components 1;     cd /usr/src/postgresql;     ./configure --prefix=/usr/local --with-openssl --with-icu --with-llvm;     make -j "$(nproc)" world-bin;     make install-world-bin;     postgres --version # buildkit'
        : 'RUN /bin/sh -c set -ex;     export PYTHONDONTWRITEBYTECODE=1;     apt-get update;     apt-get install -y --no-install-recommends "postgresql-$PG_MAJOR=$PG_VERSION";     rm -rf /var/lib/apt/lists/*;     postgres --version # buildkit',
      layer: L(`${k}-install`, o.installSize, () =>
        merge(dirs([binDir]), {
          [`${binDir}/postgres`]: bin("postgres", 9_893_000),
          [`${binDir}/psql`]: bin("psql", 720_000),
          [`${binDir}/pg_ctl`]: bin("postgres", 101_000),
          [`${binDir}/initdb`]: bin("postgres", 166_000),
          [`${binDir}/pg_dump`]: bin("psql", 470_000),
          ...(o.alpine ? {} : { "/usr/bin/psql": bin("psql", 36_000) }),
        })),
    },
    {
      by: "RUN /bin/sh -c set -eux;     dpkg-divert --add --rename --divert \"/usr/share/postgresql/postgresql.conf.sample.dpkg\" \"/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample\";     sed -ri \"s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!\" /usr/share/postgresql/postgresql.conf.sample;     grep -F \"listen_addresses = '*'\" /usr/share/postgresql/postgresql.conf.sample # buildkit",
      layer: L(`${k}-sample`, 47_100, () => ({ "/usr/share/postgresql/postgresql.conf.sample": file("listen_addresses = '*'\n") })),
    },
    { by: "RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql # buildkit", layer: L(`${k}-run`, 0, () => ({ "/var/run/postgresql": dir(0o3777, o.alpine ? 70 : 999) })) },
    { by: "ENV PGDATA=/var/lib/postgresql/data" },
    { by: 'RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA" # buildkit', layer: L(`${k}-pgdata`, 0, () => ({ "/var/lib/postgresql/data": dir(0o1777, o.alpine ? 70 : 999) })) },
    { by: "VOLUME [/var/lib/postgresql/data]" },
    {
      by: "COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit",
      layer: L(`${k}-entrypoint`, 24_345, () => ({
        "/usr/local/bin/docker-entrypoint.sh": script("postgres-entrypoint", C.POSTGRES_ENTRYPOINT),
        "/usr/local/bin/docker-ensure-initdb.sh": file(C.POSTGRES_ENSURE_INITDB, 0o755),
      })),
    },
    { by: "RUN /bin/sh -c ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh # buildkit", layer: L(`${k}-enforce`, 0, () => ({ "/usr/local/bin/docker-enforce-initdb.sh": link("docker-ensure-initdb.sh") })) },
    { by: 'ENTRYPOINT ["docker-entrypoint.sh"]' },
    { by: "STOPSIGNAL SIGINT" },
    { by: "EXPOSE map[5432/tcp:{}]" },
    { by: 'CMD ["postgres"]' },
  ];
  return defineImage({
    key: k,
    created: o.created,
    base: o.alpine ? alpine321 : debianBookwormSlim,
    config: {
      Env: [
        ...(o.alpine ? [] : [`PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${o.major}/bin`]),
        "GOSU_VERSION=1.17",
        "LANG=en_US.utf8",
        `PG_MAJOR=${o.major}`,
        `PG_VERSION=${o.version}`,
        "PGDATA=/var/lib/postgresql/data",
      ],
      Entrypoint: ["docker-entrypoint.sh"],
      Cmd: ["postgres"],
      ExposedPorts: ports("5432/tcp"),
      Volumes: volumes("/var/lib/postgresql/data"),
      StopSignal: "SIGINT",
    },
    steps,
  });
}

export const postgres17 = postgres({ key: "postgres-17.5", major: "17", version: "17.5-1.pgdg120+1", created: "2025-05-09T17:26:50Z", alpine: false, installSize: 333_460_000 });
export const postgres16 = postgres({ key: "postgres-16.9", major: "16", version: "16.9-1.pgdg120+1", created: "2025-05-09T17:23:33Z", alpine: false, installSize: 330_580_000 });
export const postgres17Alpine = postgres({ key: "postgres-17.5-alpine", major: "17", version: "17.5", created: "2025-05-09T17:58:12Z", alpine: true, installSize: 266_150_000 });

// --- mysql ---------------------------------------------------------------------------
// docker-library/mysql: 8.4/Dockerfile.oracle and innovation/Dockerfile.oracle.

function mysql(o: { key: string; major: string; version: string; created: string; sizes: [number, number] }): ImageDef {
  const k = o.key;
  return defineImage({
    key: k,
    created: o.created,
    base: oracleLinux9Slim,
    config: {
      Env: ["GOSU_VERSION=1.17", `MYSQL_MAJOR=${o.major}`, `MYSQL_VERSION=${o.version}-1.el9`, `MYSQL_SHELL_VERSION=${o.version}-1.el9`],
      Entrypoint: ["docker-entrypoint.sh"],
      Cmd: ["mysqld"],
      ExposedPorts: ports("3306/tcp", "33060/tcp"),
      Volumes: volumes("/var/lib/mysql"),
    },
    steps: [
      {
        by: "RUN /bin/sh -c set -eux;     groupadd --system --gid 999 mysql;     useradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql # buildkit",
        layer: L(`${k}-user`, 4_200, () => ({
          "/etc/passwd": file(appendLines(ORACLE_PASSWD, "mysql:x:999:999::/var/lib/mysql:/bin/bash")),
          "/etc/group": file(appendLines(ORACLE_GROUP, "mysql:x:999:")),
        })),
      },
      { by: "ENV GOSU_VERSION=1.17" },
      { by: 'RUN /bin/sh -c set -eux;     arch="$(uname -m)";     curl -fL -o /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$arch";     chmod +x /usr/local/bin/gosu;     gosu --version;     gosu nobody true # buildkit', layer: L(`${k}-gosu`, 4_280_000, () => ({ "/usr/local/bin/gosu": bin("gosu", 2_286_080) })) },
      { by: "RUN /bin/sh -c set -eux;     microdnf install -y         bzip2         gzip         openssl         xz         zstd         findutils     ;     microdnf clean all # buildkit", layer: L(`${k}-deps`, 10_950_000, () => ({ "/usr/bin/openssl": bin("coreutils", 1_032_000) })) },
      { by: `ENV MYSQL_MAJOR=${o.major}` },
      { by: `ENV MYSQL_VERSION=${o.version}-1.el9` },
      {
        by: 'RUN /bin/sh -c set -eu;     { echo \'[mysql${MYSQL_MAJOR}-server-minimal]\';       echo \'enabled=1\';       echo \'gpgcheck=1\';     } | tee /etc/yum.repos.d/mysql-community-minimal.repo;     microdnf install -y "mysql-community-server-minimal-$MYSQL_VERSION";     microdnf clean all;     grep -F \'socket=/var/lib/mysql/mysql.sock\' /etc/my.cnf;     sed -i \'s!^socket=.*!socket=/var/run/mysqld/mysqld.sock!\' /etc/my.cnf;     install -d -m 1777 -o mysql -g mysql /var/run/mysqld /var/lib/mysql-files;     mysqld --version;     mysql --version # buildkit',
        layer: L(`${k}-server`, o.sizes[0], () =>
          merge(dirs(["/etc/mysql", "/etc/mysql/conf.d", "/docker-entrypoint-initdb.d"]), {
            "/usr/sbin/mysqld": bin("mysqld", 73_880_000),
            "/usr/bin/mysql": bin("mysql", 7_790_000),
            "/usr/bin/mysqladmin": bin("mysql", 7_470_000),
            "/usr/bin/mysqldump": bin("mysql", 7_560_000),
            "/etc/my.cnf": file(C.MY_CNF),
            "/var/lib/mysql": dir(0o1777, 999),
            "/var/run/mysqld": dir(0o1777, 999),
            "/var/lib/mysql-files": dir(0o1777, 999),
          })),
      },
      { by: `ENV MYSQL_SHELL_VERSION=${o.version}-1.el9` },
      { by: 'RUN /bin/sh -c set -eu;     microdnf install -y "mysql-shell-$MYSQL_SHELL_VERSION";     microdnf clean all;     mysqlsh --version # buildkit', layer: L(`${k}-shell`, o.sizes[1], () => ({ "/usr/bin/mysqlsh": bin("mysql", 64_000_000) })) },
      { by: "VOLUME [/var/lib/mysql]" },
      { by: "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", layer: L(`${k}-entrypoint`, 16_500, () => ({ "/usr/local/bin/docker-entrypoint.sh": script("mysql-entrypoint", C.MYSQL_ENTRYPOINT) })) },
      { by: 'ENTRYPOINT ["docker-entrypoint.sh"]' },
      { by: "EXPOSE map[3306/tcp:{} 33060/tcp:{}]" },
      { by: 'CMD ["mysqld"]' },
    ],
  });
}

export const mysql84 = mysql({ key: "mysql-8.4.5", major: "8.4", version: "8.4.5", created: "2025-04-16T01:01:47Z", sizes: [297_000_000, 175_800_000] });
export const mysql93 = mysql({ key: "mysql-9.3.0", major: "innovation", version: "9.3.0", created: "2025-04-16T01:05:18Z", sizes: [359_800_000, 180_500_000] });

// --- registry ------------------------------------------------------------------------
// distribution/distribution-library-image: Dockerfile.

function registry(o: { key: string; created: string; base: ImageDef; configDir: string; binSize: number; sizes: [number, number] }): ImageDef {
  const k = o.key;
  const cfg = `${o.configDir}/config.yml`;
  return defineImage({
    key: k,
    created: o.created,
    base: o.base,
    config: {
      Entrypoint: ["/entrypoint.sh"],
      Cmd: [cfg],
      ExposedPorts: ports("5000/tcp"),
      Volumes: volumes("/var/lib/registry"),
    },
    steps: [
      { by: "RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit", layer: L(`${k}-ca`, o.sizes[0], () => ({ "/etc/ssl/certs": dir(), "/etc/ssl/certs/ca-certificates.crt": blob(219_342) })) },
      { by: `COPY ./registry/registry /bin/registry # buildkit`, layer: L(`${k}-bin`, o.binSize, () => ({ "/bin/registry": bin("registry", o.binSize) })) },
      { by: `COPY ./registry/config-example.yml ${cfg} # buildkit`, layer: L(`${k}-config`, o.sizes[1], () => ({ [o.configDir]: dir(), [cfg]: file(C.REGISTRY_CONFIG) })) },
      { by: "VOLUME [/var/lib/registry]" },
      { by: "EXPOSE map[5000/tcp:{}]" },
      { by: "COPY docker-entrypoint.sh /entrypoint.sh # buildkit", layer: L(`${k}-entrypoint`, 155, () => ({ "/entrypoint.sh": script("registry-entrypoint", C.REGISTRY_ENTRYPOINT) })) },
      { by: 'ENTRYPOINT ["/entrypoint.sh"]' },
      { by: `CMD ["${cfg}"]` },
    ],
  });
}

export const registry2 = registry({ key: "registry-2.8.3", created: "2023-10-20T22:32:49Z", base: alpine318, configDir: "/etc/docker/registry", binSize: 17_370_000, sizes: [683_000, 295] });
export const registry3 = registry({ key: "registry-3.0.0", created: "2025-04-02T13:51:22Z", base: alpine321, configDir: "/etc/distribution", binSize: 49_180_000, sizes: [677_000, 380] });

export const serviceImages: ImageDef[] = [
  nginxMainline, nginxStable, nginxAlpine, httpdDebian, httpdAlpine, redisDebian, redisAlpine,
  postgres17, postgres16, postgres17Alpine, mysql84, mysql93, registry2, registry3,
];
