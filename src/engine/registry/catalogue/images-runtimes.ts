// Language runtimes and applications: node, python, wordpress, and the Docker in Action images.
import * as C from "./content.js";
import { EMPTY_LAYER, defineImage, layer, ports, volumes } from "./define.js";
import { alpine321, busybox2015, debianBookworm, debianBookwormSlim } from "./images-base.js";
import { appendLines, applets, bin, blob, dir, dirs, file, link, merge, script } from "./tree.js";
import type { ImageDef, LayerDef } from "./types.js";
import { ALPINE_GROUP, ALPINE_PASSWD, DEBIAN_GROUP, DEBIAN_PASSWD } from "./userland.js";

export const runtimeLayers: LayerDef[] = [];
const L = (key: string, size: number, files: () => ReturnType<LayerDef["files"]>): string => {
  runtimeLayers.push(layer(key, size, files));
  return key;
};

// --- buildpack-deps:bookworm, the base of node and python (their layers are shared) ---

export const buildpackDeps = defineImage({
  key: "buildpack-deps-bookworm",
  created: "2025-05-12T02:35:09Z",
  base: debianBookworm,
  config: {},
  steps: [
    {
      by: "RUN /bin/sh -c set -eux;     apt-get update;     apt-get install -y --no-install-recommends         ca-certificates         curl         gnupg         netbase         sq         wget     ;     rm -rf /var/lib/apt/lists/* # buildkit",
      created: "2025-05-12T01:48:11Z",
      layer: L("bpd-bookworm-curl", 25_060_000, () => ({
        "/usr/bin/curl": bin("curl", 309_488),
        "/usr/bin/wget": bin("coreutils", 523_000),
        "/usr/bin/gpg": bin("coreutils", 1_175_000),
        "/etc/ssl/certs": dir(),
        "/etc/ssl/certs/ca-certificates.crt": blob(219_342),
      })),
    },
    {
      by: "RUN /bin/sh -c set -eux;     apt-get update;     apt-get install -y --no-install-recommends         git         mercurial         openssh-client         subversion                 procps     ;     rm -rf /var/lib/apt/lists/* # buildkit",
      created: "2025-05-12T02:10:44Z",
      layer: L("bpd-bookworm-scm", 146_600_000, () =>
        merge(applets("/usr/bin", ["free", "kill", "ps", "top", "uptime", "watch"], "coreutils", 145_000), {
          "/usr/bin/git": bin("git", 3_924_000),
          "/usr/bin/ssh": bin("coreutils", 1_012_000),
          "/usr/bin/svn": bin("coreutils", 297_000),
          "/usr/bin/hg": bin("coreutils", 3_000),
        })),
    },
    {
      by: "RUN /bin/sh -c set -ex;     apt-get update;     apt-get install -y --no-install-recommends         autoconf         automake         bzip2         default-libmysqlclient-dev         dpkg-dev         file         g++         gcc         imagemagick         libbz2-dev         libc6-dev         libcurl4-openssl-dev         libffi-dev         libssl-dev         libtool         make         patch         unzip         xz-utils         zlib1g-dev     ;     rm -rf /var/lib/apt/lists/* # buildkit",
      layer: L("bpd-bookworm", 617_480_000, () => ({
        "/usr/bin/gcc": bin("gcc", 1_266_000),
        "/usr/bin/g++": bin("gcc", 1_270_000),
        "/usr/bin/make": bin("make", 252_000),
        "/usr/bin/patch": bin("coreutils", 199_000),
        "/usr/bin/unzip": bin("coreutils", 187_000),
      })),
    },
  ],
});

// --- node ----------------------------------------------------------------------------
// nodejs/docker-node: 22/bookworm and 20/alpine3.21 Dockerfiles.

const nodeBin = (prefix: string, size: number) =>
  merge(dirs(["/usr/local/lib/node_modules", "/usr/local/lib/node_modules/npm", "/usr/local/lib/node_modules/npm/bin", "/usr/local/lib/node_modules/corepack", "/usr/local/lib/node_modules/corepack/dist"]), {
    "/usr/local/bin/node": bin("node", size),
    "/usr/local/lib/node_modules/npm/bin/npm-cli.js": script("npm", "#!/usr/bin/env node\n"),
    "/usr/local/lib/node_modules/npm/bin/npx-cli.js": script("npm", "#!/usr/bin/env node\n"),
    "/usr/local/lib/node_modules/corepack/dist/corepack.js": script("npm", "#!/usr/bin/env node\n"),
    "/usr/local/bin/npm": link("../lib/node_modules/npm/bin/npm-cli.js"),
    "/usr/local/bin/npx": link("../lib/node_modules/npm/bin/npx-cli.js"),
    "/usr/local/bin/corepack": link("../lib/node_modules/corepack/dist/corepack.js"),
    [`/${prefix}`]: dir(),
  });

const yarnFiles = () => ({
  "/opt/yarn-v1.22.22": dir(),
  "/opt/yarn-v1.22.22/bin": dir(),
  "/opt/yarn-v1.22.22/bin/yarn": script("npm", "#!/bin/sh\n"),
  "/usr/local/bin/yarn": link("/opt/yarn-v1.22.22/bin/yarn"),
  "/usr/local/bin/yarnpkg": link("/opt/yarn-v1.22.22/bin/yarn"),
});

function node(o: { key: string; version: string; created: string; alpine: boolean; sizes: [number, number] }): ImageDef {
  const k = o.key;
  const userFiles = () => ({
    "/etc/passwd": file(o.alpine ? appendLines(ALPINE_PASSWD, "node:x:1000:1000::/home/node:/bin/sh") : appendLines(DEBIAN_PASSWD, "node:x:1000:1000::/home/node:/bin/bash")),
    "/etc/group": file(o.alpine ? appendLines(ALPINE_GROUP, "node:x:1000:node") : appendLines(DEBIAN_GROUP, "node:x:1000:")),
    "/home/node": dir(0o755, 1000),
  });
  const steps = o.alpine
    ? [
        { by: `ENV NODE_VERSION=${o.version}` },
        {
          by: 'RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && curl -fsSLO --compressed "https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz"     && tar -xJf "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" -C /usr/local --strip-components=1 --no-same-owner     && apk del .build-deps     && node --version     && npm --version # buildkit',
          layer: L(`${k}-install`, o.sizes[0], () => merge(userFiles(), nodeBin("usr/local/include", 98_000_000))),
        },
      ]
    : [
        { by: "RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit", layer: L(`${k}-user`, 3_311, userFiles) },
        { by: `ENV NODE_VERSION=${o.version}` },
        {
          by: 'RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in     amd64) ARCH=\'x64\';;     arm64) ARCH=\'arm64\';;     *) echo "unsupported architecture"; exit 1 ;;   esac   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz"   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz"   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version # buildkit',
          layer: L(`${k}-install`, o.sizes[0], () => merge(nodeBin("usr/local/include", 117_000_000), { "/usr/local/bin/nodejs": link("/usr/local/bin/node") })),
        },
      ];
  return defineImage({
    key: k,
    created: o.created,
    base: o.alpine ? alpine321 : buildpackDeps,
    config: {
      Env: [`NODE_VERSION=${o.version}`, "YARN_VERSION=1.22.22"],
      Entrypoint: ["docker-entrypoint.sh"],
      Cmd: ["node"],
    },
    steps: [
      ...steps,
      { by: "ENV YARN_VERSION=1.22.22" },
      {
        by: 'RUN /bin/sh -c set -ex   && curl -fsSLO --compressed "$YARN_URL"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz   && yarn --version # buildkit',
        layer: L(`${k}-yarn`, o.sizes[1], yarnFiles),
      },
      { by: "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", layer: L(`${k}-entrypoint`, 388, () => ({ "/usr/local/bin/docker-entrypoint.sh": script("node-entrypoint", C.NODE_ENTRYPOINT) })) },
      { by: 'ENTRYPOINT ["docker-entrypoint.sh"]' },
      { by: 'CMD ["node"]' },
    ],
  });
}

export const node24 = node({ key: "node-24.1.0", version: "24.1.0", created: "2025-05-21T17:12:40Z", alpine: false, sizes: [206_000_000, 5_340_000] });
export const node22 = node({ key: "node-22.16.0", version: "22.16.0", created: "2025-05-21T17:02:58Z", alpine: false, sizes: [190_890_000, 5_340_000] });
export const node20 = node({ key: "node-20.19.2", version: "20.19.2", created: "2025-05-15T00:48:05Z", alpine: false, sizes: [181_800_000, 5_340_000] });
export const node20Alpine = node({ key: "node-20.19.2-alpine", version: "20.19.2", created: "2025-05-15T01:12:31Z", alpine: true, sizes: [122_600_000, 5_800_000] });

// --- python --------------------------------------------------------------------------
// docker-library/python: 3.13/bookworm and 3.12/slim-bookworm Dockerfiles.

function python(o: { key: string; version: string; created: string; slim: boolean; sizes: [number, number] }): ImageDef {
  const k = o.key;
  const minor = o.version.split(".").slice(0, 2).join(".");
  return defineImage({
    key: k,
    created: o.created,
    base: o.slim ? debianBookwormSlim : buildpackDeps,
    config: {
      Env: ["PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305", `PYTHON_VERSION=${o.version}`],
      Cmd: ["python3"],
    },
    steps: [
      { by: "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
      { by: "ENV LANG=C.UTF-8" },
      {
        by: o.slim
          ? "RUN /bin/sh -c set -eux;     apt-get update;     apt-get install -y --no-install-recommends         ca-certificates         netbase         tzdata     ;     rm -rf /var/lib/apt/lists/* # buildkit"
          : "RUN /bin/sh -c set -eux;     apt-get update;     apt-get install -y --no-install-recommends         libbluetooth-dev         tk-dev         uuid-dev     ;     rm -rf /var/lib/apt/lists/* # buildkit",
        layer: L(`${k}-deps`, o.sizes[0], () => ({ "/usr/share/zoneinfo": dir(), "/etc/ssl/certs": dir() })),
      },
      { by: "ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305" },
      { by: `ENV PYTHON_VERSION=${o.version}` },
      {
        by: 'RUN /bin/sh -c set -eux;         wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz";     mkdir -p /usr/src/python;     tar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz;     rm python.tar.xz;     cd /usr/src/python;     ./configure --enable-loadable-sqlite-extensions --enable-optimizations --enable-option-checking=fatal --enable-shared --with-ensurepip;     make -j "$(nproc)";     make install;     cd /;     rm -rf /usr/src/python;     python3 --version;     pip3 --version # buildkit',
        layer: L(`${k}-build`, o.sizes[1], () =>
          merge(dirs([`/usr/local/lib/python${minor}`]), {
            [`/usr/local/bin/python${minor}`]: bin("python", 17_056),
            "/usr/local/bin/python3": link(`python${minor}`),
            "/usr/local/bin/pip3": script("python", "#!/usr/local/bin/python3\n"),
            [`/usr/local/bin/pip${minor}`]: script("python", "#!/usr/local/bin/python3\n"),
            "/usr/local/bin/pydoc3": link(`pydoc${minor}`),
            [`/usr/local/bin/pydoc${minor}`]: script("python", "#!/usr/local/bin/python3\n"),
            [`/usr/local/lib/libpython${minor}.so.1.0`]: blob(28_640_000),
          })),
      },
      {
        by: 'RUN /bin/sh -c set -eux;     for src in idle3 pip3 pydoc3 python3 python3-config; do         dst="$(echo "$src" | tr -d 3)";         [ -s "/usr/local/bin/$src" ];         [ ! -e "/usr/local/bin/$dst" ];         ln -svT "$src" "/usr/local/bin/$dst";     done # buildkit',
        layer: L(`${k}-links`, 36, () => ({
          "/usr/local/bin/python": link("python3"),
          "/usr/local/bin/pip": link("pip3"),
          "/usr/local/bin/pydoc": link("pydoc3"),
        })),
      },
      { by: 'CMD ["python3"]' },
    ],
  });
}

export const python313 = python({ key: "python-3.13.3", version: "3.13.3", created: "2025-04-09T00:42:13Z", slim: false, sizes: [18_460_000, 101_670_000] });
export const python312 = python({ key: "python-3.12.10", version: "3.12.10", created: "2025-04-09T00:38:51Z", slim: false, sizes: [18_460_000, 99_600_000] });
export const python312Slim = python({ key: "python-3.12.10-slim", version: "3.12.10", created: "2025-04-09T00:40:02Z", slim: true, sizes: [3_540_000, 41_550_000] });

// --- wordpress -----------------------------------------------------------------------
// docker-library/php (8.2/bookworm/apache) and docker-library/wordpress (latest/php8.2/apache).

const PHPIZE_DEPS = "autoconf \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\tlibc-dev \t\tmake \t\tpkg-config \t\tre2c";
const PHP_FLAGS = "-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64";

export const wordpress = defineImage({
  key: "wordpress-6.8.1-php8.2-apache",
  created: "2025-05-01T01:46:26Z",
  base: debianBookwormSlim,
  config: {
    Env: [
      `PHPIZE_DEPS=${PHPIZE_DEPS}`,
      "PHP_INI_DIR=/usr/local/etc/php",
      "APACHE_CONFDIR=/etc/apache2",
      "APACHE_ENVVARS=/etc/apache2/envvars",
      `PHP_CFLAGS=${PHP_FLAGS}`,
      `PHP_CPPFLAGS=${PHP_FLAGS}`,
      "PHP_LDFLAGS=-Wl,-O1 -pie",
      "GPG_KEYS=39B641343D8C104B2B146DC3F9C39DC0B9698544 E60913E4DF209907D8E30D96659A97C9CF2A795A 1198C0117593497A5EC5C199286AF1F9897469DC",
      "PHP_VERSION=8.2.28",
      "PHP_URL=https://www.php.net/distributions/php-8.2.28.tar.xz",
      "PHP_ASC_URL=https://www.php.net/distributions/php-8.2.28.tar.xz.asc",
    ],
    Entrypoint: ["docker-entrypoint.sh"],
    Cmd: ["apache2-foreground"],
    WorkingDir: "/var/www/html",
    ExposedPorts: ports("80/tcp"),
    Volumes: volumes("/var/www/html"),
    StopSignal: "SIGWINCH",
  },
  steps: [
    { by: "RUN /bin/sh -c set -eux;     {         echo 'Package: php*';         echo 'Pin: release *';         echo 'Pin-Priority: -1';     } > /etc/apt/preferences.d/no-debian-php # buildkit", layer: L("php82-pin", 46, () => ({ "/etc/apt/preferences.d/no-debian-php": file("Package: php*\nPin: release *\nPin-Priority: -1\n") })) },
    { by: `ENV PHPIZE_DEPS=${PHPIZE_DEPS}` },
    {
      by: "RUN /bin/sh -c set -eux;     apt-get update;     apt-get install -y --no-install-recommends         $PHPIZE_DEPS         ca-certificates         curl         xz-utils     ;     rm -rf /var/lib/apt/lists/* # buildkit",
      layer: L("php82-deps", 263_480_000, () => ({ "/usr/bin/curl": bin("curl", 309_488), "/usr/bin/gcc": bin("gcc", 1_266_000), "/usr/bin/make": bin("make", 252_000) })),
    },
    { by: "ENV PHP_INI_DIR=/usr/local/etc/php" },
    {
      by: 'RUN /bin/sh -c set -eux;     mkdir -p "$PHP_INI_DIR/conf.d";     [ ! -d /var/www/html ];     mkdir -p /var/www/html;     chown www-data:www-data /var/www/html;     chmod 1777 /var/www/html # buildkit',
      layer: L("php82-dirs", 0, () => ({ "/usr/local/etc/php": dir(), "/usr/local/etc/php/conf.d": dir(), "/var/www": dir(), "/var/www/html": dir(0o1777, 33) })),
    },
    { by: "ENV APACHE_CONFDIR=/etc/apache2" },
    { by: "ENV APACHE_ENVVARS=/etc/apache2/envvars" },
    {
      by: 'RUN /bin/sh -c set -eux;     apt-get update;     apt-get install -y --no-install-recommends apache2;     rm -rf /var/lib/apt/lists/*;         sed -ri \'s/^export ([^=]+)=(.*)$/: ${\\1:=\\2}\\nexport \\1/\' "$APACHE_ENVVARS";         . "$APACHE_ENVVARS";     for dir in         "$APACHE_LOCK_DIR"         "$APACHE_RUN_DIR"         "$APACHE_LOG_DIR"     ; do         rm -rvf "$dir";         mkdir -p "$dir";         chown "$APACHE_RUN_USER:$APACHE_RUN_GROUP" "$dir";         chmod 1777 "$dir";     done;     ln -sfT /dev/stderr "$APACHE_LOG_DIR/error.log";     ln -sfT /dev/stdout "$APACHE_LOG_DIR/access.log";     ln -sfT /dev/stdout "$APACHE_LOG_DIR/other_vhosts_access.log";     chown -R --no-dereference "$APACHE_RUN_USER:$APACHE_RUN_GROUP" "$APACHE_LOG_DIR" # buildkit',
      layer: L("php82-apache", 33_430_000, () =>
        merge(dirs(["/etc/apache2", "/var/log/apache2", "/var/run/apache2", "/var/lock/apache2"]), {
          "/usr/sbin/apache2": bin("apache2", 715_000),
          "/usr/sbin/apache2ctl": bin("apache2", 7_600),
          "/etc/apache2/apache2.conf": file("ServerRoot \"/etc/apache2\"\nIncludeOptional mods-enabled/*.load\nIncludeOptional conf-enabled/*.conf\nIncludeOptional sites-enabled/*.conf\n"),
          "/etc/apache2/envvars": file("export APACHE_RUN_USER=www-data\nexport APACHE_RUN_GROUP=www-data\nexport APACHE_LOG_DIR=/var/log/apache2\n"),
          "/var/log/apache2/error.log": link("/dev/stderr"),
          "/var/log/apache2/access.log": link("/dev/stdout"),
        })),
    },
    { by: "RUN /bin/sh -c a2dismod mpm_event && a2enmod mpm_prefork # buildkit", layer: L("php82-mpm", 2_600, () => ({ "/etc/apache2/mods-enabled": dir() })) },
    {
      by: "RUN /bin/sh -c {         echo '<FilesMatch \\.php$>';         echo '\\tSetHandler application/x-httpd-php';         echo '</FilesMatch>';         echo;         echo 'DirectoryIndex disabled';         echo 'DirectoryIndex index.php index.html';     } | tee \"$APACHE_CONFDIR/conf-available/docker-php.conf\"     && a2enconf docker-php # buildkit",
      layer: L("php82-conf", 1_720, () => ({ "/etc/apache2/conf-available": dir(), "/etc/apache2/conf-available/docker-php.conf": file("<FilesMatch \\.php$>\n\tSetHandler application/x-httpd-php\n</FilesMatch>\n\nDirectoryIndex disabled\nDirectoryIndex index.php index.html\n") })),
    },
    { by: `ENV PHP_CFLAGS=${PHP_FLAGS}` },
    { by: `ENV PHP_CPPFLAGS=${PHP_FLAGS}` },
    { by: "ENV PHP_LDFLAGS=-Wl,-O1 -pie" },
    { by: "ENV GPG_KEYS=39B641343D8C104B2B146DC3F9C39DC0B9698544 E60913E4DF209907D8E30D96659A97C9CF2A795A 1198C0117593497A5EC5C199286AF1F9897469DC" },
    { by: "ENV PHP_VERSION=8.2.28" },
    { by: "ENV PHP_URL=https://www.php.net/distributions/php-8.2.28.tar.xz PHP_ASC_URL=https://www.php.net/distributions/php-8.2.28.tar.xz.asc" },
    { by: 'RUN /bin/sh -c set -eux;         mkdir -p /usr/src;     cd /usr/src;         curl -fsSL -o php.tar.xz "$PHP_URL";         if [ -n "$PHP_ASC_URL" ]; then         curl -fsSL -o php.tar.xz.asc "$PHP_ASC_URL";     fi # buildkit', layer: L("php82-src", 12_670_000, () => ({ "/usr/src": dir(), "/usr/src/php.tar.xz": blob(12_660_000) })) },
    { by: "COPY docker-php-source /usr/local/bin/ # buildkit", layer: L("php82-source-script", 1_160, () => ({ "/usr/local/bin/docker-php-source": file("#!/bin/sh\n# Extracts or deletes the PHP source tree in /usr/src/php.\nset -e\n", 0o755) })) },
    {
      by: 'RUN /bin/sh -c set -eux;         savedAptMark="$(apt-mark showmanual)";     apt-get update;     apt-get install -y --no-install-recommends         apache2-dev         libargon2-dev         libcurl4-openssl-dev         libonig-dev         libreadline-dev         libsodium-dev         libsqlite3-dev         libssl-dev         libxml2-dev         zlib1g-dev     ;         docker-php-source extract;     cd /usr/src/php;     ./configure         --with-config-file-path="$PHP_INI_DIR"         --with-config-file-scan-dir="$PHP_INI_DIR/conf.d"         --enable-option-checking=fatal         --with-mhash         --with-pic         --enable-ftp         --enable-mbstring         --enable-mysqlnd         --with-password-argon2         --with-sodium=shared         --with-pdo-sqlite=/usr         --with-sqlite3=/usr         --with-curl         --with-iconv         --with-openssl         --with-readline         --with-zlib         --disable-phpdbg         --with-pear         --with-apxs2     ;     make -j "$(nproc)";     make install;     cp -v php.ini-* "$PHP_INI_DIR/";     cd /;     docker-php-source delete;     php --version # buildkit',
      layer: L("php82-build", 115_850_000, () => ({
        "/usr/local/bin/php": bin("php", 36_900_000),
        "/usr/local/etc/php/php.ini-production": file("; PHP settings for production.\nexpose_php = Off\ndisplay_errors = Off\n"),
        "/usr/local/etc/php/php.ini-development": file("; PHP settings for development.\ndisplay_errors = On\n"),
      })),
    },
    {
      by: "COPY docker-php-ext-* docker-php-entrypoint /usr/local/bin/ # buildkit",
      layer: L("php82-ext-scripts", 12_850, () => ({
        "/usr/local/bin/docker-php-ext-install": file("#!/bin/sh\n# Builds and enables bundled PHP extensions.\nset -e\n", 0o755),
        "/usr/local/bin/docker-php-ext-enable": file("#!/bin/sh\n# Writes the ini files that load PHP extensions.\nset -e\n", 0o755),
        "/usr/local/bin/docker-php-ext-configure": file("#!/bin/sh\n# Configures a bundled PHP extension before building it.\nset -e\n", 0o755),
        "/usr/local/bin/docker-php-entrypoint": file("#!/bin/sh\nset -e\n# Runs apache2-foreground when the first argument is a flag.\nexec \"$@\"\n", 0o755),
      })),
    },
    { by: "RUN /bin/sh -c docker-php-ext-enable sodium # buildkit", layer: L("php82-sodium", 17, () => ({ "/usr/local/etc/php/conf.d/docker-php-ext-sodium.ini": file("extension=sodium\n") })) },
    { by: 'ENTRYPOINT ["docker-php-entrypoint"]' },
    { by: "STOPSIGNAL SIGWINCH" },
    { by: "COPY apache2-foreground /usr/local/bin/ # buildkit", layer: L("php82-foreground", 1_346, () => ({ "/usr/local/bin/apache2-foreground": script("apache2-foreground", C.APACHE2_FOREGROUND) })) },
    { by: "WORKDIR /var/www/html", layer: EMPTY_LAYER },
    { by: "EXPOSE map[80/tcp:{}]" },
    { by: 'CMD ["apache2-foreground"]' },
    { by: "RUN /bin/sh -c set -eux;     apt-get update;     apt-get install -y --no-install-recommends         ghostscript     ;     rm -rf /var/lib/apt/lists/* # buildkit", layer: L("wordpress-gs", 83_740_000, () => ({ "/usr/bin/gs": bin("coreutils", 14_000) })) },
    {
      by: 'RUN /bin/sh -c set -ex;         savedAptMark="$(apt-mark showmanual)";         apt-get update;     apt-get install -y --no-install-recommends         libavif-dev         libfreetype6-dev         libicu-dev         libjpeg-dev         libmagickwand-dev         libpng-dev         libwebp-dev         libzip-dev     ;         docker-php-ext-configure gd         --with-avif         --with-freetype         --with-jpeg         --with-webp     ;     docker-php-ext-install -j "$(nproc)"         bcmath         exif         gd         intl         mysqli         zip     ;     pecl install imagick-3.8.0;     docker-php-ext-enable imagick;     rm -r /tmp/pear # buildkit',
      layer: L("wordpress-ext", 48_700_000, () => ({ "/usr/local/lib/php/extensions": dir(), "/usr/local/etc/php/conf.d/docker-php-ext-mysqli.ini": file("extension=mysqli\n") })),
    },
    { by: "RUN /bin/sh -c set -eux;     docker-php-ext-enable opcache;     {         echo 'opcache.memory_consumption=128';         echo 'opcache.interned_strings_buffer=8';         echo 'opcache.max_accelerated_files=4000';         echo 'opcache.revalidate_freq=2';     } > /usr/local/etc/php/conf.d/opcache-recommended.ini # buildkit", layer: L("wordpress-opcache", 418, () => ({ "/usr/local/etc/php/conf.d/opcache-recommended.ini": file("opcache.memory_consumption=128\nopcache.interned_strings_buffer=8\nopcache.max_accelerated_files=4000\nopcache.revalidate_freq=2\n") })) },
    { by: "RUN /bin/sh -c {         echo 'error_reporting = E_ERROR | E_WARNING | E_PARSE | E_CORE_ERROR | E_CORE_WARNING | E_COMPILE_ERROR | E_COMPILE_WARNING | E_RECOVERABLE_ERROR';         echo 'display_errors = Off';         echo 'display_startup_errors = Off';         echo 'log_errors = On';         echo 'error_log = /dev/stderr';         echo 'log_errors_max_len = 1024';         echo 'ignore_repeated_errors = On';         echo 'ignore_repeated_source = Off';         echo 'html_errors = Off';     } > /usr/local/etc/php/conf.d/error-logging.ini # buildkit", layer: L("wordpress-errlog", 320, () => ({ "/usr/local/etc/php/conf.d/error-logging.ini": file("display_errors = Off\nlog_errors = On\nerror_log = /dev/stderr\n") })) },
    { by: "RUN /bin/sh -c set -eux;     a2enmod rewrite expires;         a2enmod remoteip;     {         echo 'RemoteIPHeader X-Forwarded-For';     } > /etc/apache2/conf-available/remoteip.conf;     a2enconf remoteip # buildkit", layer: L("wordpress-apache-mods", 0, () => ({ "/etc/apache2/conf-available/remoteip.conf": file("RemoteIPHeader X-Forwarded-For\n") })) },
    {
      by: 'RUN /bin/sh -c set -eux;     version=\'6.8.1\';         curl -o wordpress.tar.gz -fL "https://wordpress.org/wordpress-$version.tar.gz";         tar -xzf wordpress.tar.gz -C /usr/src/;     rm wordpress.tar.gz;         chown -R www-data:www-data /usr/src/wordpress;     mkdir wp-content;     for dir in /usr/src/wordpress/wp-content/*/ cache; do         dir="$(basename "${dir%/}")";         mkdir "wp-content/$dir";     done;     chown -R www-data:www-data wp-content;     chmod -R 1777 wp-content # buildkit',
      layer: L("wordpress-src", 78_720_000, () => ({
        "/usr/src/wordpress": dir(0o755, 33),
        "/usr/src/wordpress/index.php": { ...file("<?php\n// Front controller: loads the WordPress environment and theme.\ndefine( 'WP_USE_THEMES', true );\nrequire __DIR__ . '/wp-blog-header.php';\n"), uid: 33, gid: 33 },
        "/usr/src/wordpress/wp-config-sample.php": { ...file("<?php\n// Sample configuration: copy to wp-config.php and fill in the database settings.\n"), uid: 33, gid: 33 },
        "/var/www/html/wp-content": dir(0o1777, 33),
      })),
    },
    { by: "VOLUME [/var/www/html]" },
    { by: "COPY --chown=www-data:www-data wp-config-docker.php /usr/src/wordpress/ # buildkit", layer: L("wordpress-config", 6_780, () => ({ "/usr/src/wordpress/wp-config-docker.php": { ...file("<?php\n// Reads the database settings from the WORDPRESS_DB_* environment variables.\n"), uid: 33, gid: 33 } })) },
    { by: "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", layer: L("wordpress-entrypoint", 12_200, () => ({ "/usr/local/bin/docker-entrypoint.sh": script("wordpress-entrypoint", C.WORDPRESS_ENTRYPOINT) })) },
    { by: 'ENTRYPOINT ["docker-entrypoint.sh"]' },
    { by: 'CMD ["apache2-foreground"]' },
  ],
});

// --- Docker in Action ------------------------------------------------------------------

/** dockerinaction/hello_world: busybox with CMD echo "hello world" (2015, classic builder). */
export const dockerinactionHello = defineImage({
  key: "dockerinaction-hello_world",
  created: "2015-03-21T16:18:58Z",
  base: busybox2015,
  config: { Cmd: ["echo", "hello world"] },
  steps: [{ by: '/bin/sh -c #(nop) CMD ["echo" "hello world"]', comment: "" }],
});

export const runtimeImages: ImageDef[] = [
  node24, node22, node20, node20Alpine, python313, python312, python312Slim, wordpress, dockerinactionHello,
];
